import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { Arrival } from '../../../../shared/contract/agenda'
import { call } from '../../api'
import { useAgendaClock } from './clock'
import { useAgendaStore } from './store'
import { useTodayStore } from './today'

/** How often the desk asks main (IPC only: main reads AlfaDocs every 10 s while asked). */
export const ARRIVALS_ASK_MS = 5_000

/**
 * Patients marked arrived at another desk: asked of main every few seconds, today's data read again at once
 * (the waiting room and the agenda show them within seconds), and the arrivals of each answer handed once,
 * together, to `onArrivals`. The page's first answer is not news: main's log of the day (up to 50 arrivals)
 * came before this page (a reload, a restart of the renderer) and the waiting room already shows them.
 */
export const useArrivalsStore = defineStore('agenda-arrivals', () => {
  const clock = useAgendaClock()
  const recent = shallowRef<Arrival[]>([])
  /** This page has main's first answer: what comes after it is news. */
  const asked = ref(false)
  let seq = 0
  let timer: ReturnType<typeof setInterval> | null = null
  let asking: Promise<void> | null = null
  const listeners = new Set<(fresh: Arrival[]) => void>()

  async function ask(): Promise<void> {
    const r = await call('agendaArrivals', { after: seq, today: clock.today.value })
    if (r.seq < seq) seq = 0 // main started again (or the practice changed): its numbering restarts
    const fresh = r.arrivals.filter((a) => a.seq > seq)
    seq = Math.max(seq, r.seq)
    const news = asked.value
    asked.value = true
    if (fresh.length === 0) return
    recent.value = [...recent.value, ...fresh].slice(-20)
    const today = useTodayStore()
    if (today.onScreen) void useAgendaStore().refresh()
    else void today.load()
    if (news) for (const l of listeners) l(fresh)
  }

  /** While mounted (the shell): asks now and every ARRIVALS_ASK_MS. Returns the stop. */
  function watch(onArrivals: (fresh: Arrival[]) => void): () => void {
    listeners.add(onArrivals)
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
      listeners.delete(onArrivals)
      if (listeners.size === 0 && timer) {
        clearInterval(timer)
        timer = null
      }
    }
  }

  function reset(): void {
    seq = 0
    recent.value = []
    asked.value = false
  }

  return { recent, asked, watch, reset }
})
