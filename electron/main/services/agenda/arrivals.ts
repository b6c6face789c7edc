import type { Appointment } from '../../../../shared/alfadocs/schemas'
import type { Arrival } from '../../../../shared/contract/agenda'
import { parseWall, todayIn, type IsoDate } from '../../../../shared/dates'
import type { AlfaDocsClient } from '../../alfadocs/client'

/** How often today is read while a desk asks (well within 20 s, one request each). */
export const ARRIVALS_POLL_MS = 10_000
/** A desk that stopped asking (window closed, renderer gone) stops the reads after this. */
const IDLE_MS = 60_000
/** A state this computer sent is its own for this long, whatever AlfaDocs' answer order. */
const OWN_MS = 120_000
const KEEP = 50

export interface ArrivalsDeps {
  client: () => Promise<AlfaDocsClient>
  /** The patient's name for the notice (null when unknown). */
  patientName: (patientId: number) => Promise<string | null>
  now?: () => number
  today?: () => IsoDate
  intervalMs?: number
}

/**
 * Arrivals marked at other desks: while a desk asks, today's appointments are read every ARRIVALS_POLL_MS and
 * an appointment that turns `waiting` without this computer having sent it is an arrival. The first read
 * only learns the day (patients already waiting are not "arriving"). Listeners hear each arrival once.
 */
export class ArrivalsWatcher {
  private readonly now: () => number
  private readonly today: () => IsoDate
  private askedDay: IsoDate | null = null
  private states: Map<number, string> | null = null
  private day: IsoDate | null = null
  private readonly own = new Map<number, number>()
  private log: Arrival[] = []
  private seq = 0
  private timer: ReturnType<typeof setInterval> | null = null
  private lastAsk = 0
  private polling: Promise<void> | null = null
  private gen = 0
  private readonly listeners = new Set<(a: Arrival) => void>()

  constructor(private readonly deps: ArrivalsDeps) {
    this.now = deps.now ?? Date.now
    this.today = deps.today ?? (() => todayIn())
  }

  /** This computer is sending a state for `id`: not an arrival from elsewhere. */
  expect(id: number): void {
    this.own.set(id, this.now() + OWN_MS)
  }

  onArrival(cb: (a: Arrival) => void): () => void {
    this.listeners.add(cb)
    return () => this.listeners.delete(cb)
  }

  /**
   * The arrivals after `after` (a seq the desk already has); starts (or keeps) the reads of today. `today`: the
   * desk's own day (its clock), else this computer's.
   */
  arrivals(after: number, today?: IsoDate): { seq: number; arrivals: Arrival[] } {
    this.lastAsk = this.now()
    if (today) this.askedDay = today
    if (!this.timer) {
      this.timer = setInterval(() => {
        if (this.now() - this.lastAsk > IDLE_MS) this.stop()
        else void this.poll()
      }, this.deps.intervalMs ?? ARRIVALS_POLL_MS)
      this.timer.unref?.()
      void this.poll()
    }
    return { seq: this.seq, arrivals: this.log.filter((a) => a.seq > after) }
  }

  /** One read of today (exported for tests); a read that fails changes nothing. */
  poll(): Promise<void> {
    this.polling ??= this.read().finally(() => (this.polling = null))
    return this.polling
  }

  private async read(): Promise<void> {
    const mine = this.gen
    const day = this.askedDay ?? this.today()
    let list: Appointment[]
    try {
      const c = await this.deps.client()
      list = await c.listWindowed('appointmentsList', day, day)
    } catch {
      return
    }
    if (mine !== this.gen) return
    const now = this.now()
    for (const [id, until] of this.own) if (until < now) this.own.delete(id)
    const known = this.day === day ? this.states : null
    const fresh: Appointment[] = []
    for (const a of list) {
      if (parseWall(a.date)?.date !== day) continue
      const before = known?.get(a.id)
      if (known && a.state === 'waiting' && before !== 'waiting' && !this.own.has(a.id) && a.patientId != null) fresh.push(a)
    }
    this.day = day
    this.states = new Map(list.map((a) => [a.id, a.state]))
    for (const a of fresh) {
      const name = await this.deps.patientName(a.patientId!).catch(() => null)
      if (mine !== this.gen) return
      const arrival: Arrival = { seq: ++this.seq, appointmentId: a.id, patientId: a.patientId!, patientName: name, date: a.date, at: now }
      this.log = [...this.log, arrival].slice(-KEEP)
      for (const l of this.listeners) l(arrival)
    }
  }

  /** The practice changed or the desk disconnected: forget the day and every arrival. */
  reset(): void {
    this.gen++
    this.states = null
    this.day = null
    this.askedDay = null
    this.own.clear()
    this.log = []
    this.stop()
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }
}
