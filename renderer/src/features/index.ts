import type { Pinia } from 'pinia'
import { db } from '../cache/db'
import { agendaFeature } from './agenda'
import { billingFeature } from './billing'
import { documentsFeature } from './documents'
import type { Feature, FeatureNav } from './feature'
import { patientsFeature } from './patients'
import { sessionFeature } from './session'

/** Every feature of the app. The router, the messages, the shell's tabs and disconnect iterate this list. */
export const features: readonly Feature[] = [sessionFeature, agendaFeature, patientsFeature, documentsFeature, billingFeature]

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
