import type { SportelloDb } from './db'

/** What the cache holds, for the settings panel: rows per kind and, where the browser says, bytes used. */
export interface CacheSize {
  /** Days of the agenda with appointments kept. */
  days: number
  appointments: number
  patients: number
  /** Every other saved answer: bills, takings, a patient's tabs, documents lists. */
  reads: number
  /** Rows of every table, all kinds together. */
  rows: number
  /** Bytes of this origin's storage (navigator.storage.estimate), null where it is not available. */
  bytes: number | null
}

export async function cacheSize(db: SportelloDb): Promise<CacheSize> {
  const counts = await db.transaction('r', db.tables, () => Promise.all(db.tables.map(async (t) => [t.name, await t.count()] as const)))
  const n = Object.fromEntries(counts) as Record<string, number>
  const days = (await db.appointments.orderBy('day').uniqueKeys()).length
  const estimate = await globalThis.navigator?.storage?.estimate?.().catch(() => null)
  return {
    days,
    appointments: n.appointments ?? 0,
    patients: n.patients ?? 0,
    reads: n.reads ?? 0,
    rows: Object.entries(n).reduce((sum, [name, c]) => sum + (name === 'meta' ? 0 : c), 0),
    bytes: typeof estimate?.usage === 'number' ? estimate.usage : null,
  }
}
