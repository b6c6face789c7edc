import { routes, type RouteName } from '../../shared/alfadocs/routes'

export type Fault = { status: number; body?: unknown; retryAfterSec?: number } | { kind: 'timeout' } | { kind: 'drop' }

export interface FaultControl {
  /**
   * Fail the next n calls of a route. afterApply: perform the write first (state changes), then fail
   * the answer (a lost response).
   */
  failNext(route: RouteName, n: number, fault: Fault, opts?: { afterApply?: boolean }): void
  setLatency(ms: number): void
  /** Drops every queued fault and sets the latency back to 0. */
  clear(): void
}

interface Queued {
  route: RouteName
  remaining: number
  fault: Fault
  afterApply: boolean
}

export function isFault(v: unknown): v is Fault {
  if (!v || typeof v !== 'object') return false
  const f = v as Record<string, unknown>
  if (f.kind === 'timeout' || f.kind === 'drop') return true
  return (
    typeof f.status === 'number' &&
    Number.isInteger(f.status) &&
    f.status >= 100 &&
    f.status <= 599 &&
    (f.retryAfterSec === undefined || typeof f.retryAfterSec === 'number')
  )
}

export class FaultStore implements FaultControl {
  private queue: Queued[] = []
  latencyMs: number

  constructor(latencyMs = 0) {
    this.latencyMs = latencyMs
  }

  failNext(route: RouteName, n: number, fault: Fault, opts?: { afterApply?: boolean }): void {
    if (!(route in routes)) throw new Error(`unknown route "${String(route)}"`)
    if (!Number.isInteger(n) || n < 1) throw new Error('n must be a positive integer')
    if (!isFault(fault)) throw new Error('fault must be {status}, {kind:"timeout"} or {kind:"drop"}')
    this.queue.push({ route, remaining: n, fault, afterApply: opts?.afterApply === true })
  }

  setLatency(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new Error('latency must be a non-negative number of milliseconds')
    this.latencyMs = ms
  }

  clear(): void {
    this.queue = []
    this.latencyMs = 0
  }

  /** Consumes one pending fault for the route, if any. */
  take(route: RouteName): { fault: Fault; afterApply: boolean } | null {
    const q = this.queue.find((x) => x.route === route)
    if (!q) return null
    if (--q.remaining <= 0) this.queue.splice(this.queue.indexOf(q), 1)
    return { fault: q.fault, afterApply: q.afterApply }
  }
}
