import { normaliseFiscalCode, isValidFiscalCode } from './fiscal-code'

export interface IdentityFields {
  id?: number
  firstName: string
  lastName: string
  italianFiscalCode?: string | null
  dateOfBirth?: string | null
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '')

/** Why `other` looks like the same person as `p`: same (real) fiscal code, or same name and birth date. */
export function duplicateReason(p: IdentityFields, other: IdentityFields): 'fiscalCode' | 'nameAndBirth' | null {
  if (p.id !== undefined && p.id === other.id) return null
  const a = normaliseFiscalCode(p.italianFiscalCode ?? '')
  if (a !== '' && isValidFiscalCode(a) && a === normaliseFiscalCode(other.italianFiscalCode ?? '')) return 'fiscalCode'
  const birth = p.dateOfBirth?.slice(0, 10)
  if (
    birth &&
    birth === other.dateOfBirth?.slice(0, 10) &&
    fold(p.firstName) === fold(other.firstName) &&
    fold(p.lastName) === fold(other.lastName)
  )
    return 'nameAndBirth'
  return null
}

/** Age in whole years on `today` (YYYY-MM-DD), or null without a birth date. */
export function ageOn(dateOfBirth: string | null | undefined, today: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(dateOfBirth ?? '')
  const t = /^(\d{4})-(\d{2})-(\d{2})/.exec(today)
  if (!m || !t) return null
  let age = Number(t[1]) - Number(m[1])
  if (t[2]! + t[3]! < m[2]! + m[3]!) age--
  return age >= 0 ? age : null
}
