import { isIsoDate } from '../../shared/dates'

// Request validation in the style of the reference: every problem is a 400 {"error": "..."}.

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}
export const badRequest = (message: string) => new HttpError(400, message)
export const notFound = (what: string) => new HttpError(404, `${what} not found`)

export type Body = Record<string, unknown>

export function asObject(body: unknown): Body {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw badRequest('Request body must be a JSON object')
  return body as Body
}

const has = (b: Body, k: string) => b[k] !== undefined

export function isWallDateTime(s: unknown): s is string {
  if (typeof s !== 'string') return false
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(s)
  return !!m && isIsoDate(m[1]!) && Number(m[2]) < 24 && Number(m[3]) < 60 && Number(m[4]) < 60
}

export function reqString(b: Body, k: string): string {
  const v = b[k]
  if (typeof v !== 'string' || v.trim() === '') throw badRequest(`"${k}" is required`)
  return v
}
export function optString(b: Body, k: string): string | undefined {
  const v = b[k]
  if (v === undefined || v === null) return undefined
  if (typeof v !== 'string' && typeof v !== 'number') throw badRequest(`"${k}" must be a string`)
  return String(v)
}

function toInt(v: unknown): number | null {
  if (typeof v === 'number' && Number.isInteger(v)) return v
  if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number(v)
  return null
}
export function reqInt(b: Body, k: string): number {
  if (!has(b, k) || b[k] === null) throw badRequest(`"${k}" is required`)
  const n = toInt(b[k])
  if (n === null) throw badRequest(`"${k}" must be an integer`)
  return n
}
/** undefined = not sent; null = sent as null. */
export function optInt(b: Body, k: string): number | null | undefined {
  if (!has(b, k)) return undefined
  if (b[k] === null || b[k] === '') return null
  const n = toInt(b[k])
  if (n === null) throw badRequest(`"${k}" must be an integer`)
  return n
}
export function reqAmount(b: Body, k: string): number {
  const v = b[k]
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN
  if (v === undefined || v === null) throw badRequest(`"${k}" is required`)
  if (!Number.isFinite(n)) throw badRequest(`"${k}" must be a number`)
  if (n <= 0) throw badRequest(`"${k}" must be greater than 0`)
  return Math.round(n * 100) / 100
}
export function optBool(b: Body, k: string): boolean | undefined {
  const v = b[k]
  if (v === undefined || v === null) return undefined
  if (typeof v === 'boolean') return v
  if (v === 'true' || v === 1 || v === '1') return true
  if (v === 'false' || v === 0 || v === '0') return false
  throw badRequest(`"${k}" must be a boolean`)
}
export function reqEnum<T extends string>(b: Body, k: string, values: readonly T[]): T {
  const v = b[k]
  if (v === undefined || v === null || v === '') throw badRequest(`"${k}" is required`)
  if (!values.includes(v as T)) throw badRequest(`"${k}" must be one of: ${values.join(', ')}`)
  return v as T
}
export function optEnum<T extends string>(b: Body, k: string, values: readonly T[]): T | undefined {
  if (b[k] === undefined || b[k] === null) return undefined
  return reqEnum(b, k, values)
}
export function reqDate(b: Body, k: string): string {
  const v = b[k]
  if (v === undefined || v === null || v === '') throw badRequest(`"${k}" is required`)
  if (typeof v !== 'string' || !isIsoDate(v)) throw badRequest(`"${k}" must be a date (Y-m-d)`)
  return v
}
export function reqWall(b: Body, k: string): string {
  const v = b[k]
  if (v === undefined || v === null || v === '') throw badRequest(`"${k}" is required`)
  if (!isWallDateTime(v)) throw badRequest(`"${k}" must be a date-time "Y-m-d H:i:s"`)
  return v
}
/** An id that must reference an existing record of `list`. */
export function refId(b: Body, k: string, list: ReadonlyArray<{ id: number }>, required: boolean): number | null | undefined {
  const v = required ? reqInt(b, k) : optInt(b, k)
  if (v == null) return v
  if (!list.some((x) => x.id === v)) throw badRequest(`"${k}" ${v} does not exist`)
  return v
}

// Query parameters

export function queryEnum<T extends string>(q: URLSearchParams, k: string, values: readonly T[]): T | undefined {
  const v = q.get(k)
  if (v === null || v === '') return undefined
  if (!values.includes(v as T)) throw badRequest(`"${k}" must be one of: ${values.join(', ')}`)
  return v as T
}
export function queryInt(q: URLSearchParams, k: string): number | undefined {
  const v = q.get(k)
  if (v === null || v === '') return undefined
  if (!/^\d+$/.test(v)) throw badRequest(`"${k}" must be a non-negative integer`)
  return Number(v)
}
/** A Y-m-d date, or a "Y-m-d H:i:s" date-time (its day is used). */
export function queryDay(q: URLSearchParams, k: string): string | undefined {
  const v = q.get(k)
  if (v === null || v === '') return undefined
  const day = v.slice(0, 10)
  if (!isIsoDate(day) || (v.length > 10 && !isWallDateTime(v.replace('T', ' ')) && !isWallDateTime(v.replace('T', ' ') + ':00')))
    throw badRequest(`"${k}" must be a date (Y-m-d)`)
  return day
}
