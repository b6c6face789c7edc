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
