import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { SportelloDb } from '../../../../../renderer/src/cache/db'
import { trimCache } from '../../../../../renderer/src/cache/trim'
import { appt, patient } from './fixtures'

// The per-day view row a warm open paints from: one get holds the day and the patients it names.

const dayAppt = (id: number, patientId: number | null) => appt(id, '2026-03-11 09:00:00', patientId)

describe('agenda day view rows', () => {
  const names: string[] = []
  const open = (name: string) => (names.push(name), new SportelloDb(name))
  afterEach(async () => {
    for (const n of names.splice(0)) await Dexie.delete(n)
  })

  it('stores the day with only the patients it names, and the reference beside it; wipe() forgets both', async () => {
    const db = open('view-1')
    const known = new Map([1, 2, 3].map((id) => [id, patient(id, `P${id}`)]))
    await db.storeDayView('2026-03-11', [dayAppt(10, 1), dayAppt(11, 3), dayAppt(12, null)], known, 42)
    await db.storeReference({ chairs: [{ id: 1, name: 'Poltrona 1', deleted: false }], colors: [], operators: [] })
    const [ref, day] = await db.views.bulkGet(['reference', 'day:2026-03-11'])
    expect(ref?.key).toBe('reference')
    expect(day && 'appointments' in day ? day.appointments.map((a) => a.id) : null).toEqual([10, 11, 12])
    expect(day && 'patients' in day ? day.patients.map((p) => p.lastName) : null).toEqual(['P1', 'P3'])
    expect(day?.syncedAt).toBe(42)
    await db.wipe()
    expect(await db.views.count()).toBe(0)
  })

  it('a version-2 cache opens with its rows kept and an empty views table', async () => {
    const old = new Dexie('view-2')
    names.push('view-2')
    old.version(2).stores({
      chairs: 'id',
      colors: 'id',
      operators: 'id',
      appointments: 'id, day, chairId, [day+chairId]',
      patients: 'id, sLast, *sPhones, sFiscal, sBirth',
      meta: 'key',
    })
    await old.table('chairs').put({ id: 7, name: 'Poltrona 7', deleted: false, syncedAt: 1 })
    old.close()
    const db = new SportelloDb('view-2')
    expect((await db.chairs.get(7))?.name).toBe('Poltrona 7')
    expect(await db.views.count()).toBe(0)
    db.close()
  })
})

// Memory keeps the view rows lately written or read, as the disk holds them: a day switch paints without IndexedDB.
describe('view rows kept in memory', () => {
  const names: string[] = []
  const open = (name: string) => (names.push(name), new SportelloDb(name))
  afterEach(async () => {
    for (const n of names.splice(0)) await Dexie.delete(n)
  })
  const keys = ['reference', 'day:2026-03-11']
  const ids = (rows: unknown[] | null) =>
    rows?.map((r) =>
      r && typeof r === 'object' && 'appointments' in r ? (r.appointments as Array<{ id: number }>).map((a) => a.id) : 'ref',
    )

  it('a written row is kept once the disk holds it; another instance (a reload) reads it from disk into memory', async () => {
    const db = open('mem-1')
    await db.storeReference({ chairs: [], colors: [], operators: [] })
    await db.storeDayView('2026-03-11', [dayAppt(10, null)], new Map(), 42)
    expect(ids(db.recentViews(keys))).toEqual(['ref', [10]])
    db.close()
    const reloaded = open('mem-1')
    expect(reloaded.recentViews(keys)).toBeNull()
    expect(ids(await reloaded.readViews(keys))).toEqual(['ref', [10]])
    expect(ids(reloaded.recentViews(keys))).toEqual(['ref', [10]])
  })

  it('a read that a write overtook keeps nothing older than the disk', async () => {
    const db = open('mem-2')
    await db.storeReference({ chairs: [], colors: [], operators: [] })
    await db.storeDayView('2026-03-11', [dayAppt(10, null)], new Map(), 1)
    const other = open('mem-2')
    // `other` has nothing in memory: its read goes to disk while a newer row is being written.
    const reading = other.readViews(keys)
    const writing = other.storeDayView('2026-03-11', [dayAppt(11, null)], new Map(), 2)
    await Promise.all([reading, writing])
    // The reference it read is not kept either (the read saw a write): the next read takes it from disk again.
    expect(ids(other.recentViews(['day:2026-03-11']))).toEqual([[11]])
    expect(other.recentViews(keys)).toBeNull()
    expect(ids(await other.readViews(keys))).toEqual(['ref', [11]])
  })

  it('forgets with the disk: wipe, another practice, trim', async () => {
    const db = open('mem-3')
    await db.setScope('demo-1-1')
    const fill = async (syncedAt = Date.now()) => {
      await db.storeReference({ chairs: [], colors: [], operators: [] }, syncedAt)
      await db.storeDayView('2026-03-11', [dayAppt(10, null)], new Map(), syncedAt)
    }
    await fill()
    await db.wipe()
    expect(db.recentViews(keys)).toBeNull()
    expect(await db.readViews(keys)).toEqual([undefined, undefined])

    await db.setScope('demo-1-1')
    await fill()
    await db.setScope('demo-2-2')
    expect(db.recentViews(keys)).toBeNull()
    expect(await db.readViews(keys)).toEqual([undefined, undefined])

    // Rows not refreshed within the window are trimmed: memory does not bring them back.
    await fill(Date.now() - 200 * 24 * 3600_000)
    await trimCache(db, 90)
    expect(db.recentViews(keys)).toBeNull()
    expect(await db.readViews(keys)).toEqual([undefined, undefined])
  })
})
