import { normaliseFiscalCode, FISCAL_CODE_FORMAT } from './fiscal-code'

/**
 * What the one search box understood. Each kind maps to AlfaDocs search filters (`filters`) and to the
 * renderer's cache lookup. Names try every split of the words: "de luca ma" is first tried as last name
 * "de" + first name "luca ma", then as last name "de luca" + first name "ma".
 */
export type PatientQuery =
  | { kind: 'empty' }
  | { kind: 'name'; splits: Array<{ lastName: string; firstName: string }> }
  | { kind: 'phone'; prefix: '0039' | null; number: string }
  | { kind: 'fiscalCode'; code: string }
  | { kind: 'date'; dateBirth: string }
  | { kind: 'email'; email: string }

export type PatientFilters = Partial<
  Record<'firstName' | 'lastName' | 'phoneNumber' | 'phoneNumberPrefix' | 'italianFiscalCode' | 'dateBirth' | 'email', string>
>

const pad = (n: number) => String(n).padStart(2, '0')

function realDate(y: number, m: number, d: number): string | null {
  if (y < 1880 || y > 2200 || m < 1 || m > 12 || d < 1) return null
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
  if (d > last) return null
  return `${y}-${pad(m)}-${pad(d)}`
}

/** dd/mm/yyyy (also with - or .) or yyyy-mm-dd → YYYY-MM-DD; null if not a real date. */
export function parseBirthDate(s: string): string | null {
  const t = s.trim()
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t)
  if (m) return realDate(Number(m[1]), Number(m[2]), Number(m[3]))
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t)
  if (m) return realDate(Number(m[3]), Number(m[2]), Number(m[1]))
  return null
}

/** +39 333 123 4567, 0039-333…, 333.123.4567 → digits; Italian prefix split off as 0039. */
export function normalisePhone(s: string): { prefix: '0039' | null; number: string } | null {
  const t = s.trim().replace(/[\s./()-]/g, '')
  if (!/^(\+|00)?\d{3,}$/.test(t)) return null
  if (t.startsWith('+39')) return t.length > 3 ? { prefix: '0039', number: t.slice(3) } : null
  if (t.startsWith('0039')) return t.length > 4 ? { prefix: '0039', number: t.slice(4) } : null
  if (t.startsWith('+')) return { prefix: null, number: t.slice(1) }
  return { prefix: null, number: t }
}

const foldName = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()

export function parsePatientQuery(raw: string): PatientQuery {
  const text = raw.trim().replace(/\s+/g, ' ')
  if (text === '') return { kind: 'empty' }
  const compact = normaliseFiscalCode(text)
  if (compact.length === 16 && FISCAL_CODE_FORMAT.test(compact)) return { kind: 'fiscalCode', code: compact }
  const date = parseBirthDate(text)
  if (date) return { kind: 'date', dateBirth: date }
  if (/^[^\s@]+@[^\s@]+$/.test(text)) return { kind: 'email', email: text.toLowerCase() }
  const phone = normalisePhone(text)
  if (phone) return { kind: 'phone', ...phone }
  const words = foldName(text)
    .replace(/[,;]/g, ' ')
    .split(' ')
    .filter((w) => w !== '')
  if (words.length === 0 || words.some((w) => /\d/.test(w))) return { kind: 'empty' }
  const splits = words.map((_, i) => ({ lastName: words.slice(0, i + 1).join(' '), firstName: words.slice(i + 1).join(' ') }))
  return { kind: 'name', splits }
}

/** The AlfaDocs search filters for one reading of the query (for names: the split at `splitIndex`). */
export function filtersFor(q: PatientQuery, splitIndex = 0): PatientFilters | null {
  switch (q.kind) {
    case 'empty':
      return {}
    case 'fiscalCode':
      return { italianFiscalCode: q.code }
    case 'date':
      return { dateBirth: q.dateBirth }
    case 'email':
      return { email: q.email }
    case 'phone':
      return q.prefix ? { phoneNumberPrefix: q.prefix, phoneNumber: q.number } : { phoneNumber: q.number }
    case 'name': {
      const s = q.splits[splitIndex]
      if (!s) return null
      return s.firstName ? { lastName: s.lastName, firstName: s.firstName } : { lastName: s.lastName }
    }
  }
}
