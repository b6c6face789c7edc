// Whether AlfaDocs answers, for the whole app: one state fed by every request of the open session's client.
// While offline a light probe (GET /me through the client, so through its limiter) asks again with a backoff,
// so the app notices AlfaDocs answering within seconds rather than at the next screen refresh. A refused key
// is not probed: it needs a person (a new key), and asking again would only hammer the server.

export type ConnectivityState = 'online' | 'offline' | 'auth-refused'

export interface ConnectivitySnapshot {
  state: ConnectivityState
  /** ms, when this state began */
  since: number
  /** ms, the last answer AlfaDocs gave (any status but a refused key); null before the first */
  lastOkAt: number | null
}

export type ConnectivityOutcome = 'ok' | 'offline' | 'auth'

/** One probe: resolves or rejects, its outcome reaches `report` through the client's onRequest. */
export type Probe = (signal: AbortSignal) => Promise<unknown>

export interface ConnectivityOptions {
  now?: () => number
  /** Wait before the first probe after going offline. Default 1000. */
  firstProbeMs?: number
  /** Longest wait between probes (doubling from the first). Default 8000: back online noticed within 15 s. */
  maxProbeMs?: number
}

export class Connectivity {
  private state: ConnectivityState = 'online'
  private since: number
  private lastOkAt: number | null = null
  private readonly listeners = new Set<() => void>()
  private readonly now: () => number
  private readonly firstProbeMs: number
  private readonly maxProbeMs: number
  private probe: Probe | null = null
  private timer: ReturnType<typeof setTimeout> | null = null
  private inFlight: AbortController | null = null
  private delay: number
  private probes = 0

  constructor(opts: ConnectivityOptions = {}) {
    this.now = opts.now ?? Date.now
    this.firstProbeMs = opts.firstProbeMs ?? 1000
    this.maxProbeMs = opts.maxProbeMs ?? 8000
    this.delay = this.firstProbeMs
    this.since = this.now()
  }

  snapshot(): ConnectivitySnapshot {
    return { state: this.state, since: this.since, lastOkAt: this.lastOkAt }
  }

  /** Every request outcome of the AlfaDocs client feeds it (onRequest): an answer → online, offline/timeout → offline, 401/403 → auth-refused. */
  report(outcome: ConnectivityOutcome): void {
    if (outcome === 'ok') {
      this.lastOkAt = this.now()
      if (this.state === 'online') return
      this.enter('online')
      this.stopProbing()
      for (const cb of [...this.listeners]) {
        try {
          cb()
        } catch (e) {
          console.warn('[sportello] a back-online listener failed', e)
        }
      }
      return
    }
    if (outcome === 'auth') {
      if (this.state !== 'auth-refused') this.enter('auth-refused')
      this.stopProbing()
      return
    }
    if (this.state !== 'offline') {
      this.enter('offline')
      this.delay = this.firstProbeMs
    }
    this.schedule()
  }

  /** Called each time the state becomes 'online' again (after offline); returns an unsubscribe. */
  onOnline(cb: () => void): () => void {
    this.listeners.add(cb)
    return () => this.listeners.delete(cb)
  }

  /**
   * The probe of the open session (null when there is none: probing stops). Set by the session service
   * whenever its client changes.
   */
  setProbe(probe: Probe | null): void {
    this.probe = probe
    this.stopProbing()
    if (probe && this.state === 'offline') this.schedule()
  }

  /** A new session starts (connected: AlfaDocs just answered) or none is open: online, nothing probed. */
  reset(answered: boolean): void {
    this.stopProbing()
    this.enter('online')
    this.lastOkAt = answered ? this.now() : null
  }

  /** How many probes were started (tests, diagnostics). */
  probeCount(): number {
    return this.probes
  }

  dispose(): void {
    this.probe = null
    this.stopProbing()
    this.listeners.clear()
  }

  private enter(state: ConnectivityState): void {
    this.state = state
    this.since = this.now()
  }

  /** Arms the next probe unless one is armed or running. */
  private schedule(): void {
    if (!this.probe || this.timer || this.inFlight || this.state !== 'offline') return
    const wait = this.delay
    this.delay = Math.min(this.maxProbeMs, this.delay * 2)
    this.timer = setTimeout(() => {
      this.timer = null
      void this.runProbe()
    }, wait)
    this.timer.unref?.()
  }

  private async runProbe(): Promise<void> {
    const probe = this.probe
    if (!probe || this.state !== 'offline') return
    const ctl = new AbortController()
    this.inFlight = ctl
    this.probes++
    try {
      await probe(ctl.signal)
    } catch {
      // Its outcome reached report() through the client; a probe's failure is nobody's error.
    } finally {
      if (this.inFlight === ctl) this.inFlight = null
    }
    if (!ctl.signal.aborted) this.schedule()
  }

  private stopProbing(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.inFlight?.abort()
    this.inFlight = null
    this.delay = this.firstProbeMs
  }
}

/** What one request event of the client says about reachability: no answer → offline, a refused key → auth. */
export function outcomeOf(e: { route: string; status: number | null }): ConnectivityOutcome {
  if (e.status === null) return 'offline'
  // A 403 elsewhere may refuse one resource; on /me it refuses the key.
  if (e.status === 401 || (e.status === 403 && e.route === 'me')) return 'auth'
  return 'ok'
}
