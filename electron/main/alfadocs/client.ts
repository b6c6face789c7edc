import type { z } from 'zod'
import { fillPath, isIdempotent, routes, SCOPE_PREFIX, type RouteDef, type RouteName } from '../../../shared/alfadocs/routes'
import type { Me, Patient } from '../../../shared/alfadocs/schemas'
import { isIsoDate, splitWindows } from '../../../shared/dates'
import { base64Length, MAX_UPLOAD_MB_CEILING } from '../../../shared/patients/upload-rules'
import { AlfaDocsError, kindForStatus, redact, redactError, RETRYABLE_STATUSES, serverExplanation, type ApiErrorKind } from './errors'
import { RateLimiter, type Priority } from './limiter'
import { parseEnvelope, type PageOf } from './parse'
import { buildUrl, normaliseBaseUrl, parseRetryAfter, type Query } from './url'

export type Auth = { apiKey: string } | { bearerToken: string }

export interface RequestEvent {
  route: string
  method: string
  url: string
  /** HTTP status, or null when no answer came (network error, timeout). */
  status: number | null
  attempt: number
  ms: number
}

export interface ClientOptions {
  /** e.g. https://app.alfadocs.com/api/v1, or http://127.0.0.1:PORT/api/v1 for the sandbox (http only on loopback). */
  baseUrl: string
  auth: Auth
  /**
   * Request starts allowed in any rolling window (LIMITER_WINDOW_MS), shared by all calls of this client: the
   * ceiling; after a 429 the limiter runs below it and climbs back (see RateLimiter). Default 10.
   */
  requestsPerSecond?: number
  /** Per attempt. Default 20000. */
  timeoutMs?: number
  /** Retries after the first attempt of an idempotent request (timeouts, dropped connections, 502/503/504). Default 3. */
  maxRetries?: number
  /**
   * Retries of a request refused with 429 (nothing was applied, so any method may be sent again). Separate
   * from maxRetries: desks sharing a key meet 429s while they adapt, and that must not reach a person. Default 8.
   */
  maxRateLimitRetries?: number
  /** Largest response body read, in bytes (counted while streaming; more is a 'too-large' error). Default 32 MB. */
  maxBodyBytes?: number
  /** The same for file downloads (a document as base64 JSON). Default: the base64 of the largest upload allowed, plus 1 MB. */
  maxFileBodyBytes?: number
  /** Base of the exponential backoff with jitter. Default 500. */
  retryBaseMs?: number
  /** Longest server-requested Retry-After we wait for before giving up with 'rate-limited'. Default 60000. */
  maxRetryAfterMs?: number
  /**
   * A limiter to share with other clients of the same credential (the server counts per key, not per
   * client). Default: a private one at `requestsPerSecond`. Build it with createLimiter().
   */
  limiter?: RateLimiter
  fetchImpl?: typeof fetch
  onRequest?: (e: RequestEvent) => void
}

type Routes = typeof routes
type SchemaOf<N extends RouteName> = Routes[N] extends { schema: infer S extends z.ZodType } ? S : never
/** The parsed entity a route returns (z.output of its schema). */
export type Entity<N extends RouteName> = z.output<SchemaOf<N>>
export type Page<T> = PageOf<T>

export type RouteResult<N extends RouteName> = Routes[N]['envelope'] extends infer E
  ? E extends 'list'
    ? Entity<N>[]
    : E extends 'item' | 'top'
      ? Entity<N>
      : E extends 'page'
        ? Page<Entity<N>>
        : E extends 'file'
          ? { file: string }
          : E extends 'status'
            ? { status: string }
            : void
  : never

export interface RequestArgs {
  params?: Record<string, string | number>
  query?: Query
  body?: unknown
  signal?: AbortSignal
  timeoutMs?: number
  /** 'interactive' (default: a person waits for it) goes before 'bulk' (cache fills, long listings). */
  priority?: Priority
  /** Requests of one lane take turns with other callers' (see RateLimiter); default: a lane of its own. */
  lane?: object
}

