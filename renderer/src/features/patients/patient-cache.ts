import type { Table } from 'dexie'
import type { Patient } from '../../../../shared/alfadocs/schemas'
import { matchesQuery, patientSearchKeys, type PatientSearchKeys } from '../../../../shared/patients/search-keys'
import { filtersFor, type PatientQuery } from '../../../../shared/patients/query'

type Row = Patient & Partial<PatientSearchKeys> & { syncedAt: number }

/** The patients table's indexes (version 2 of the cache); keep in step with patientSearchKeys. */
export const PATIENT_INDEXES = 'id, sLast, *sPhones, sFiscal, sBirth'

/** Keeps the search keys beside every patient stored, by whoever stores it (Dexie hooks). */
export function installPatientSearchHooks(table: Table<Row, number>): void {
  table.hook('creating', (_pk, obj) => {
    Object.assign(obj, patientSearchKeys(obj))
  })
  table.hook('updating', (mods, _pk, obj) => {
    const next = { ...obj, ...(mods as Partial<Row>) }
    return patientSearchKeys(next)
  })
}

export const addSearchKeys = (p: Patient) => Object.assign(p, patientSearchKeys(p))

/**
 * Patients in the cache for a query: one indexed range (last-name prefix, phone prefix, exact fiscal
 * code or birth date), then the rest of the rule in memory. Sorted by last then first name.
 */
export async function searchCachedPatients(table: Table<Row, number>, q: PatientQuery, offset: number, limit: number) {
  let candidates: Row[]
  switch (q.kind) {
    case 'empty':
    case 'email':
      return { total: 0, results: [] as Patient[] }
    case 'fiscalCode':
      candidates = await table.where('sFiscal').equals(q.code).toArray()
      break
    case 'date':
      candidates = await table.where('sBirth').equals(q.dateBirth).toArray()
      break
    case 'phone': {
      const f = filtersFor(q) ?? {}
      candidates = await table.where('sPhones').startsWith(`${f.phoneNumberPrefix ?? ''}${f.phoneNumber ?? ''}`).distinct().toArray()
      break
    }
    case 'name': {
      const first = q.splits[0]!.lastName.split(' ')[0]!
      candidates = await table.where('sLast').startsWith(first).toArray()
      break
    }
  }
  const hits = candidates
    .filter((p) => !p.deleted && matchesQuery(p as unknown as PatientSearchKeys, q))
    .sort((a, b) => (a.sLast ?? '').localeCompare(b.sLast ?? '') || (a.sFirst ?? '').localeCompare(b.sFirst ?? '') || a.id - b.id)
  return { total: hits.length, results: hits.slice(offset, offset + limit).map(strip) }
}

function strip(r: Row): Patient {
  const { sLast: _a, sFirst: _b, sPhones: _c, sFiscal: _d, sBirth: _e, syncedAt: _f, ...p } = r
  return p as Patient
}
