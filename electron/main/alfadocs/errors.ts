export type ApiErrorKind =
  'auth' | 'not-found' | 'invalid' | 'rate-limited' | 'server' | 'offline' | 'timeout' | 'bad-response' | 'too-large'

export interface AlfaDocsErrorInit {
  status?: number
  route?: string
  retryAfterMs?: number
  /** A specific refusal, kebab-case (e.g. 'key-malformed'). */
  code?: string
  /** The server's explanation, redacted: safe to show to the desk. */
  detail?: string
  cause?: unknown
}

/**
 * The one error type of the API client. `message` is an English sentence for logs; the UI explains
 * the error by `kind`. Messages never carry credentials (see redact()).
 */
export class AlfaDocsError extends Error {
  readonly kind: ApiErrorKind
  readonly status?: number
  readonly route?: string
  readonly retryAfterMs?: number
  readonly code?: string
  readonly detail?: string

  constructor(kind: ApiErrorKind, message: string, init: AlfaDocsErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause })
    this.name = 'AlfaDocsError'
    this.kind = kind
    if (init.status !== undefined) this.status = init.status
    if (init.route !== undefined) this.route = init.route
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs
    if (init.code !== undefined) this.code = init.code
    if (init.detail !== undefined && init.detail !== '') this.detail = init.detail
  }
}

export const isAlfaDocsError = (e: unknown): e is AlfaDocsError => e instanceof AlfaDocsError

/** HTTP status → error kind (only meaningful for non-2xx statuses). */
export function kindForStatus(status: number): ApiErrorKind {
  if (status === 401 || status === 403) return 'auth'
  if (status === 404) return 'not-found'
  if (status === 429) return 'rate-limited'
  if (status >= 500) return 'server'
  if (status >= 400) return 'invalid'
  return 'bad-response'
}

/** Statuses worth retrying on an idempotent request. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504])

/**
 * Replaces every occurrence of the given secrets with "***": as sent, percent-encoded, and JSON-escaped
 * (a server may echo the key in a URL or inside a JSON string).
 */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text
  for (const s of secrets) {
    if (s.length < 4) continue
    const forms = new Set([s, encodeURIComponent(s), JSON.stringify(s).slice(1, -1)])
    for (const f of forms) out = out.split(f).join('***')
  }
  return out
}

/** The same error with message and detail redacted (the one place every client error goes through). */
export function redactError(e: AlfaDocsError, secrets: readonly string[]): AlfaDocsError {
  const message = redact(e.message, secrets)
  const detail = e.detail === undefined ? undefined : redact(e.detail, secrets)
  if (message === e.message && detail === e.detail) return e
  const init: AlfaDocsErrorInit = {}
  if (e.status !== undefined) init.status = e.status
  if (e.route !== undefined) init.route = e.route
  if (e.retryAfterMs !== undefined) init.retryAfterMs = e.retryAfterMs
  if (e.code !== undefined) init.code = e.code
  if (detail !== undefined) init.detail = detail
  return new AlfaDocsError(e.kind, message, init)
}

/**
 * Pulls a short human explanation out of an error body: `{error, error_description}`, `{message}`,
 * or plain text (e.g. "Invalid access token"). Never longer than ~200 characters.
 */
export function serverExplanation(bodyText: string, json: unknown): string {
  let text = ''
  if (json && typeof json === 'object' && !Array.isArray(json)) {
    const o = json as Record<string, unknown>
    const parts = [o.error, o.error_description, o.message]
      .filter((v): v is string | number => typeof v === 'string' || typeof v === 'number')
      .map(String)
      .filter((v, i, a) => v.trim() !== '' && a.indexOf(v) === i)
    // Validation errors sometimes come as { errors: { field: [msg] } } or { errors: [msg] }.
    if (o.errors && typeof o.errors === 'object') parts.push(JSON.stringify(o.errors))
    text = parts.join(': ')
  } else if (json === undefined) {
    text = bodyText.replace(/<[^>]*>/g, ' ')
  }
  text = text.replace(/\s+/g, ' ').trim()
  return text.length > 200 ? `${text.slice(0, 197)}...` : text
}
