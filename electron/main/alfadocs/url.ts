import { AlfaDocsError } from './errors'

export type QueryValue = string | number | boolean | ReadonlyArray<string | number> | undefined | null
export type Query = Record<string, QueryValue>

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1'])

/**
 * Checks and normalises the API base URL: https anywhere, plain http only on loopback (the sandbox),
 * because every request carries a credential. Strips trailing slashes.
 */
export function normaliseBaseUrl(raw: string): string {
  let u: URL
  try {
    u = new URL(raw.trim())
  } catch {
    throw new AlfaDocsError('invalid', `The AlfaDocs base URL "${raw}" is not a valid URL.`)
  }
  const loopback = LOOPBACK.has(u.hostname) || /^127\.\d+\.\d+\.\d+$/.test(u.hostname)
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && loopback)) {
    throw new AlfaDocsError(
      'invalid',
      `The AlfaDocs base URL must use https (plain http is allowed only on this computer), got "${u.origin}".`,
    )
  }
  if (u.username || u.password) throw new AlfaDocsError('invalid', 'The AlfaDocs base URL must not contain a user name or password.')
  if (u.search || u.hash) throw new AlfaDocsError('invalid', 'The AlfaDocs base URL must not contain a query or fragment.')
  return `${u.origin}${u.pathname.replace(/\/+$/, '')}`
}

function encodeValue(v: string | number | boolean): string {
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  return encodeURIComponent(String(v))
}

/**
 * Query string for AlfaDocs: undefined/null skipped, booleans as "true"/"false", arrays joined with
 * literal commas (operatorIds=1,2,3). Empty string when nothing is left.
 */
export function buildQuery(query: Query | undefined): string {
  if (!query) return ''
  const parts: string[] = []
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null) continue
    const value = Array.isArray(v)
      ? (v as ReadonlyArray<string | number>).map(encodeValue).join(',')
      : encodeValue(v as string | number | boolean)
    parts.push(`${encodeURIComponent(k)}=${value}`)
  }
  return parts.length ? `?${parts.join('&')}` : ''
}

export function buildUrl(baseUrl: string, path: string, query?: Query): string {
  return `${baseUrl}${path}${buildQuery(query)}`
}

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date. Undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (header == null) return undefined
  const h = header.trim()
  if (h === '') return undefined
  if (/^\d+(\.\d+)?$/.test(h)) return Math.round(Number(h) * 1000)
  const t = Date.parse(h)
  if (Number.isNaN(t)) return undefined
  return Math.max(0, t - now)
}