export interface ListOptions {
  priority?: Priority
  signal?: AbortSignal
}

/** Filters of the patient search (GET /patients); extra keys are passed through. */
export interface PatientSearchFilters {
  firstName?: string
  lastName?: string
  email?: string
  phoneNumber?: string
  /** Format 0039 (not +39). */
  phoneNumberPrefix?: string
  italianFiscalCode?: string
  /** YYYY-MM-DD */
  dateBirth?: string
  [key: string]: string | number | boolean | undefined
}

const PATIENT_PAGE_MAX = 100
/**
 * The limiter's rolling window: one second plus a margin. The server counts arrivals, not our starts;
 * network jitter (a slow first burst on fresh connections, a fast next one on kept-alive ones) could
 * otherwise squeeze 11 arrivals into the server's second and earn a 429.
 */
export const LIMITER_WINDOW_MS = 1100
const MAX_BACKOFF_MS = 30_000
export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024
export const DEFAULT_MAX_FILE_BODY_BYTES = base64Length(MAX_UPLOAD_MB_CEILING * 1024 * 1024) + 1024 * 1024
/** An error answer is only read for its explanation: the rest is dropped. */
const MAX_ERROR_BODY_BYTES = 64 * 1024
/** Windows of one listing in flight at once; the others wait in the listing's own lane. */
const WINDOW_CONCURRENCY = 4

interface Answer {
  status: number
  headers: Headers
  text: string
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = () => {
      clearTimeout(t)
      reject(signal!.reason)
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })

function networkReason(e: unknown): string {
  const cause = (e as { cause?: { code?: unknown; message?: unknown } } | null)?.cause
  const code = typeof cause?.code === 'string' ? cause.code : undefined
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused'
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host name not found'
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'connection closed before an answer arrived'
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'connection timed out'
  }
  if (typeof cause?.message === 'string' && cause.message) return cause.message
  return e instanceof Error ? e.message : String(e)
}

/**
 * The AlfaDocs HTTP client of the main process: one route table, one limiter, one error type.
 * Plain Node (global fetch), no Electron.
 */
export class AlfaDocsClient {
  readonly baseUrl: string
  private auth: Auth
  private readonly limiter: RateLimiter
  private readonly timeoutMs: number
  private readonly maxRetries: number
  private readonly retryBaseMs: number
  private readonly maxRetryAfterMs: number
  private readonly maxRateLimitRetries: number
  private readonly maxBodyBytes: number
  private readonly maxFileBodyBytes: number
  private readonly fetchImpl: typeof fetch
  private readonly onRequest?: (e: RequestEvent) => void
  private mePromise: Promise<Me> | undefined
  private readonly counters = { requests: 0, retries: 0 }

  constructor(opts: ClientOptions) {
    this.baseUrl = normaliseBaseUrl(opts.baseUrl)
    this.auth = checkAuth(opts.auth)
    this.limiter = opts.limiter ?? createLimiter(opts.requestsPerSecond ?? 10)
    this.timeoutMs = opts.timeoutMs ?? 20_000
    this.maxRetries = Math.max(0, opts.maxRetries ?? 3)
    this.retryBaseMs = Math.max(0, opts.retryBaseMs ?? 500)
    this.maxRetryAfterMs = opts.maxRetryAfterMs ?? 60_000
    this.maxRateLimitRetries = Math.max(0, opts.maxRateLimitRetries ?? 8)
    this.maxBodyBytes = Math.max(1, opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES)
    this.maxFileBodyBytes = Math.max(1, opts.maxFileBodyBytes ?? DEFAULT_MAX_FILE_BODY_BYTES)
    this.fetchImpl = opts.fetchImpl ?? ((...a) => fetch(...a))
    if (opts.onRequest) this.onRequest = opts.onRequest
  }

