import type { Pinia } from 'pinia'
import { watch } from 'vue'
import { cacheScope, db } from '../cache/db'
import { keepTrimmed } from '../cache/keeper'
import { agendaFeature } from './agenda'
import { billingFeature } from './billing'
import { documentsFeature } from './documents'
import type { Feature, FeatureNav } from './feature'
import { listsFeature } from './lists'
import { patientsFeature } from './patients'
import { printFeature } from './print'
import { sessionFeature } from './session'
import { useSessionStore } from './session/store'
import { settingsFeature } from './settings'

/** Every feature of the app. The router, the messages, the shell's tabs and disconnect iterate this list. */
export const features: readonly Feature[] = [
  sessionFeature,
  agendaFeature,
  patientsFeature,
  documentsFeature,
  billingFeature,
  listsFeature,
  settingsFeature,
  printFeature,
]

/** The shell's tabs, in their order (Alt+1 is the first). */
export const navTabs: readonly FeatureNav[] = features.flatMap((f) => (f.nav ? [f.nav] : [])).sort((a, b) => a.order - b.order)

/**
 * Forget the practice that was connected: every feature's stores, then the renderer's IndexedDB. Run after
 * disconnecting, once Connect is on screen (no view shows a store any more); the next practice starts empty.
 */
export async function forgetPractice(pinia: Pinia): Promise<void> {
  const failures: unknown[] = []
  for (const f of features) {
    try {
      await f.reset?.(pinia)
    } catch (e) {
      failures.push(e)
    }
  }
  // The disk is wiped even if a store could not be reset.
  await db.wipe()
  if (failures.length > 0) throw failures[0]
}

/**
 * Keeps the renderer's cache the connected practice's own, for the app's lifetime: IndexedDB opens only once
 * the session is known (a cache of another practice is wiped first), a connect to another practice without a
 * disconnect in between forgets the last one in every store too, and the cache is trimmed to its window at
 * start and daily. Returns the function that stops following.
 */
export function followPractice(pinia: Pinia): () => void {
  db.requireScope()
  const session = useSessionStore(pinia)
  let last: string | null | undefined
  let stopTrim: (() => void) | null = null
  let chain = Promise.resolve()
  const stopWatch = watch(
    () => (session.status === null ? undefined : session.connected ? cacheScope(session.connected) : null),
    (scope) => {
      if (scope === undefined || scope === last) return
      const switched = typeof last === 'string' && scope !== null
      last = scope
      chain = chain
        .then(async () => {
          stopTrim?.()
          stopTrim = null
          if (switched) await forgetPractice(pinia)
          await db.setScope(scope)
          if (scope !== null) stopTrim = keepTrimmed(db)
        })
        .catch(() => undefined)
    },
    { immediate: true, flush: 'sync' },
  )
  return () => {
    stopWatch()
    stopTrim?.()
  }
}
