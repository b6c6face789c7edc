import { randomBytes } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { isIsoDate, todayIn } from '../../shared/dates'
import { FaultStore, type FaultControl } from './faults'
import { buildState } from './seed'
import { API_PREFIX, createSandboxServer, missingHandlers, type RequestLogEntry } from './server'
import type { SandboxState } from './state'

export type { Fault, FaultControl } from './faults'
export type { RequestLogEntry } from './server'
export type { SandboxState } from './state'

export interface SandboxOptions {
  /** 0 or undefined = a free port */
  port?: number
  /** default '127.0.0.1' (loopback only) */
  host?: string
  /** default 'demo-' + random hex; also accepted as `Authorization: Bearer <apiKey>` */
  apiKey?: string
  /** YYYY-MM-DD; default today in Europe/Rome */
  today?: string
  /** default 20260101; same seed + same today => identical data */
  seed?: number
  /** default 0 */
  latencyMs?: number
  /** default 10 requests in any 1 s window per key -> 429 with Retry-After: 1; false disables */
  rateLimitPerSecond?: number | false
  quiet?: boolean
}

export interface Sandbox {
  /** e.g. http://127.0.0.1:PORT/api/v1 */
  baseUrl: string
  apiKey: string
  practiceId: number
  archiveId: number
  /** the live in-memory data */
  state: SandboxState
  faults: FaultControl
  requestLog: RequestLogEntry[]
  close(): Promise<void>
}

export const DEFAULT_SEED = 20260101

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const missing = missingHandlers()
  if (missing.length > 0) throw new Error(`sandbox: no handler for route(s) ${missing.join(', ')}`)
  const today = opts.today ?? todayIn('Europe/Rome')
  if (!isIsoDate(today)) throw new Error(`sandbox: "today" must be YYYY-MM-DD, got "${today}"`)
  const host = opts.host ?? '127.0.0.1'
  const apiKey = opts.apiKey ?? `demo-${randomBytes(12).toString('hex')}`
  const state = buildState(opts.seed ?? DEFAULT_SEED, today)
  const faults = new FaultStore(opts.latencyMs ?? 0)
  const requestLog: RequestLogEntry[] = []
  const { server, hanging } = createSandboxServer({
    state,
    apiKey,
    faults,
    rateLimitPerSecond: opts.rateLimitPerSecond ?? 10,
    host,
    requestLog,
    quiet: opts.quiet ?? false,
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  const urlHost = host.includes(':') ? `[${host}]` : host
  let closed: Promise<void> | null = null

  return {
    baseUrl: `http://${urlHost}:${port}${API_PREFIX}`,
    apiKey,
    practiceId: state.practice.practiceId,
    archiveId: state.practice.archiveId,
    state,
    faults,
    requestLog,
    close() {
      closed ??= new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy()
        hanging.clear()
        server.close(() => resolve())
        server.closeAllConnections()
      })
      return closed
    },
  }
}
