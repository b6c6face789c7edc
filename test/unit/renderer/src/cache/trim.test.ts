import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SportelloDb } from '../../../../../renderer/src/cache/db'
import { datesInKey, trimCache } from '../../../../../renderer/src/cache/trim'
import { appt, patient } from './fixtures'

// The cache keeps 90 days back by default: agenda days, reads whose key names dates, and rows not refreshed
// within the window (documents' bytes, reads never asked again, patients) go; newer ones stay.

const NOW = new Date('2026-06-10T10:00:00Z')
const DAY = 24 * 3600_000
const at = (daysAgo: number) => NOW.getTime() - daysAgo * DAY

describe('trimCache', () => {
  let db: SportelloDb
  let n = 0
  beforeEach(() => {
    db = new SportelloDb(`trim-${++n}`)
  })
  afterEach(async () => {
    await db.delete()
  })

  it('deletes the days, reads and rows older than the window and keeps the newer ones', async () => {
    await db.setScope('1-1')
    const recent = at(1)
    // 2026-03-12 is exactly 90 days before 2026-06-10: the oldest day kept.
    await db.storeDay('2026-03-11', [appt(1, '2026-03-11 09:00:00', 7)], recent)
    await db.storeDay('2026-03-12', [appt(2, '2026-03-12 09:00:00', 7)], recent)
    await db.storeDay('2026-06-10', [appt(3, '2026-06-10 09:00:00', 8)], recent)
    await db.storeDayView('2026-03-11', [], new Map(), recent)
    await db.storeDayView('2026-06-10', [], new Map(), recent)
    await db.storePatients([patient(7, 'Rossi')], recent)
    await db.storePatients([patient(9, 'Vecchi')], at(91))
    await db.reads.bulkPut([
      { key: 'billing:bills:2026-01-01..2026-02-28:incoming', value: [], syncedAt: recent },
      { key: 'billing:bills:2026-02-01..2026-04-30:incoming', value: [], syncedAt: recent },
      { key: 'billing:takings:2026-03-01', value: {}, syncedAt: recent },
      { key: 'billing:takings:2026-06-09', value: {}, syncedAt: recent },
      { key: 'documents:7', value: [], syncedAt: recent },
      { key: 'documents:9', value: [], syncedAt: at(120) },
    ])
    await db.meta.put({ key: 'patients:filled', syncedAt: recent })

    const r = await trimCache(db, 90, NOW)
    expect(r.cutoff).toBe('2026-03-12')

    expect((await db.appointments.toArray()).map((a) => a.id).sort()).toEqual([2, 3])
    expect((await db.meta.toArray()).map((m) => m.key).sort()).toEqual(['day:2026-03-12', 'day:2026-06-10', 'patients:filled', 'scope'])
    expect((await db.views.toArray()).map((v) => v.key)).toEqual(['day:2026-06-10'])
    expect((await db.patients.toArray()).map((p) => p.id)).toEqual([7])
    expect((await db.reads.toArray()).map((x) => x.key).sort()).toEqual([
      'billing:bills:2026-02-01..2026-04-30:incoming',
      'billing:takings:2026-06-09',
      'documents:7',
    ])
    expect(r.deleted).toBe(7)
    expect(await db.currentScope()).toBe('1-1')
  })

  it('memory forgets the view rows the trim deleted and keeps the others (a day switch still paints from it)', async () => {
    await db.storeDayView('2026-03-11', [appt(1, '2026-03-11 09:00:00', 7)], new Map(), at(1))
    await db.storeDayView('2026-06-09', [appt(2, '2026-06-09 09:00:00', 7)], new Map(), at(1))
    await db.storeDayView('2026-06-10', [appt(3, '2026-06-10 09:00:00', 7)], new Map(), at(100))
    await db.storeDayView('2026-06-11', [appt(4, '2026-06-11 09:00:00', 7)], new Map(), at(1))
    const kept = ['day:2026-06-09', 'day:2026-06-11']
    expect(db.recentViews(kept)).not.toBeNull()
    const r = await trimCache(db, 90, NOW)
    // The day before the window and the row not refreshed within it are gone, from disk and from memory.
    expect(r.deleted).toBe(2)
    expect((await db.views.toArray()).map((v) => v.key).sort()).toEqual(kept)
    expect(db.recentViews(['day:2026-03-11'])).toBeNull()
    expect(db.recentViews(['day:2026-06-10'])).toBeNull()
    expect(db.recentViews(kept)?.map((v) => ('appointments' in v ? v.appointments.map((a) => a.id) : []))).toEqual([[2], [4]])
  })

  it('a shorter window deletes more; nothing is deleted twice', async () => {
    await db.storeDay('2026-05-01', [appt(1, '2026-05-01 09:00:00', 7)], at(1))
    expect((await trimCache(db, 90, NOW)).deleted).toBe(0)
    expect((await trimCache(db, 30, NOW)).deleted).toBe(2)
    expect(await db.appointments.count()).toBe(0)
    expect((await trimCache(db, 30, NOW)).deleted).toBe(0)
  })

  it('reads the dates a key names', () => {
    expect(datesInKey('billing:bills:2026-01-01..2026-02-28:incoming')).toEqual(['2026-01-01', '2026-02-28'])
    expect(datesInKey('patients:patient:7')).toEqual([])
  })
})
