// Italian codice fiscale (DM 23/12/1976), including the check character.

const MONTHS = 'ABCDEHLMPRST'
const ODD: Record<string, number> = {
  '0': 1,
  '1': 0,
  '2': 5,
  '3': 7,
  '4': 9,
  '5': 13,
  '6': 15,
  '7': 17,
  '8': 19,
  '9': 21,
  A: 1,
  B: 0,
  C: 5,
  D: 7,
  E: 9,
  F: 13,
  G: 15,
  H: 17,
  I: 19,
  J: 21,
  K: 2,
  L: 4,
  M: 18,
  N: 20,
  O: 11,
  P: 3,
  Q: 6,
  R: 8,
  S: 12,
  T: 14,
  U: 16,
  V: 10,
  W: 22,
  X: 25,
  Y: 24,
  Z: 23,
}

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

function evenValue(ch: string): number {
  return ch >= '0' && ch <= '9' ? ch.charCodeAt(0) - 48 : ch.charCodeAt(0) - 65
}

/** The check character for the first 15 characters of a fiscal code. */
export function fiscalCheckChar(first15: string): string {
  let sum = 0
  for (let i = 0; i < 15; i++) {
    const ch = first15[i]!
    sum += i % 2 === 0 ? (ODD[ch] ?? 0) : evenValue(ch)
  }
  return String.fromCharCode(65 + (sum % 26))
}

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
