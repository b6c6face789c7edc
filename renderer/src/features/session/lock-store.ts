import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { LockState } from '../../../../shared/contract'
import { call, toApiError, type ApiError } from '../../api'

/** How often the page asks main whether the lock is closed (main closes it on idle and the OS lock screen). */
export const LOCK_POLL_MS = 1000

/** The privacy lock as main reports it; where there is no lock (enabled: false) it stops asking. */
export const useLockStore = defineStore('lock', () => {
  const state = ref<LockState | null>(null)
  /** ms (page clock) until a PIN may be tried again. */
  const waitUntil = ref(0)
  let timer: ReturnType<typeof setInterval> | null = null
  // Answers can cross (a slow poll still on its way when the PIN's answer comes): only the latest asked counts.
  let asked = 0
  let applied = 0

  function took(seq: number, next: LockState): LockState {
    if (seq < applied) return state.value ?? next
    applied = seq
    waitUntil.value = next.retryInMs > 0 ? Date.now() + next.retryInMs : 0
    state.value = next
    if (!next.enabled) stop()
    return next
  }

  async function refresh(): Promise<void> {
    try {
      const seq = ++asked
      took(seq, await call('sessionLockState', {}))
    } catch {
      // main did not answer this once: keep what is shown (a closed lock stays closed)
    }
  }

  function start(): void {
    if (timer) return
    void refresh()
    // One poll at a time: a busy main is not asked again before it answered.
    let polling = false
    timer = setInterval(() => {
      if (polling) return
      polling = true
      void refresh().finally(() => (polling = false))
    }, LOCK_POLL_MS)
  }
  function stop(): void {
    if (timer) clearInterval(timer)
    timer = null
  }

  /** Unlocks, or sets the first PIN; a refusal is thrown as an ApiError (the state is refreshed first). */
  async function send(action: 'unlock' | 'set', pin: string): Promise<void> {
    try {
      const seq = ++asked
      took(seq, await call(action === 'set' ? 'sessionSetPin' : 'sessionUnlock', { pin }))
    } catch (e) {
      const error: ApiError = toApiError(e)
      await refresh()
      throw error
    }
  }

  return { state, waitUntil, start, stop, refresh, send }
})
