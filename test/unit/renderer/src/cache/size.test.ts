import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { SportelloDb } from '../../../../../renderer/src/cache/db'
import { cacheSize } from '../../../../../renderer/src/cache/size'
import { appt, patient } from './fixtures'

describe('cacheSize', () => {
  const db = new SportelloDb('size-1')
  afterEach(async () => {
    await db.delete()
  })

  it('counts days, appointments, patients and other reads; empty after a wipe', async () => {
    await db.storeDay('2026-03-11', [appt(1, '2026-03-11 09:00:00', 7), appt(2, '2026-03-11 10:00:00', 8)])
    await db.storeDay('2026-03-12', [appt(3, '2026-03-12 09:00:00', 7)])
    await db.storePatients([patient(7, 'Rossi'), patient(8, 'Bianchi'), patient(9, 'Verdi')])
    await db.reads.put({ key: 'billing:bill:5', value: { id: 5 }, syncedAt: 1 })
    const s = await cacheSize(db)
    expect(s).toMatchObject({ days: 2, appointments: 3, patients: 3, reads: 1, rows: 7 })
    // Node has no navigator.storage.estimate: the panel then says "not available" instead of a number.
    expect(s.bytes === null || typeof s.bytes === 'number').toBe(true)
    await db.wipe()
    expect(await cacheSize(db)).toMatchObject({ days: 0, appointments: 0, patients: 0, reads: 0, rows: 0 })
  })
})
