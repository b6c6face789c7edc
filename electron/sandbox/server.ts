import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { matchPath, routes, SCOPE_PREFIX, type RouteDef, type RouteName } from '../../shared/alfadocs/routes'
import { isFault, type FaultStore } from './faults'
import { appointmentHandlers } from './handlers/appointments'
import { billingHandlers } from './handlers/billing'
import type { Ctx, Handler } from './handlers/context'
import { documentHandlers } from './handlers/documents'
import { patientHandlers } from './handlers/patients'
import { referenceHandlers } from './handlers/reference'
import type { SandboxState } from './state'
import { allowedHosts, requestTarget } from './request-target'
import { HttpError } from './validate'

export const API_PREFIX = '/api/v1'
export const MAX_BODY_BYTES = 80 * 1024 * 1024
const MAX_LOG = 5000

export interface RequestLogEntry {
  method: string
  path: string
  route: RouteName | null
  /** 0 when the sandbox never answered (timeout or drop fault). */
  status: number
  /** ISO timestamp */
  at: string
}

export interface ServerDeps {
  state: SandboxState
  apiKey: string
  faults: FaultStore
  rateLimitPerSecond: number | false
  requestLog: RequestLogEntry[]
  quiet: boolean
  /** The address it listens on (accepted as Host besides the loopback names). */
  host?: string
}

const handlers: Record<RouteName, Handler> = {
  ...referenceHandlers,
  ...appointmentHandlers,
  ...patientHandlers,
  ...documentHandlers,
  ...billingHandlers,
} as Record<RouteName, Handler>

const compiled = (Object.entries(routes) as Array<[RouteName, RouteDef]>).map(([name, def]) => ({
  name,
  def,
  template: API_PREFIX + (def.scoped ? SCOPE_PREFIX : '') + def.path,
  placeholders: (def.path.match(/\{/g) ?? []).length,
}))

/** Every route must have a handler: fail at start-up, not on the first request. */
export function missingHandlers(): RouteName[] {
  return compiled.filter((r) => typeof handlers[r.name] !== 'function').map((r) => r.name)
}

function resolve(method: string, path: string) {
  const hits = compiled
    .map((r) => ({ r, params: matchPath(r.template, path) }))
    .filter((h): h is { r: (typeof compiled)[number]; params: Record<string, string> } => h.params !== null)
    .sort((a, b) => a.r.placeholders - b.r.placeholders)
  if (hits.length === 0) return null
  // A literal segment beats a placeholder: /appointments/booking-reasons is not appointment "booking-reasons".
  const best = hits.filter((h) => h.r.placeholders === hits[0]!.r.placeholders)
  return best.find((h) => h.r.def.method === method) ?? hits.find((h) => h.r.def.method === method) ?? { r: null, params: {} }
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.writableEnded || res.destroyed) return
  const text = JSON.stringify(body)
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers })
  res.end(text)
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
      req.resume()
      return reject(new HttpError(413, `Request body larger than ${MAX_BODY_BYTES} bytes`))
    }
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(413, `Request body larger than ${MAX_BODY_BYTES} bytes`))
        req.removeAllListeners('data')
        req.resume()
        return
      }
      chunks.push(c)
    })
    req.on('end', () => resolvePromise(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    throw new HttpError(400, 'Request body is not valid JSON')
  }
}

/** null = authorised; otherwise the error to answer with. */
function checkAuth(req: http.IncomingMessage, apiKey: string): HttpError | null {
  const key = req.headers['x-api-key']
  const auth = req.headers.authorization
  if (key !== undefined && auth !== undefined)
    return new HttpError(400, 'Use one authentication scheme: X-Api-Key or Authorization, not both')
  if (key === undefined && auth === undefined) return new HttpError(401, 'Missing API key')
  const given = key !== undefined ? String(key) : /^Bearer\s+(.+)$/i.exec(String(auth))?.[1]?.trim()
  return given === apiKey ? null : new HttpError(401, 'Invalid API key')
}

function wrap(def: RouteDef, payload: unknown, name: RouteName): unknown {
  switch (def.envelope) {
    case 'list': {
      const data = Array.isArray(payload) ? payload : []
      // Like the real API, `count` is not to be trusted: reference lists say 0 next to their items.
      const honest = name === 'appointmentsList' || name === 'billsList' || name === 'transactionsList'
      return { status: 'success', count: honest ? data.length : 0, data }
    }
    case 'item':
      return { status: 'success', data: payload }
    case 'top':
      return { status: 'success', ...(payload as object) }
    case 'file':
      return { status: 'success', file: payload }
    case 'page':
      return payload
    case 'status':
    case 'empty':
      return { status: 'success' }
  }
}

