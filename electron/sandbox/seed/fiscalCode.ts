import { fiscalCheckChar } from '../../../shared/patients/fiscal-code'

// Italian codice fiscale (DM 23/12/1976) for the seed's people; the check character is shared/patients'.

const MONTHS = 'ABCDEHLMPRST'
const letters = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z]/g, '')
const consonants = (s: string) => s.replace(/[AEIOU]/g, '')
const vowels = (s: string) => s.replace(/[^AEIOU]/g, '')

function surnameCode(lastName: string): string {
  const l = letters(lastName)
  return (consonants(l) + vowels(l) + 'XXX').slice(0, 3)
}

function nameCode(firstName: string): string {
  const l = letters(firstName)
  const c = consonants(l)
  if (c.length >= 4) return c[0]! + c[2]! + c[3]!
  return (c + vowels(l) + 'XXX').slice(0, 3)
}

/** A code as the seed makes it: upper-case, no omocodia substitutions (stricter than shared/patients' check). */
export function isValidFiscalCode(code: string): boolean {
  if (!/^[A-Z]{6}\d{2}[A-EHLMPRST]\d{2}[A-Z]\d{3}[A-Z]$/.test(code)) return false
  return fiscalCheckChar(code.slice(0, 15)) === code[15]
}

/** birthDate is YYYY-MM-DD; belfiore is the municipality code (e.g. A944 Bologna). */
export function fiscalCode(firstName: string, lastName: string, gender: 'm' | 'f', birthDate: string, belfiore: string): string {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number]
  const day = gender === 'f' ? d + 40 : d
  const body =
    surnameCode(lastName) +
    nameCode(firstName) +
    String(y % 100).padStart(2, '0') +
    MONTHS[m - 1]! +
    String(day).padStart(2, '0') +
    belfiore
  return body + fiscalCheckChar(body)
}
