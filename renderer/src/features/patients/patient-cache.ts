import type { Table } from 'dexie'
import type { Patient } from '../../../../shared/alfadocs/schemas'
import { matchesQuery, patientSearchKeys, type PatientSearchKeys } from '../../../../shared/patients/search-keys'
import type { PatientQuery } from '../../../../shared/patients/query'

type Row = Patient & Partial<PatientSearchKeys> & { syncedAt: number }

/** The patients table's indexes (version 2 of the cache); keep in step with patientSearchKeys. */
export const PATIENT_INDEXES = 'id, sLast, *sPhones, sFiscal, sBirth'

/**
 * The search keys of every cached patient, in memory: built once by reading the table, then
 * kept current by the same hooks that write the keys. A keystroke filters this map (about a millisecond
 * for 10 000 patients) and reads only the page it shows.
 */
const memo = new WeakMap<Table<Row, number>, { ready: Promise<Map<number, PatientSearchKeys>>; map: Map<number, PatientSearchKeys> }>()

function indexOf(table: Table<Row, number>) {
  let m = memo.get(table)
  if (!m) {
    const map = new Map<number, PatientSearchKeys>()
    const ready = table
      .each((r) => {
        if (!r.deleted) map.set(r.id, keysOf(r))
      })
      .then(() => map)
    ready.catch(() => memo.delete(table))
    m = { ready, map }
    memo.set(table, m)
  }
  return m
}

const keysOf = (r: Partial<PatientSearchKeys>): PatientSearchKeys => ({
  sLast: r.sLast ?? '',
  sFirst: r.sFirst ?? '',
  sPhones: r.sPhones ?? [],
  sFiscal: r.sFiscal ?? '',
  sBirth: r.sBirth ?? '',
})

/** Keeps the search keys beside every patient stored, by whoever stores it (Dexie hooks), and the memory index current. */
export function installPatientSearchHooks(table: Table<Row, number>): void {
  const remember = (id: number, row: Row) => {
    const m = memo.get(table)
    if (!m) return
    if (row.deleted) m.map.delete(id)
    else m.map.set(id, keysOf(row))
  }
  table.hook('creating', function (pk, obj) {
    Object.assign(obj, patientSearchKeys(obj))
    this.onsuccess = () => remember(pk ?? obj.id, obj)
  })
  table.hook('updating', function (mods, pk, obj) {
    const keys = patientSearchKeys({ ...obj, ...(mods as Partial<Row>) })
    this.onsuccess = (updated: Row) => remember(pk, updated)
    return keys
  })
  table.hook('deleting', function (pk) {
    this.onsuccess = () => memo.get(table)?.map.delete(pk)
  })
}

export const addSearchKeys = (p: Patient) => Object.assign(p, patientSearchKeys(p))

/** Builds the memory index ahead of the first keystroke (e.g. when the search screen opens). */
export const warmPatientIndex = (table: Table<Row, number>) => indexOf(table).ready.then((m) => m.size)

/**
 * Patients in the cache for a query, ordered by last name, first name, id: the memory index decides
 * which and in what order, then one bulkGet reads the page.
 */
export async function searchCachedPatients(table: Table<Row, number>, q: PatientQuery, offset: number, limit: number) {
  if (q.kind === 'empty' || q.kind === 'email') return { total: 0, results: [] as Patient[] }
  const map = await indexOf(table).ready
  const hits: Array<[number, PatientSearchKeys]> = []
  for (const entry of map) if (matchesQuery(entry[1], q)) hits.push(entry)
  hits.sort(([ia, a], [ib, b]) => (a.sLast < b.sLast ? -1 : a.sLast > b.sLast ? 1 : a.sFirst < b.sFirst ? -1 : a.sFirst > b.sFirst ? 1 : ia - ib))
  const rows = await table.bulkGet(hits.slice(offset, offset + limit).map(([id]) => id))
  return { total: hits.length, results: rows.filter((r): r is Row => r !== undefined).map(strip) }
}

function strip(r: Row): Patient {
  const { sLast: _a, sFirst: _b, sPhones: _c, sFiscal: _d, sBirth: _e, syncedAt: _f, ...p } = r
  return p as Patient
}
