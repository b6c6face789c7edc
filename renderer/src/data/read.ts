import { shallowRef, type ShallowRef } from 'vue'
import type { ErrorData } from '../../../shared/contract'
import { isOfflineKind, toApiError } from '../api'
import { readCached, storeCached } from '../cache/reads'

/**
 * What a screen knows about one piece of data. Never mistake "not loaded" for "empty": `value` is only set
 * once an answer (or a cache entry) for exactly these arguments exists.
 * - loading: nothing known yet, asking main
 * - fresh: main just answered
 * - cached: shown from the cache (or an earlier answer) — `error` says why it is not fresh, if it failed
 * - offline: no answer and nothing cached
 * - error: main refused, nothing to show
 */
export type ReadStatus = 'idle' | 'loading' | 'fresh' | 'cached' | 'offline' | 'error'

export interface ReadState<T> {
  status: ReadStatus
  value: T | null
  /** When `value` was last answered by main (ms), null before. */
  syncedAt: number | null
  error: ErrorData | null
  /** A request is on its way (also while a cached value is shown). */
  refreshing: boolean
}

export interface ReadOptions<A, T> {
  fetch: (args: A) => Promise<T>
  /** A cache key for these arguments: the value is kept in IndexedDB and shown first next time. */
  cacheKey?: (args: A) => string
  now?: () => number
}

export interface Read<A, T> {
  state: ShallowRef<ReadState<T>>
  /** Ask for `args` (a new key shows loading or the cache at once; the same key refreshes in place). */
  load(args: A): Promise<void>
  /** Ask again for the last arguments. */
  refresh(): Promise<void>
  /** Change the value shown (after a mutation), keeping its freshness. */
  patch(fn: (value: T) => T): void
  reset(): void
}

/**
 * The reads in use: asked for since their last reset. When AlfaDocs answers again, those that could not be
 * answered meanwhile ask again (see refreshReadsAfterOutage), in place: the value shown stays until the answer.
 */
const inUse = new Set<{ state: ShallowRef<ReadState<unknown>>; refresh(): Promise<void> }>()

/** Whether a read shows nothing fresh because AlfaDocs could not be reached (or refused the key). */
const missedAnswer = (s: ReadState<unknown>): boolean =>
  !s.refreshing &&
  (s.status === 'offline' || ((s.status === 'cached' || s.status === 'error') && s.error !== null && outageKind(s.error.kind)))
const outageKind = (kind: ErrorData['kind']) => isOfflineKind(kind) || kind === 'auth'

/** Back online: every read in use that missed its answer asks again (cached values stay on screen meanwhile). */
export async function refreshReadsAfterOutage(): Promise<void> {
  await Promise.all([...inUse].filter((r) => missedAnswer(r.state.value)).map((r) => r.refresh()))
}

const idle = <T>(): ReadState<T> => ({ status: 'idle', value: null, syncedAt: null, error: null, refreshing: false })

/** One read with the states every view renders the same way. Stores own these; views never call main. */
export function createRead<A, T>(opts: ReadOptions<A, T>): Read<A, T> {
  const state = shallowRef<ReadState<T>>(idle())
  const now = opts.now ?? Date.now
  let current: { args: A; key: string } | null = null
  let seq = 0

  const keyOf = (args: A) => (opts.cacheKey ? opts.cacheKey(args) : JSON.stringify(args ?? null))

  async function load(args: A): Promise<void> {
    inUse.add(read)
    const key = keyOf(args)
    const mine = ++seq
    const same = current?.key === key && state.value.value !== null
    current = { args, key }
    if (!same) state.value = { ...idle<T>(), status: 'loading', refreshing: true }
    else state.value = { ...state.value, refreshing: true }

    if (!same && opts.cacheKey) {
      const hit = await readCached<T>(key).catch(() => null)
      if (mine === seq && hit && state.value.status === 'loading') {
        state.value = { status: 'cached', value: hit.value, syncedAt: hit.syncedAt, error: null, refreshing: true }
      }
    }

    try {
      const value = await opts.fetch(args)
      if (mine !== seq) return
      const at = now()
      // On disk before the screen says it is up to date: a reload or an outage right after still finds it.
      if (opts.cacheKey) {
        await storeCached(key, value, at).catch(() => undefined)
        if (mine !== seq) return
      }
      state.value = { status: 'fresh', value, syncedAt: at, error: null, refreshing: false }
    } catch (e) {
      if (mine !== seq) return
      const error = toApiError(e).toData()
      const prev = state.value
      if (prev.value !== null) state.value = { ...prev, status: 'cached', error, refreshing: false }
      else state.value = { status: isOfflineKind(error.kind) ? 'offline' : 'error', value: null, syncedAt: null, error, refreshing: false }
    }
  }

  const read: Read<A, T> = {
    state,
    load,
    refresh: () => (current ? load(current.args) : Promise.resolve()),
    patch(fn) {
      const s = state.value
      if (s.value !== null) state.value = { ...s, value: fn(s.value) }
    },
    reset() {
      inUse.delete(read)
      seq++
      current = null
      state.value = idle()
    },
  }
  return read
}