export function createSandboxServer(deps: ServerDeps): { server: http.Server; hanging: Set<http.ServerResponse> } {
  const hanging = new Set<http.ServerResponse>()
  /** Answers to API requests by HTTP status, since start (the request log keeps only the last MAX_LOG). */
  const answered: Record<string, number> = {}
  /** The same per second of the clock (the last 3600 s): how a run went over time. */
  const perSecond = new Map<number, Record<string, number>>()
  const count = (status: number) => {
    answered[status] = (answered[status] ?? 0) + 1
    const sec = Math.floor(Date.now() / 1000)
    const bucket = perSecond.get(sec) ?? {}
    bucket[status] = (bucket[status] ?? 0) + 1
    perSecond.set(sec, bucket)
    for (const k of perSecond.keys())
      if (k < sec - 3600) perSecond.delete(k)
      else break
  }
  const hits = new Map<string, number[]>()
  const log = (msg: string) => {
    if (!deps.quiet) console.log(`[sandbox] ${msg}`)
  }

  const rateLimited = (key: string): boolean => {
    if (deps.rateLimitPerSecond === false) return false
    const now = Date.now()
    const recent = (hits.get(key) ?? []).filter((t) => now - t < 1000)
    if (recent.length >= deps.rateLimitPerSecond) {
      hits.set(key, recent)
      return true
    }
    recent.push(now)
    hits.set(key, recent)
    return false
  }

  async function control(req: http.IncomingMessage, res: http.ServerResponse, path: string): Promise<void> {
    const body = req.method === 'POST' ? parseJson(await readBody(req)) : undefined
    const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>
    if (req.method === 'POST' && path === '/__sandbox/faults') {
      const route = b.route as RouteName
      if (typeof route !== 'string' || !(route in routes)) throw new HttpError(400, `Unknown route "${String(b.route)}"`)
      if (!isFault(b.fault)) throw new HttpError(400, 'fault must be {status}, {kind:"timeout"} or {kind:"drop"}')
      const n = b.n === undefined ? 1 : Number(b.n)
      if (!Number.isInteger(n) || n < 1) throw new HttpError(400, 'n must be a positive integer')
      deps.faults.failNext(route, n, b.fault, { afterApply: b.afterApply === true })
      return send(res, 200, { status: 'success' })
    }
    if (req.method === 'POST' && path === '/__sandbox/latency') {
      const ms = Number(b.ms)
      if (!Number.isFinite(ms) || ms < 0) throw new HttpError(400, 'ms must be a non-negative number')
      deps.faults.setLatency(ms)
      return send(res, 200, { status: 'success' })
    }
    if (req.method === 'POST' && path === '/__sandbox/clear') {
      deps.faults.clear()
      return send(res, 200, { status: 'success' })
    }
    if (req.method === 'GET' && path === '/__sandbox/stats') {
      return send(res, 200, { answered, perSecond: Object.fromEntries(perSecond) })
    }
    if (req.method === 'GET' && path === '/__sandbox/requests') {
      // What reached the sandbox, in order (method, path, route, status): "sent exactly once" from outside.
      return send(res, 200, deps.requestLog)
    }
    if (req.method === 'GET' && path === '/__sandbox/state') {
      // Document contents can be large: the dump gives their size instead.
      const { documents, ...rest } = deps.state
      const docs = documents.map(({ base64, ...d }) => ({ ...d, base64Length: base64.length }))
      return send(res, 200, { ...rest, documents: docs })
    }
    throw new HttpError(404, 'Not found')
  }

  async function api(req: http.IncomingMessage, res: http.ServerResponse, url: URL, entry: RequestLogEntry): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase()
    const hit = resolve(method, url.pathname)
    if (!hit) throw new HttpError(404, 'Not found')
    if (!hit.r) throw new HttpError(405, 'Method not allowed')
    const { r, params } = hit
    entry.route = r.name
    const { practiceId, archiveId } = deps.state.practice
    if (r.def.scoped && (params.practiceId !== String(practiceId) || params.archiveId !== String(archiveId)))
      throw new HttpError(404, 'Practice or archive not found')

    const body = method === 'GET' || method === 'DELETE' ? undefined : parseJson(await readBody(req))
    if (deps.faults.latencyMs > 0) await new Promise((ok) => setTimeout(ok, deps.faults.latencyMs))

    const fault = deps.faults.take(r.name)
    let result: { status: number; body: unknown }
    if (fault && !fault.afterApply) result = { status: 0, body: null }
    else {
      const scopeUrl = `${url.origin}${API_PREFIX}${SCOPE_PREFIX.replace('{practiceId}', String(practiceId)).replace('{archiveId}', String(archiveId))}`
      const ctx: Ctx = { state: deps.state, params, query: url.searchParams, body, scopeUrl, url }
      try {
        result = { status: 200, body: wrap(r.def, handlers[r.name](ctx), r.name) }
      } catch (e) {
        if (!(e instanceof HttpError)) throw e
        result = { status: e.status, body: { error: e.message } }
      }
    }
    if (fault) {
      const f = fault.fault
      if ('kind' in f) {
        entry.status = 0
        log(`${method} ${url.pathname} -> ${f.kind} (fault)`)
        if (f.kind === 'drop') req.socket.destroy()
        else hanging.add(res)
        return
      }
      const headers: Record<string, string> = f.retryAfterSec !== undefined ? { 'Retry-After': String(f.retryAfterSec) } : {}
      result = { status: f.status, body: f.body ?? { error: `Simulated failure (HTTP ${f.status})` } }
      entry.status = result.status
      return send(res, result.status, result.body, headers)
    }
    entry.status = result.status
    send(res, result.status, result.body)
  }

  let allowed: Set<string> | null = null
  const server = http.createServer((req, res) => {
    const fail = (e: unknown, entry?: RequestLogEntry) => {
      // A path parameter with broken percent-encoding (decodeURIComponent) is the request's fault.
      const err =
        e instanceof HttpError
          ? e
          : e instanceof URIError
            ? new HttpError(400, 'Malformed percent-encoding')
            : new HttpError(500, 'Internal sandbox error')
      if (!(e instanceof HttpError) && !(e instanceof URIError)) console.error('[sandbox] internal error', e)
      if (entry) entry.status = err.status
      // A refused request may still be sending its body: answer, then close, instead of reading it all.
      const close: Record<string, string> = err.status === 400 || err.status === 403 || err.status === 413 ? { Connection: 'close' } : {}
      send(res, err.status, { error: err.message }, err.status === 429 ? { 'Retry-After': '1' } : close)
    }
    try {
      handle(req, res, fail)
    } catch (e) {
      fail(e)
    }
  })

  function handle(req: http.IncomingMessage, res: http.ServerResponse, fail: (e: unknown, entry?: RequestLogEntry) => void): void {
    allowed ??= allowedHosts((server.address() as AddressInfo).port, deps.host)
    const target = requestTarget(req.url, req.headers.host, allowed)
    if (target instanceof HttpError) return fail(target)
    const url = target
    const path = url.pathname
    const method = (req.method ?? 'GET').toUpperCase()

    if (path.startsWith('/__sandbox/')) {
      const authErr = checkAuth(req, deps.apiKey)
      if (authErr) return fail(authErr)
      control(req, res, path).catch((e) => fail(e))
      return
    }
    if (path !== API_PREFIX && !path.startsWith(API_PREFIX + '/')) return fail(new HttpError(404, 'Not found'))

    res.on('finish', () => count(res.statusCode))
    const entry: RequestLogEntry = { method, path, route: null, status: 0, at: new Date().toISOString() }
    deps.requestLog.push(entry)
    // Keep a long CLI session from growing without bound (same array, so callers' references stay live).
    if (deps.requestLog.length > MAX_LOG) deps.requestLog.splice(0, deps.requestLog.length - MAX_LOG)
    const authErr = checkAuth(req, deps.apiKey)
    if (authErr) return fail(authErr, entry)
    if (rateLimited(deps.apiKey)) return fail(new HttpError(429, 'Too many requests'), entry)
    api(req, res, url, entry)
      .then(() => log(`${method} ${path} -> ${entry.status}`))
      .catch((e) => fail(e, entry))
  }
  // Requests Node's parser cannot read at all: a 400 and a closed socket, never an exception.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request'
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
    else socket.destroy()
  })
  return { server, hanging }
}
