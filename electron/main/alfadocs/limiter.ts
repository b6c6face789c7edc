/**
 * Client-side rate limiter shared by every call of one client: at most `perWindow` request starts in
 * any rolling window of `windowMs`, granted in FIFO order. A server-sent Retry-After can pause it for
 * everyone (pauseUntil), so concurrent calls do not keep hammering a server that asked us to wait.
 */
export interface LimiterOptions {
  perWindow: number
  windowMs?: number
  now?: () => number
}

interface Waiter {
  resolve: () => void
  reject: (reason: unknown) => void
  signal?: AbortSignal
  onAbort?: () => void
}

export class RateLimiter {
  private readonly perWindow: number
  private readonly windowMs: number
  private readonly now: () => number
  private readonly starts: number[] = []
  private readonly queue: Waiter[] = []
  private timer: ReturnType<typeof setTimeout> | null = null
  private pausedUntil = 0

  constructor(opts: LimiterOptions) {
    if (!Number.isFinite(opts.perWindow) || opts.perWindow < 1) throw new Error('requestsPerSecond must be at least 1')
    this.perWindow = Math.floor(opts.perWindow)
    this.windowMs = opts.windowMs ?? 1000
    this.now = opts.now ?? (() => Date.now())
  }

  /** Resolves when this caller may start a request. Rejects with the signal's reason if aborted while queued. */
  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason)
    return new Promise<void>((resolve, reject) => {
      const w: Waiter = { resolve, reject }
      if (signal) {
        w.signal = signal
        w.onAbort = () => {
          const i = this.queue.indexOf(w)
          if (i >= 0) this.queue.splice(i, 1)
          reject(signal.reason)
          this.drain()
        }
        signal.addEventListener('abort', w.onAbort, { once: true })
      }
      this.queue.push(w)
      this.drain()
    })
  }

  /** Holds every start until `until` (ms timestamp of `now()`). */
  pauseUntil(until: number): void {
    if (until > this.pausedUntil) this.pausedUntil = until
    this.drain()
  }

  /** Requests waiting for a slot (for tests and diagnostics). */
  get pending(): number {
    return this.queue.length
  }

  private drain(): void {
    const now = this.now()
    while (this.starts.length > 0 && this.starts[0]! <= now - this.windowMs) this.starts.shift()
    while (this.queue.length > 0 && now >= this.pausedUntil && this.starts.length < this.perWindow) {
      const w = this.queue.shift()!
      if (w.signal && w.onAbort) w.signal.removeEventListener('abort', w.onAbort)
      this.starts.push(now)
      w.resolve()
    }
    if (this.queue.length === 0 || this.timer) return
    const freeAt = Math.max(this.pausedUntil, this.starts.length >= this.perWindow ? this.starts[0]! + this.windowMs : 0)
    this.timer = setTimeout(
      () => {
        this.timer = null
        this.drain()
      },
      Math.max(1, freeAt - now),
    )
  }
}
