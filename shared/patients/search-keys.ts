import type { Patient } from '../alfadocs/schemas'
import { filtersFor, type PatientQuery } from './query'

/** Folded lower-case letters only: "D'Angelo" → "dangelo", "Niccolò" → "niccolo". */
export const foldKey = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z ]/g, '')
    .trim()

const digits = (s: string) => s.replace(/\D/g, '')

export interface PatientSearchKeys {
  sLast: string
  sFirst: string
  /** Each number alone and with its prefix as 00xx: a typed "+39 333…" and "333…" both find it. */
  sPhones: string[]
  sFiscal: string
  sBirth: string
}

/** Index keys stored beside each cached patient (Dexie indexes them; see renderer/src/cache/db.ts). */
export function patientSearchKeys(
  p: Pick<Patient, 'firstName' | 'lastName' | 'phoneNumbers' | 'italianFiscalCode' | 'dateOfBirth'>,
): PatientSearchKeys {
  const phones = new Set<string>()
  for (const n of p.phoneNumbers ?? []) {
    const num = digits(n.number)
    if (!num) continue
    phones.add(num)
    const pfx = digits(n.prefix ?? '').replace(/^00/, '')
    if (pfx) phones.add(`00${pfx}${num}`)
  }
  return {
    sLast: foldKey(p.lastName ?? ''),
    sFirst: foldKey(p.firstName ?? ''),
    sPhones: [...phones],
    sFiscal: (p.italianFiscalCode ?? '').toUpperCase().replace(/\s+/g, ''),
    sBirth: (p.dateOfBirth ?? '').slice(0, 10),
  }
}

/** Does a cached patient match the query? (The same rules the cache lookup uses, for in-memory lists.) */
export function matchesQuery(k: PatientSearchKeys, q: PatientQuery): boolean {
  return matcherFor(q)(k)
}

/** matchesQuery with the query's own work done once: the cache lookup runs it over every cached patient. */
export function matcherFor(q: PatientQuery): (k: PatientSearchKeys) => boolean {
  switch (q.kind) {
    case 'empty':
      return () => true
    case 'fiscalCode':
      return (k) => k.sFiscal === q.code
    case 'date':
      return (k) => k.sBirth === q.dateBirth
    case 'email':
      return () => false
    case 'phone': {
      const f = filtersFor(q) ?? {}
      const want = `${f.phoneNumberPrefix ?? ''}${f.phoneNumber ?? ''}`
      return (k) => k.sPhones.some((p) => p.startsWith(want))
    }
    case 'name': {
      const splits = q.splits
      return (k) => splits.some((s) => k.sLast.startsWith(s.lastName) && k.sFirst.startsWith(s.firstName))
    }
  }
}
