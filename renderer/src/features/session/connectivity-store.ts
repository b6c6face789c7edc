import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { ConnectivitySnapshotData } from '../../../../shared/contract'
import { call } from '../../api'
import { refreshReadsAfterOutage } from '../../data/read'

/** Main is asked this often (IPC only: main knows from the client's requests and its own probe). */
export const CONNECTIVITY_POLL_MS = 2000

type State = ConnectivitySnapshotData['state']

/**
 * Whether AlfaDocs answers, as main sees it: online, offline (since when) or the key refused. The shell shows
 * it on every screen; when it comes back online, every read in use that missed its answer asks again, and the
 * stores that keep their own data (agenda) do the same through `onBackOnline`.
 */
export const useConnectivityStore = defineStore('connectivity', () => {
  const state = ref<State>('online')
  /** When the current state began (ms), null before main first answered. */
  const since = ref<number | null>(null)
  /** The last answer AlfaDocs gave (ms), null before the first. */
  const lastOkAt = ref<number | null>(null)
  const online = computed(() => state.value === 'online')
  const listeners = new Set<() => void>()
  let timer: ReturnType<typeof setInterval> | null = null
  let polling: Promise<void> | null = null

  function apply(s: ConnectivitySnapshotData): void {
    const before = since.value === null ? null : { state: state.value, since: since.value }
    state.value = s.state
    since.value = s.since
    lastOkAt.value = s.lastOkAt
    // Online again, also when the outage began and ended between two polls (a newer `since`).
    if (before && s.state === 'online' && (before.state !== 'online' || before.since !== s.since)) backOnline()
  }

  function backOnline(): void {
    void refreshReadsAfterOutage()
    for (const cb of [...listeners]) {
      try {
        cb()
      } catch (e) {
        console.warn('[sportello] a back-online listener failed', e)
      }
    }
  }

  /** Asks main once (a poll already on its way is shared). */
  function poll(): Promise<void> {
    polling ??= call('sessionConnectivity', {})
      .then(apply, () => undefined)
      .finally(() => (polling = null))
    return polling
  }

  /** Polls until stop() (the shell, while a practice is open). */
  function start(): void {
    if (timer) return
    void poll()
    timer = setInterval(() => void poll(), CONNECTIVITY_POLL_MS)
  }

  function stop(): void {
    if (timer) clearInterval(timer)
    timer = null
  }

  /** `cb` runs each time AlfaDocs answers again after an outage or a refused key; returns an unsubscribe. */
  function onBackOnline(cb: () => void): () => void {
    listeners.add(cb)
    return () => listeners.delete(cb)
  }

  function reset(): void {
    stop()
    state.value = 'online'
    since.value = null
    lastOkAt.value = null
  }

  return { state, since, lastOkAt, online, poll, start, stop, onBackOnline, reset }
})
