// Italian codice fiscale: format (with omocodia substitutions) and check character (DM 23/12/1976).

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

/** Digits may be replaced by L M N P Q R S T U V (omocodia) when two people would share a code. */
const D = '[0-9LMNPQRSTUV]'
export const FISCAL_CODE_FORMAT = new RegExp(`^[A-Z]{6}${D}{2}[ABCDEHLMPRST]${D}{2}[A-Z]${D}{3}[A-Z]$`)

/** Values AlfaDocs data holds instead of a code; accepted only when the user overrides deliberately. */
export const FISCAL_CODE_PLACEHOLDERS = ['NON DISPONIBILE', 'NON DISP', 'ND', 'N/D', 'STRANIERO', 'ESTERO'] as const

export function normaliseFiscalCode(raw: string): string {
  return raw.toUpperCase().replace(/\s+/g, '')
}

const evenValue = (ch: string): number => (ch >= '0' && ch <= '9' ? ch.charCodeAt(0) - 48 : ch.charCodeAt(0) - 65)

/** The check character for the first 15 characters of a code (already upper-case). */
export function fiscalCheckChar(first15: string): string {
  let sum = 0
  for (let i = 0; i < 15; i++) {
    const ch = first15[i] ?? ''
    sum += i % 2 === 0 ? (ODD[ch] ?? 0) : evenValue(ch)
  }
  return String.fromCharCode(65 + (sum % 26))
}

export type FiscalCodeCheck =
  | { ok: true; code: string }
  | { ok: false; code: string; problem: 'empty' | 'placeholder' | 'length' | 'format' | 'check'; expected?: string }

/** Why a fiscal code is not acceptable as typed (spaces removed, upper-cased); `ok` when it is. */
export function checkFiscalCode(raw: string): FiscalCodeCheck {
  const spaced = raw.trim().toUpperCase().replace(/\s+/g, ' ')
  const code = normaliseFiscalCode(raw)
  if (code === '') return { ok: false, code, problem: 'empty' }
  if ((FISCAL_CODE_PLACEHOLDERS as readonly string[]).includes(spaced)) return { ok: false, code: spaced, problem: 'placeholder' }
  if (code.length !== 16) return { ok: false, code, problem: 'length' }
  if (!FISCAL_CODE_FORMAT.test(code)) return { ok: false, code, problem: 'format' }
  const expected = fiscalCheckChar(code.slice(0, 15))
  if (code[15] !== expected) return { ok: false, code, problem: 'check', expected }
  return { ok: true, code }
}

export const isValidFiscalCode = (raw: string): boolean => checkFiscalCode(raw).ok

/** The month letters of a code, January first. */
const MONTH_LETTERS = 'ABCDEHLMPRST'
/** Omocodia: the letter that stands for each digit (L = 0 … V = 9). */
const OMOCODIA = 'LMNPQRSTUV'
const digitOf = (ch: string): string => {
  const i = OMOCODIA.indexOf(ch)
  return i >= 0 ? String(i) : ch
}

/** What a valid code says about its holder. The birthplace is the municipality's cadastral (Belfiore) code,
 * Z and three digits for a foreign country. */
export interface FiscalCodeFacts {
  dateOfBirth: string
  gender: 'm' | 'f'
  birthplaceCode: string
}

/**
 * Birth date, sex and birthplace code from a valid fiscal code (omocodia undone; women's day + 40), or null when
 * the code is not valid or its date does not exist. The code has two year digits: the century is the one that
 * puts the birth on or before `today` (YYYY-MM-DD), so nobody is born in the future.
 */
export function decodeFiscalCode(raw: string, today: string): FiscalCodeFacts | null {
  const check = checkFiscalCode(raw)
  if (!check.ok) return null
  const c = check.code
  const yy = Number(digitOf(c[6]!) + digitOf(c[7]!))
  const month = MONTH_LETTERS.indexOf(c[8]!) + 1
  const dayField = Number(digitOf(c[9]!) + digitOf(c[10]!))
  const gender = dayField > 40 ? 'f' : 'm'
  const day = gender === 'f' ? dayField - 40 : dayField
  const thisYear = Number(today.slice(0, 4))
  let year = Math.floor(thisYear / 100) * 100 + yy
  const mm = String(month).padStart(2, '0')
  const dd = String(day).padStart(2, '0')
  if (`${year}-${mm}-${dd}` > today) year -= 100
  const date = `${year}-${mm}-${dd}`
  const d = new Date(`${date}T12:00:00Z`)
  if (day < 1 || Number.isNaN(d.getTime()) || d.getUTCDate() !== day || d.getUTCMonth() + 1 !== month) return null
  return { dateOfBirth: date, gender, birthplaceCode: c[11]! + digitOf(c[12]!) + digitOf(c[13]!) + digitOf(c[14]!) }
}
