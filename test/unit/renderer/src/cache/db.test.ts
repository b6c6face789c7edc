import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Chair, Color, Operator } from '../../../../../shared/alfadocs/schemas'
import { SportelloDb, dayOf, metaKeys } from '../../../../../renderer/src/cache/db'
import { searchCachedPatients } from '../../../../../renderer/src/features/patients/patient-cache'
import { parsePatientQuery } from '../../../../../shared/patients/query'
import { appt, patient } from './fixtures'

const chair = (id: number, name: string): Chair => ({ id, name, deleted: false })
const color = (id: number, backgroundColor: string): Color => ({ id, backgroundColor, textColor: '000000' })
const operator = (id: number, name: string): Operator => ({ id, name, italianFiscalCode: null, sequenceNumber: null, deleted: false })

describe('renderer Dexie cache', () => {
  let db: SportelloDb
  let n = 0

  beforeEach(() => {
    db = new SportelloDb(`test-${++n}`)
  })
  afterEach(async () => {
    await db.delete()
  })

  it('stores a day and reads it back by date, indexed by chair', async () => {
    await db.storeDay(
      '2026-03-11',
      [appt(1, '2026-03-11 09:30:00', 10), appt(2, '2026-03-11 10:00:00', 11, { chairId: 2 }), appt(3, '2026-03-11 11:00:00', 12)],
      1000,
    )
    await db.storeDay('2026-03-12', [appt(4, '2026-03-12 09:00:00', 10)], 2000)

    const day = await db.readDay('2026-03-11')
    expect(day.appointments.map((a) => a.id).sort()).toEqual([1, 2, 3])
    expect(day.appointments.every((a) => a.day === '2026-03-11' && a.syncedAt === 1000)).toBe(true)
    expect(day.syncedAt).toBe(1000)

    const chair1 = await db.appointments.where('[day+chairId]').equals(['2026-03-11', 1]).toArray()
    expect(chair1.map((a) => a.id).sort()).toEqual([1, 3])
    expect((await db.readDay('2026-03-12')).appointments.map((a) => a.id)).toEqual([4])
    expect(await db.readDay('2026-03-13')).toEqual({ appointments: [], syncedAt: null })
  })

  it('replaces a day on refresh so deleted appointments disappear', async () => {
    await db.storeDay('2026-03-11', [appt(1, '2026-03-11 09:30:00', 10), appt(2, '2026-03-11 10:00:00', 11)], 1000)
    await db.storeDay('2026-03-11', [appt(2, '2026-03-11 10:30:00', 11)], 3000)
    const day = await db.readDay('2026-03-11')
    expect(day.appointments.map((a) => [a.id, a.date])).toEqual([[2, '2026-03-11 10:30:00']])
    expect(day.syncedAt).toBe(3000)
  })

  it('keeps reference data and patients with their sync time', async () => {
    await db.storeReference(
      {
        chairs: [chair(1, 'Poltrona 1')],
        colors: [color(5, 'aabbcc')],
        operators: [operator(7, 'Dott.ssa Bianchi')],
      },
      500,
    )
    await db.storePatients([patient(10, 'Rossi')], 600)

    const ref = await db.readReference()
    expect(ref.chairs.map((c) => c.name)).toEqual(['Poltrona 1'])
    expect(ref.colors[0]?.backgroundColor).toBe('aabbcc')
    expect(ref.operators[0]?.name).toBe('Dott.ssa Bianchi')
    expect(ref.syncedAt).toBe(500)
    const patients = await db.readPatients([10, 99])
    expect(patients.map((p) => `${p.lastName} ${p.firstName}`)).toEqual(['Rossi Mario'])
  })

  it('wipe() empties every table', async () => {
    await db.storeDay('2026-03-11', [appt(1, '2026-03-11 09:30:00', 10)])
    await db.storePatients([patient(10, 'Rossi')])
    await db.storeReference({ chairs: [chair(1, 'P1')], colors: [], operators: [] })

    await db.reads.put({ key: 'bills:x', value: [1, 2], syncedAt: 5 })
    await db.wipe()

    const counts = await Promise.all(db.tables.map((t) => t.count()))
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'appointments',
      'chairs',
      'colors',
      'meta',
      'operators',
      'patients',
      'reads',
      'views',
    ])
    expect(counts).toEqual(db.tables.map(() => 0))
    expect(await db.meta.get(metaKeys.day('2026-03-11'))).toBeUndefined()
  })

  it("wipe() also empties the patient search's memory index: the next practice finds none of the last one's patients", async () => {
    await db.storePatients([patient(10, 'Rossi'), patient(11, 'Rossini', { firstName: 'Anna' })])
    const find = async (text: string) => (await searchCachedPatients(db.patients, parsePatientQuery(text), 0, 20)).results.map((p) => p.id)
    expect(await find('ross')).toEqual([10, 11])
    await db.wipe()
    expect(await find('ross')).toEqual([])
    // Written after the wipe: found again, with its search keys (the cache's hooks still run).
    await db.storePatients([patient(12, 'Rossetti', { firstName: 'Luca' })])
    expect(await find('ross')).toEqual([12])
    expect((await db.patients.get(12))?.sLast).toBe('rossetti')
  })

  it('derives the day from the wall-time date', () => {
    expect(dayOf({ date: '2026-03-29 02:30:00' })).toBe('2026-03-29')
    expect(dayOf({ date: 'garbage' })).toBeNull()
  })
})
