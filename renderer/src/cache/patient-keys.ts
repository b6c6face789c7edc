import type { Table } from 'dexie'
import type { Patient } from '../../../shared/alfadocs/schemas'
import { patientSearchKeys, type PatientSearchKeys } from '../../../shared/patients/search-keys'

// The patients table's derived columns: the search keys written beside every patient, whoever stores it, so
// the table's indexes can find it. The search itself (memory index, ranking) is the patients feature's.

export type PatientRow = Patient & Partial<PatientSearchKeys> & { syncedAt: number }

/** The patients table's indexes (version 2 of the cache); keep in step with patientSearchKeys. */
export const PATIENT_INDEXES = 'id, sLast, *sPhones, sFiscal, sBirth'

export const addSearchKeys = (p: Patient) => Object.assign(p, patientSearchKeys(p))

/** Told of every row written or removed once the write has succeeded (e.g. to keep a memory index current). */
export interface PatientRowListener {
  put(id: number, row: PatientRow): void
  /** Also told for each row of a `clear()` (Dexie deletes row by row while a deleting hook is installed). */
  delete(id: number): void
}

const listeners = new WeakMap<Table<PatientRow, number>, Set<PatientRowListener>>()

/** Listens to the table's writes; returns the function that stops listening. */
export function watchPatientRows(table: Table<PatientRow, number>, l: PatientRowListener): () => void {
  let set = listeners.get(table)
  if (!set) listeners.set(table, (set = new Set()))
  set.add(l)
  return () => set.delete(l)
}

/** Writes the search keys with every patient stored (Dexie hooks), and tells the listeners. */
export function installPatientKeyHooks(table: Table<PatientRow, number>): void {
  const each = (fn: (l: PatientRowListener) => void) => {
    for (const l of listeners.get(table) ?? []) fn(l)
  }
  table.hook('creating', function (pk, obj) {
    Object.assign(obj, patientSearchKeys(obj))
    this.onsuccess = () => each((l) => l.put(pk ?? obj.id, obj))
  })
  table.hook('updating', function (mods, pk, obj) {
    const keys = patientSearchKeys({ ...obj, ...(mods as Partial<PatientRow>) })
    this.onsuccess = (updated: PatientRow) => each((l) => l.put(pk, updated))
    return keys
  })
  table.hook('deleting', function (pk) {
    this.onsuccess = () => each((l) => l.delete(pk))
  })
}