  /** Replaces the credential (e.g. a refreshed OAuth token); keeps the limiter and the memoised /me. */
  setAuth(auth: Auth): void {
    this.auth = checkAuth(auth)
  }

  /** GET /me, memoised (a failure is not memoised). */
  me(): Promise<Me> {
    if (!this.mePromise) {
      const p = this.request('me') as Promise<Me>
      this.mePromise = p
      p.catch(() => {
        if (this.mePromise === p) this.mePromise = undefined
      })
    }
    return this.mePromise
  }

  stats(): { requests: number; retries: number } {
    return { ...this.counters }
  }

  /**
   * For a request whose body is streamed by the caller (a large document upload): waits for a slot of the
   * shared rate limiter, counts it, and gives the absolute URL and headers (one auth scheme). The caller
   * sends it once and parses the answer itself; nothing is retried.
   */
  async prepareStreamed(
    name: RouteName,
    params: Record<string, string | number>,
    signal?: AbortSignal,
  ): Promise<{ url: string; method: string; headers: Record<string, string> }> {
    const route = routes[name] as RouteDef
    const url = await this.routeUrl(route, params)
    await this.limiter.acquire(signal ? { signal } : {})
    this.counters.requests++
    return { url, method: route.method, headers: this.headers(true) }
  }

  /**
   * The error for a non-2xx answer the caller read itself (a streamed upload): the same wording, kinds
   * and redaction as every other request of this client.
   */
  answerError(name: string, label: string, status: number, headers: Headers, text: string): AlfaDocsError {
    return this.statusError(name, label, { status, headers, text })
  }

  /** Any error of this client's requests with the credential removed from message and detail. */
  redacted(e: AlfaDocsError): AlfaDocsError {
    return redactError(e, this.secrets())
  }

  async request<N extends RouteName>(name: N, args: RequestArgs = {}): Promise<RouteResult<N>> {
    const route = routes[name] as RouteDef | undefined
    if (!route) throw new Error(`unknown AlfaDocs route "${String(name)}"`)
    const url = await this.routeUrl(route, args.params ?? {}, args.query)
    const answer = await this.execute(name, route, url, args)
    if (route.envelope === 'empty') return undefined as RouteResult<N>
    let json: unknown
    if (answer.text.trim() !== '') {
      try {
        json = JSON.parse(answer.text)
      } catch {
        throw this.error(
          'bad-response',
          `AlfaDocs answered ${route.method} ${name} (HTTP ${answer.status}) with a body that is not JSON.`,
          {
            route: name,
            status: answer.status,
          },
        )
      }
    } else if (route.envelope !== 'status') {
      throw this.error('bad-response', `AlfaDocs answered ${route.method} ${name} (HTTP ${answer.status}) with an empty body.`, {
        route: name,
        status: answer.status,
      })
    }
    try {
      return parseEnvelope(name, route, answer.status, json) as RouteResult<N>
    } catch (e) {
      throw e instanceof AlfaDocsError ? this.redacted(e) : e
    }
  }

