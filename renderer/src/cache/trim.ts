import { addDaysIso, todayIn, type IsoDate } from '../../../shared/dates'
import type { SportelloDb } from './db'

// The cache keeps patient data only as far back as the desk needs it: older rows are deleted at start and
// once a day (the window is a setting, cache/settings.ts).

export interface TrimResult {
  cutoff: IsoDate
  deleted: number
}

const ISO_IN_KEY = /\d{4}-\d{2}-\d{2}/g
const DAY_MS = 24 * 3600_000

/** The ISO dates a cache key names (a day, a range, a takings date); empty if none. */
export const datesInKey = (key: string): IsoDate[] => key.match(ISO_IN_KEY) ?? []

/**
 * Deletes what lies before the window: the days of the agenda before it (appointments, painted views and
 * their synced-at), reads whose key names only dates before it (bills of an old range, old takings), and any
 * row not refreshed within it (a document's bytes, a read never asked for again, a patient gone from AlfaDocs).
 */
export async function trimCache(db: SportelloDb, days: number, now: Date = new Date()): Promise<TrimResult> {
  const cutoff = addDaysIso(todayIn(undefined, now), -days)
  const oldestMs = now.getTime() - days * DAY_MS
  const before = (key: string) => {
    const dates = datesInKey(key)
    return dates.length > 0 && dates.every((d) => d < cutoff)
  }
  const stale = (r: unknown) => {
    const at = (r as { syncedAt?: unknown }).syncedAt
    return typeof at === 'number' && at < oldestMs
  }
  let deleted = 0
  let goneViews: string[] = []
  await db.transaction('rw', db.tables, async () => {
    deleted += await db.appointments.where('day').below(cutoff).delete()
    deleted += await db.meta.filter((m) => m.key.startsWith('day:') && before(m.key)).delete()
    goneViews = await db.views.filter((v) => (v.key.startsWith('day:') && before(v.key)) || stale(v)).primaryKeys()
    await db.views.bulkDelete(goneViews)
    deleted += goneViews.length
    deleted += await db.reads.filter((r) => before(r.key)).delete()
    for (const t of db.tables) {
      if (t === db.views) continue
      // The scope row says whose cache this is; it is not data to age out.
      deleted += await t.filter((r: unknown) => stale(r) && (r as { key?: unknown }).key !== 'scope').delete()
    }
  })
  // Memory forgets the view rows that went (the day on screen and its neighbours stay: a switch paints at once).
  db.forgetViews(goneViews)
  return { cutoff, deleted }
}
