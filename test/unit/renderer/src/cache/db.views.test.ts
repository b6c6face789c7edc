import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { SportelloDb } from '../../../../../renderer/src/cache/db'
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