  /**
   * For routes with a date window: splits the inclusive range [from, to] (YYYY-MM-DD) into windows the
   * API accepts (route.maxWindowDays), requests them a few at a time in one limiter lane (so other
   * callers take turns with it between windows), merges them in order and drops repeated ids. The first
   * failure stops the other windows and is thrown.
   */
  async listWindowed<N extends RouteName>(
    name: N,
    from: string,
    to: string,
    query: Record<string, string | number | boolean | undefined> = {},
    opts: ListOptions = {},
  ): Promise<Entity<N>[]> {
    const route = routes[name] as RouteDef
    if (route.envelope !== 'list' || !route.windowParams) throw new Error(`route ${name} is not a date-windowed list`)
    for (const d of [from, to]) {
      if (!isIsoDate(d)) throw new AlfaDocsError('invalid', `The date "${d}" for ${name} is not a valid YYYY-MM-DD date.`, { route: name })
    }
    const [startParam, endParam] = route.windowParams
    const windows = route.maxWindowDays ? splitWindows(from, to, route.maxWindowDays) : from <= to ? [[from, to] as [string, string]] : []
    const stop = new AbortController()
    const outer = opts.signal
    const onOuter = () => stop.abort(outer!.reason)
    if (outer?.aborted) throw outer.reason
    outer?.addEventListener('abort', onOuter, { once: true })
    const lane = {}
    const pages: unknown[][] = new Array(windows.length)
    let nextIndex = 0
    const worker = async () => {
      while (!stop.signal.aborted && nextIndex < windows.length) {
        const i = nextIndex++
        const [a, b] = windows[i]!
        const args: RequestArgs = { query: { ...query, [startParam]: a, [endParam]: b }, signal: stop.signal, lane }
        if (opts.priority) args.priority = opts.priority
        pages[i] = (await this.request(name, args)) as unknown as unknown[]
      }
    }
    try {
      await Promise.all(
        Array.from({ length: Math.min(WINDOW_CONCURRENCY, windows.length) }, () =>
          worker().catch((e: unknown) => {
            if (!stop.signal.aborted) stop.abort(e)
            throw e
          }),
        ),
      )
    } catch (e) {
      throw stop.signal.aborted ? stop.signal.reason : e
    } finally {
      outer?.removeEventListener('abort', onOuter)
    }
    return dedupeById(pages.flat() as Entity<N>[])
  }

  /** Patient search: every page via offset/limit (limit ≤ 100), merged, repeated ids dropped. */
  searchPatients(filters?: PatientSearchFilters): Promise<Patient[]>
  /** Patient search: one page only. */
  searchPatients(
    filters: PatientSearchFilters | undefined,
    page: { offset?: number; limit?: number; priority?: Priority },
  ): Promise<Page<Patient>>
  async searchPatients(
    filters: PatientSearchFilters = {},
    page?: { offset?: number; limit?: number; priority?: Priority },
  ): Promise<Patient[] | Page<Patient>> {
    const limitOf = (l?: number) => Math.min(PATIENT_PAGE_MAX, Math.max(1, Math.floor(l ?? PATIENT_PAGE_MAX)))
    const lane = {}
    const fetchPage = (offset: number, limit: number) =>
      this.request('patientsSearch', {
        query: { ...filters, offset, limit },
        lane,
        ...(page?.priority ? { priority: page.priority } : {}),
      }) as Promise<Page<Patient>>
    if (page) return fetchPage(Math.max(0, Math.floor(page.offset ?? 0)), limitOf(page.limit))

    const limit = PATIENT_PAGE_MAX
    const first = await fetchPage(0, limit)
    if (first.results.length === 0) return []
    const all: Patient[] = [...first.results]
    // `total` tells us the other pages: fetch them in parallel (the limiter paces them). Step by what the
    // server actually returned, in case it caps `limit` below what we asked.
    const step = first.results.length
    const offsets: number[] = []
    for (let o = step; o < first.total; o += step) offsets.push(o)
    let last = first
    for (const p of await Promise.all(offsets.map((o) => fetchPage(o, limit)))) {
      all.push(...p.results)
      last = p
    }
    // If `total` undercounted, follow the server's word that there is more (links.next).
    let offset = Math.max(first.total, step)
    // (Bounded, in case a server ignores `offset` and keeps pointing to a next page.)
    for (let extra = 0; extra < 1000 && last.next !== null && last.results.length > 0; extra++) {
      last = await fetchPage(offset, limit)
      all.push(...last.results)
      offset += last.results.length
    }
    return dedupeById(all)
  }

  // ---------------------------------------------------------------------------------------------

