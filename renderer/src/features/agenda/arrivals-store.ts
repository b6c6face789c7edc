import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { Arrival } from '../../../../shared/contract/agenda'
import { call } from '../../api'
import { useAgendaClock } from './clock'
import { useAgendaStore } from './store'
import { useTodayStore } from './today'

/** How often the desk asks main (IPC only: main reads AlfaDocs every 10 s while asked). */
export const ARRIVALS_ASK_MS = 5_000

/**
 * Patients marked arrived at another desk: asked of main every few seconds, today's data read again at once
 * (the waiting room and the agenda show them within seconds), and each arrival handed once to `onArrival`.
 */
export const useArrivalsStore = defineStore('agenda-arrivals', () => {
  const clock = useAgendaClock()
  const recent = shallowRef<Arrival[]>([])
  let seq = 0
  let timer: ReturnType<typeof setInterval> | null = null
  let asking: Promise<void> | null = null
  const listeners = new Set<(a: Arrival) => void>()

  async function ask(): Promise<void> {
    const r = await call('agendaArrivals', { after: seq, today: clock.today.value })
    if (r.seq < seq) seq = 0 // main started again (or the practice changed): its numbering restarts
    const fresh = r.arrivals.filter((a) => a.seq > seq)
    seq = Math.max(seq, r.seq)
    if (fresh.length === 0) return
    recent.value = [...recent.value, ...fresh].slice(-20)
    const today = useTodayStore()
    if (today.onScreen) void useAgendaStore().refresh()
    else void today.load()
    for (const a of fresh) for (const l of listeners) l(a)
  }

  /** While mounted (the shell): asks now and every ARRIVALS_ASK_MS. Returns the stop. */
  function watch(onArrival: (a: Arrival) => void): () => void {
    listeners.add(onArrival)
    if (!timer) {
      const tick = () => {
        asking ??= ask()
          .catch(() => undefined)
          .finally(() => (asking = null))
      }
      tick()
      timer = setInterval(tick, ARRIVALS_ASK_MS)
    }
    return () => {
      listeners.delete(onArrival)
      if (listeners.size === 0 && timer) {
        clearInterval(timer)
        timer = null
      }
    }
  }

  function reset(): void {
    seq = 0
    recent.value = []
  }

  return { recent, watch, reset }
})
