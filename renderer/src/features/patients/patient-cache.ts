import type { Table } from 'dexie'
import type { Patient } from '../../../../shared/alfadocs/schemas'
import { matcherFor, type PatientSearchKeys } from '../../../../shared/patients/search-keys'
import type { PatientQuery } from '../../../../shared/patients/query'
import { watchPatientRows, type PatientRow as Row } from '../../cache/patient-keys'

/** One cached patient in memory: its search keys and the patient itself. */
interface Entry {
  k: PatientSearchKeys
  p: Patient
}

/**
 * Every cached patient with its search keys, in memory: built once by reading the table, then kept current
 * by the writes the cache reports (cache/patient-keys.ts), a wipe included. A keystroke filters this map and
 * never waits for IndexedDB: in Chromium one read of the page's rows cost 20–40 ms of the 50 ms a keystroke
 * may take (issue #4); the rows
 * of 10 000 patients are a few megabytes.
 */
const memo = new WeakMap<Table<Row, number>, { ready: Promise<Map<number, Entry>>; map: Map<number, Entry> }>()

function indexOf(table: Table<Row, number>) {
  let m = memo.get(table)
  if (!m) {
    const map = new Map<number, Entry>()
    const stop = watchPatientRows(table, {
      put: (id, row) => (row.deleted ? map.delete(id) : map.set(id, entryOf(row))),
      delete: (id) => map.delete(id),
    })
    const ready = table
      .each((r) => {
        if (!r.deleted) map.set(r.id, entryOf(r))
      })
      .then(() => map)
    ready.catch(() => {
      stop()
      memo.delete(table)
    })
    m = { ready, map }
    memo.set(table, m)
  }
  return m
}

const entryOf = (r: Row): Entry => ({
  k: { sLast: r.sLast ?? '', sFirst: r.sFirst ?? '', sPhones: r.sPhones ?? [], sFiscal: r.sFiscal ?? '', sBirth: r.sBirth ?? '' },
  p: strip(r),
})

/** Builds the memory index ahead of the first keystroke (e.g. when the search screen opens). */
export const warmPatientIndex = (table: Table<Row, number>) => indexOf(table).ready.then((m) => m.size)

/** Last name, first name, id. */
const before = (a: Entry, b: Entry) =>
  a.k.sLast < b.k.sLast || (a.k.sLast === b.k.sLast && (a.k.sFirst < b.k.sFirst || (a.k.sFirst === b.k.sFirst && a.p.id < b.p.id)))

/**
 * Patients in the cache for a query, ordered by last name, first name, id, straight from memory. Only the
 * first offset + limit matches are kept in order (a broad "ro" matches thousands; sorting them all is waste).
 */
export async function searchCachedPatients(table: Table<Row, number>, q: PatientQuery, offset: number, limit: number) {
  if (q.kind === 'empty' || q.kind === 'email') return { total: 0, results: [] as Patient[] }
  const map = await indexOf(table).ready
  const keep = Math.max(0, offset + limit)
  const top: Entry[] = []
  const matches = matcherFor(q)
  let total = 0
  for (const e of map.values()) {
    if (!matches(e.k)) continue
    total++
    if (keep === 0 || (top.length === keep && !before(e, top[keep - 1]!))) continue
    let lo = 0
    let hi = top.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (before(top[mid]!, e)) lo = mid + 1
      else hi = mid
    }
    top.splice(lo, 0, e)
    if (top.length > keep) top.pop()
  }
  return { total, results: top.slice(offset).map((e) => e.p) }
}

/** A cached row without its search keys and synced-at: the patient as main sent it. */
export const stripSearchKeys = (r: Patient): Patient => strip(r as Row)

function strip(r: Row): Patient {
  const { sLast: _a, sFirst: _b, sPhones: _c, sFiscal: _d, sBirth: _e, syncedAt: _f, ...p } = r
  return p as Patient
}