  private async routeUrl(route: RouteDef, params: Record<string, string | number>, query?: RequestArgs['query']): Promise<string> {
    let prefix = ''
    if (route.scoped) {
      const me = await this.me()
      prefix = fillPath(SCOPE_PREFIX, { practiceId: me.practiceId, archiveId: me.archiveId })
    }
    return buildUrl(this.baseUrl, prefix + fillPath(route.path, params), query)
  }

  private headers(hasBody: boolean): Record<string, string> {
    const h: Record<string, string> = { Accept: 'application/json' }
    if (hasBody) h['Content-Type'] = 'application/json'
    if ('apiKey' in this.auth) h['X-Api-Key'] = this.auth.apiKey
    else h.Authorization = `Bearer ${this.auth.bearerToken}`
    return h
  }

  private secrets(): string[] {
    return ['apiKey' in this.auth ? this.auth.apiKey : this.auth.bearerToken]
  }

  /** Every error this client throws is built here: message and detail redacted. */
  private error(kind: ApiErrorKind, message: string, init: ConstructorParameters<typeof AlfaDocsError>[2]): AlfaDocsError {
    const secrets = this.secrets()
    const safe = { ...init }
    if (safe?.detail !== undefined) safe.detail = redact(safe.detail, secrets)
    return new AlfaDocsError(kind, redact(message, secrets), safe)
  }

  /** Runs the attempts of one request: limiter, timeout, retry policy. Returns a 2xx answer or throws. */
  private async execute(name: string, route: RouteDef, url: string, args: RequestArgs): Promise<Answer> {
    const label = `${route.method} ${name}`
    const idempotent = isIdempotent(route.method)
    const body = args.body === undefined ? undefined : JSON.stringify(args.body)
    const timeoutMs = args.timeoutMs ?? this.timeoutMs
    const signal = args.signal
    const cap = route.envelope === 'file' ? this.maxFileBodyBytes : this.maxBodyBytes
    const acquire: Parameters<RateLimiter['acquire']>[0] = { lane: args.lane ?? {} }
    if (signal) acquire.signal = signal
    if (args.priority) acquire.priority = args.priority
    let failedAttempts = 0
    let refusedAttempts = 0

    for (let attempt = 1; ; attempt++) {
      await this.limiter.acquire(acquire)
      this.counters.requests++
      const started = performance.now()
      let answer: Answer | undefined
      let failure: AlfaDocsError
      try {
        answer = await this.attempt(url, route.method, body, timeoutMs, cap, signal)
      } catch (e) {
        if (signal?.aborted) throw signal.reason
        if (e instanceof TooLarge) {
          this.emit({ route: name, method: route.method, url, status: e.status, attempt, ms: Math.round(performance.now() - started) })
          // Asking again would read the same too much again.
          throw this.error(
            'too-large',
            `AlfaDocs answered ${label} with more than ${megabytes(cap)} MB (HTTP ${e.status}); Sportello stopped reading.`,
            {
              route: name,
              status: e.status,
            },
          )
        }
        failure =
          e === TIMED_OUT
            ? this.error('timeout', `AlfaDocs did not answer ${label} within ${timeoutMs} ms.`, { route: name })
            : this.error('offline', `Could not reach AlfaDocs for ${label} (${networkReason(e)}).`, { route: name, cause: e })
      }
      this.emit({
        route: name,
        method: route.method,
        url,
        status: answer?.status ?? null,
        attempt,
        ms: Math.round(performance.now() - started),
      })

      if (answer) {
        if (answer.status >= 200 && answer.status < 300) {
          this.limiter.succeeded()
          return answer
        }
        failure = this.statusError(name, label, answer)
        if (answer.status === 429) {
          // A refusal before any work is done, so even a POST may be sent again. The limiter slows this
          // client down and holds every call for the Retry-After (plus a little jitter, so desks that were
          // refused together do not all come back in the same instant).
          const retryAfterMs = failure.retryAfterMs
          if (retryAfterMs !== undefined && retryAfterMs > this.maxRetryAfterMs) throw failure
          this.limiter.rateLimited((retryAfterMs ?? LIMITER_WINDOW_MS) + Math.random() * 250)
          if (++refusedAttempts > this.maxRateLimitRetries) throw gaveUp(failure, attempt)
          this.counters.retries++
          continue
        }
        if (!RETRYABLE_STATUSES.has(answer.status)) throw failure
        if (failure.retryAfterMs !== undefined && failure.retryAfterMs > this.maxRetryAfterMs) throw failure
      }
      // Any other failure of a non-idempotent request leaves its outcome unknown: back to the caller to reconcile.
      if (!idempotent || ++failedAttempts > this.maxRetries) throw gaveUp(failure!, attempt)

      this.counters.retries++
      const backoff = this.retryBaseMs * 2 ** (failedAttempts - 1) * (0.5 + Math.random() * 0.5)
      await sleep(failure!.retryAfterMs ?? Math.min(MAX_BACKOFF_MS, backoff), signal)
    }
  }

