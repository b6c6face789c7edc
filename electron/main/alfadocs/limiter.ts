/**
 * Client-side rate limiter shared by every call of one client: at most `rate` request starts in any
 * rolling window of `windowMs`.
 *
 * Fair: waiters sit in lanes (one per call by default; a long windowed listing uses one lane for all
 * its windows) and lanes are served round robin, so one caller with hundreds of requests cannot starve
 * a caller with one. Interactive lanes are always served before bulk lanes.
 *
 * Adaptive: desks sharing a key share the server's budget without seeing each other, so the rate is
 * additive-increase/multiplicative-decrease: a 429 halves it (once per window) and pauses everyone for
 * the Retry-After; answered requests give one start back per window, up to `perWindow`, but only one per
 * `contendedSteps` windows while the last 429 is recent (several desks probing together at full speed
 * would keep meeting the limit). Below the ceiling, starts are spread evenly over the window instead of
 * leaving in a burst, so desks that adapted do not refuse each other by arriving in the same instant.
 */
export type Priority = 'interactive' | 'bulk'

export interface LimiterOptions {
  /** The ceiling: starts per window when the server never complains. */
  perWindow: number
  windowMs?: number
  /** Lowest rate a run of 429s can bring it to. Default 1. */
  minPerWindow?: number
  /** For this many windows after a 429 the rate is contended. Default 10. */
  calmWindows?: number
  /** While contended, one start back per this many windows. Default 4. */
  contendedSteps?: number
  now?: () => number
}

export interface AcquireOptions {
  signal?: AbortSignal
  priority?: Priority
  /** Waiters with the same lane take turns with other lanes; by default each acquire is its own lane. */
  lane?: object
}

interface Waiter {
  resolve: () => void
  reject: (reason: unknown) => void
  signal?: AbortSignal
  onAbort?: () => void
}

export class RateLimiter {
  private readonly perWindow: number
  private readonly minPerWindow: number
  private readonly windowMs: number
  private readonly now: () => number
  private readonly starts: number[] = []
  /** Per priority, lanes in serving order (a Map keeps insertion order; a served lane moves to the end). */
  private readonly lanes: Record<Priority, Map<object, Waiter[]>> = { interactive: new Map(), bulk: new Map() }
  private timer: ReturnType<typeof setTimeout> | null = null
  private pausedUntil = 0
  private current: number
  private lastChange = -Infinity
  private lastDecrease = -Infinity
  private lastStart = -Infinity
  private readonly calmMs: number
  private readonly contendedStepMs: number

  constructor(opts: LimiterOptions) {
    if (!Number.isFinite(opts.perWindow) || opts.perWindow < 1) throw new Error('requestsPerSecond must be at least 1')
    this.perWindow = Math.floor(opts.perWindow)
    this.minPerWindow = Math.max(1, Math.min(this.perWindow, Math.floor(opts.minPerWindow ?? 1)))
    this.windowMs = opts.windowMs ?? 1000
    this.now = opts.now ?? (() => Date.now())
    this.current = this.perWindow
    this.calmMs = this.windowMs * Math.max(0, opts.calmWindows ?? 10)
    this.contendedStepMs = this.windowMs * Math.max(1, opts.contendedSteps ?? 4)
  }

  /** Resolves when this caller may start a request. Rejects with the signal's reason if aborted while queued. */
  acquire(opts?: AcquireOptions | AbortSignal): Promise<void> {
    const o: AcquireOptions = opts instanceof AbortSignal ? { signal: opts } : (opts ?? {})
    const signal = o.signal
    if (signal?.aborted) return Promise.reject(signal.reason)
    const lanes = this.lanes[o.priority ?? 'interactive']
    const lane = o.lane ?? {}
    return new Promise<void>((resolve, reject) => {
      const w: Waiter = { resolve, reject }
      if (signal) {
        w.signal = signal
        w.onAbort = () => {
          const queue = lanes.get(lane)
          const i = queue ? queue.indexOf(w) : -1
          if (i >= 0) {
            queue!.splice(i, 1)
            if (queue!.length === 0) lanes.delete(lane)
          }
          reject(signal.reason)
          this.drain()
        }
        signal.addEventListener('abort', w.onAbort, { once: true })
      }
      const queue = lanes.get(lane)
      if (queue) queue.push(w)
      else lanes.set(lane, [w])
      this.drain()
    })
  }

  /** Holds every start until `until` (ms timestamp of `now()`). */
  pauseUntil(until: number): void {
    if (until > this.pausedUntil) this.pausedUntil = until
    this.drain()
  }

  /** The server refused a start with 429: halve the rate (once per window) and pause for its Retry-After. */
  rateLimited(retryAfterMs?: number): void {
    const now = this.now()
    if (now - this.lastDecrease >= this.windowMs) {
      this.current = Math.max(this.minPerWindow, Math.floor(this.current / 2))
      this.lastDecrease = now
      this.lastChange = now
    }
    this.pauseUntil(now + (retryAfterMs ?? this.windowMs))
  }

  /** A request was answered without a 429: one more start per window, at most once per window. */
  succeeded(): void {
    if (this.current >= this.perWindow) return
    const now = this.now()
    const step = now - this.lastDecrease < this.calmMs ? this.contendedStepMs : this.windowMs
    if (now - this.lastChange < step) return
    this.current++
    this.lastChange = now
    this.drain()
  }

  /** Starts allowed per window right now. */
  get rate(): number {
    return this.current
  }

  /** Requests waiting for a slot (for tests and diagnostics). */
  get pending(): number {
    let n = 0
    for (const lanes of Object.values(this.lanes)) for (const q of lanes.values()) n += q.length
    return n
  }

  private next(): Waiter | undefined {
    for (const lanes of [this.lanes.interactive, this.lanes.bulk]) {
      for (const [lane, queue] of lanes) {
        const w = queue.shift()!
        lanes.delete(lane)
        if (queue.length > 0) lanes.set(lane, queue)
        return w
      }
    }
    return undefined
  }

  /** Earliest next start by pacing: none at the ceiling (bursts allowed), windowMs/rate apart below it. */
  private pacedAt(): number {
    return this.current >= this.perWindow ? -Infinity : this.lastStart + Math.floor(this.windowMs / this.current)
  }

  private drain(): void {
    const now = this.now()
    while (this.starts.length > 0 && this.starts[0]! <= now - this.windowMs) this.starts.shift()
    while (now >= this.pausedUntil && this.starts.length < this.current && now >= this.pacedAt()) {
      const w = this.next()
      if (!w) break
      if (w.signal && w.onAbort) w.signal.removeEventListener('abort', w.onAbort)
      this.starts.push(now)
      this.lastStart = now
      w.resolve()
    }
    if (this.pending === 0 || this.timer) return
    // The oldest start that must leave the window before one more fits under the current rate.
    const blocking = this.starts.length >= this.current ? this.starts[this.starts.length - this.current]! + this.windowMs : 0
    const freeAt = Math.max(this.pausedUntil, blocking, this.pacedAt())
    this.timer = setTimeout(
      () => {
        this.timer = null
        this.drain()
      },
      Math.max(1, freeAt - now),
    )
  }
}
