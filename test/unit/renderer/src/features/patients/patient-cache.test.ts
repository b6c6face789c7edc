import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { patientSchema, type Patient } from '../../../../../../shared/alfadocs/schemas'
import { parsePatientQuery } from '../../../../../../shared/patients/query'
import { SportelloDb } from '../../../../../../renderer/src/cache/db'
import { searchCachedPatients } from '../../../../../../renderer/src/features/patients/patient-cache'

const patient = (id: number, lastName: string, firstName: string, extra: Record<string, unknown> = {}): Patient =>
  patientSchema.parse({ id, firstName, lastName, phoneNumbers: [], ...extra })

let db: SportelloDb
let n = 0
beforeEach(() => {
  db = new SportelloDb(`patients-cache-${++n}`)
})
afterEach(async () => {
  db.close()
  await db.delete()
})

const find = async (text: string) =>
  (await searchCachedPatients(db.patients, parsePatientQuery(text), 0, 20)).results.map((p: Patient) => p.id)

describe('the patient cache search', () => {
  it('finds by last-name then first-name prefix, accents folded, whoever stored the patients', async () => {
    await db.storePatients([
      patient(1, 'Rossi', 'Mario'),
      patient(2, 'Rossi', 'Marta'),
      patient(3, 'Rossetti', 'Anna'),
      patient(4, 'De Luca', 'Matteo'),
      patient(5, 'Bianchi', 'Niccolò'),
    ])
    expect(await find('rossi ma')).toEqual([1, 2])
    expect(await find('ross')).toEqual([3, 1, 2])
    expect(await find('rossi mart')).toEqual([2])
    expect(await find('de luca ma')).toEqual([4])
    expect(await find('bianchi nicco')).toEqual([5])
    const page2 = await searchCachedPatients(db.patients, parsePatientQuery('r'), 1, 1)
    expect({ total: page2.total, ids: page2.results.map((p: Patient) => p.id) }).toEqual({ total: 3, ids: [1] })
  })

  it('finds by phone with or without +39, by fiscal code and by birth date; updates keep the keys current', async () => {
    await db.storePatients([
      patient(1, 'Rossi', 'Mario', {
        phoneNumbers: [{ id: '1', prefix: '+39', number: '3331234567', label: 'Cellulare', smsEnabled: true }],
        italianFiscalCode: 'RSSMRA85T10A562S',
        dateBirth: '1985-12-10',
      }),
      patient(2, 'Verdi', 'Anna', { phoneNumbers: [{ id: '2', prefix: '+39', number: '0511234567', label: 'Casa', smsEnabled: false }] }),
    ])
    expect(await find('+39 333 123 4567')).toEqual([1])
    expect(await find('0039 333')).toEqual([1])
    expect(await find('333 12')).toEqual([1])
    expect(await find('051 123')).toEqual([2])
    expect(await find('rssmra85t10a562s')).toEqual([1])
    expect(await find('10/12/1985')).toEqual([1])
    // The same patient stored again with a new number: the old one no longer finds it.
    await db.storePatients([patient(2, 'Verdi', 'Anna', { phoneNumbers: [{ id: '3', prefix: '+39', number: '3470000000' }] })])
    expect(await find('051 123')).toEqual([])
    expect(await find('347')).toEqual([2])
    const [back] = await db.readPatients([2])
    expect(back).toMatchObject({ id: 2, lastName: 'Verdi' })
    // Disconnecting wipes the cache: the search forgets too.
    await db.wipe()
    expect(await searchCachedPatients(db.patients, parsePatientQuery('verdi'), 0, 20)).toEqual({ total: 0, results: [] })
  })
})