  private async attempt(
    url: string,
    method: string,
    body: string | undefined,
    timeoutMs: number,
    cap: number,
    outer?: AbortSignal,
  ): Promise<Answer> {
    const ctrl = new AbortController()
    const timer = setTimeout(() => ctrl.abort(TIMED_OUT), timeoutMs)
    const onOuterAbort = () => ctrl.abort(outer!.reason)
    outer?.addEventListener('abort', onOuterAbort, { once: true })
    try {
      const init: RequestInit = { method, headers: this.headers(body !== undefined), signal: ctrl.signal, redirect: 'manual' }
      if (body !== undefined) init.body = body
      const res = await this.fetchImpl(url, init)
      // The timeout also covers reading the body, so a trickling answer ends too.
      const ok = res.status >= 200 && res.status < 300
      const text = ok ? await readBody(res, cap, 'refuse') : await readBody(res, MAX_ERROR_BODY_BYTES, 'truncate')
      return { status: res.status, headers: res.headers, text }
    } catch (e) {
      if (ctrl.signal.aborted && ctrl.signal.reason === TIMED_OUT) throw TIMED_OUT
      throw e
    } finally {
      clearTimeout(timer)
      outer?.removeEventListener('abort', onOuterAbort)
    }
  }

  private statusError(name: string, label: string, a: Answer): AlfaDocsError {
    let json: unknown
    try {
      json = a.text.trim() === '' ? undefined : JSON.parse(a.text)
    } catch {
      json = undefined
    }
    const said = serverExplanation(a.text, json)
    const tail = said ? `: ${said}` : ''
    const init = { route: name, status: a.status } as { route: string; status: number; retryAfterMs?: number; detail?: string }
    if (said) init.detail = said
    if (a.status >= 300 && a.status < 400) {
      return this.error('bad-response', `AlfaDocs answered ${label} with an unexpected redirect (HTTP ${a.status}).`, init)
    }
    const kind = kindForStatus(a.status)
    if (a.status === 429 || a.status === 503) {
      const ra = parseRetryAfter(a.headers.get('retry-after'))
      if (ra !== undefined) init.retryAfterMs = ra
    }
    const wait = init.retryAfterMs !== undefined ? ` (retry after ${Math.ceil(init.retryAfterMs / 1000)} s)` : ''
    const text: Record<ApiErrorKind, string> = {
      auth: `AlfaDocs refused the credentials for ${label} (HTTP ${a.status})${tail}.`,
      'not-found': `AlfaDocs found nothing for ${label} (HTTP ${a.status})${tail}.`,
      invalid: `AlfaDocs rejected ${label} as invalid (HTTP ${a.status})${tail}.`,
      'rate-limited': `AlfaDocs rate-limited ${label} (HTTP ${a.status})${wait}${tail}.`,
      server: `AlfaDocs had a server error on ${label} (HTTP ${a.status})${wait}${tail}.`,
      offline: '',
      timeout: '',
      'bad-response': `AlfaDocs answered ${label} with an unexpected status (HTTP ${a.status})${tail}.`,
      'too-large': `AlfaDocs answered ${label} with more data than Sportello accepts (HTTP ${a.status}).`,
    }
    return this.error(kind, text[kind], init)
  }

  private emit(e: RequestEvent): void {
    try {
      this.onRequest?.(e)
    } catch {
      // A faulty listener must not break requests.
    }
  }
}

const TIMED_OUT = Symbol('alfadocs-timeout')

class TooLarge {
  constructor(readonly status: number) {}
}

const megabytes = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10

function gaveUp(failure: AlfaDocsError, attempt: number): AlfaDocsError {
  if (attempt > 1) failure.message = `${failure.message.replace(/\.$/, '')}; gave up after ${attempt} attempts.`
  return failure
}

/**
 * Reads a body counting bytes as they arrive, never more than `cap`: 'refuse' throws TooLarge (a declared
 * Content-Length over the cap is refused before reading), 'truncate' keeps the first `cap` bytes.
 * Either way the rest is not downloaded: the stream is cancelled, which closes the connection.
 */
async function readBody(res: Response, cap: number, mode: 'refuse' | 'truncate'): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? NaN)
  if (mode === 'refuse' && Number.isFinite(declared) && declared > cap) {
    await res.body?.cancel().catch(() => undefined)
    throw new TooLarge(res.status)
  }
  if (!res.body) return ''
  const reader = res.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    if (total + value.byteLength > cap) {
      await reader.cancel().catch(() => undefined)
      if (mode === 'refuse') throw new TooLarge(res.status)
      chunks.push(value.subarray(0, cap - total))
      break
    }
    total += value.byteLength
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** Visible ASCII only: what an HTTP header can carry and every real key or token consists of. */
const CREDENTIAL_CHARS = /^[\x21-\x7e]+$/

function checkAuth(auth: Auth): Auth {
  const a = auth as { apiKey?: unknown; bearerToken?: unknown }
  const hasKey = typeof a.apiKey === 'string' && a.apiKey.trim() !== ''
  const hasToken = typeof a.bearerToken === 'string' && a.bearerToken.trim() !== ''
  if (hasKey === hasToken) {
    throw new AlfaDocsError('auth', 'The AlfaDocs client needs exactly one credential: an API key or a bearer token.')
  }
  const value = (hasKey ? (a.apiKey as string) : (a.bearerToken as string)).trim()
  if (!CREDENTIAL_CHARS.test(value)) {
    // Never echo the value: it is a secret, and the point is that it cannot be sent as it is.
    throw new AlfaDocsError(
      'auth',
      `The AlfaDocs ${hasKey ? 'API key' : 'token'} contains characters no key has (a line break, a space or a non-ASCII character); copy it again.`,
      { code: 'key-malformed' },
    )
  }
  return hasKey ? { apiKey: value } : { bearerToken: value }
}

/** Keeps the first occurrence of each id (or entryId); items without one are all kept. */
export function dedupeById<T>(items: T[]): T[] {
  const seen = new Set<string>()
  const out: T[] = []
  for (const item of items) {
    const o = item as { id?: unknown; entryId?: unknown }
    const key = o && typeof o === 'object' ? (o.id ?? o.entryId) : undefined
    if (key === undefined || key === null) {
      out.push(item)
      continue
    }
    const k = String(key)
    if (seen.has(k)) continue
    seen.add(k)
    out.push(item)
  }
  return out
}

/** A limiter of `requestsPerSecond` starts per rolling window (LIMITER_WINDOW_MS), to share between clients. */
export function createLimiter(requestsPerSecond = 10): RateLimiter {
  return new RateLimiter({ perWindow: requestsPerSecond, windowMs: LIMITER_WINDOW_MS })
}

export function createClient(opts: ClientOptions): AlfaDocsClient {
  return new AlfaDocsClient(opts)
}
