import type { Appointment, AppointmentState } from '../../../../shared/alfadocs/schemas'
import { appointmentStates } from '../../../../shared/alfadocs/schemas'
import type { ErrorData } from '../../../../shared/contract'
import type { OutboxEntry, OutboxSeen, RefusedEntry } from '../../../../shared/contract/agenda'
import { AlfaDocsError } from '../../alfadocs/errors'
import type { AlfaDocsClient } from '../../alfadocs/client'
import { toErrorData } from '../../ipc/error-data'
import { DurableFile, type FileCodec, warnDamaged } from '../../storage/durable-file'
import type { Fs } from '../../storage/fs-layer'
import { AppError } from '../app-error'
import type { WaitingStore } from './waiting-store'

// State changes (arrived, in care, done, absent…) the desk made while AlfaDocs did not answer, kept in a
// file in the data folder until they are sent, in the order they were first queued. Two changes of one
// appointment are one entry (the last state, at the place of the first). Before sending, the appointment is
// read again: if another desk changed its state, or moved it to another day, or deleted it, the queued change
// is refused (kept as refused until the desk has seen it) rather than sent over theirs; a move within the day
// is not undone (the PATCH carries the current date and colour). Entries belong to one practice; the file is
// emptied on disconnect.

export interface PracticeRef {
  practiceId: number
  archiveId: number
}

interface Stored extends OutboxEntry, PracticeRef {}
interface StoredRefused extends RefusedEntry, PracticeRef {}
interface Box {
  pending: Stored[]
  refused: StoredRefused[]
}

/** Refusal codes of a queued change (worded by describeError). */
export const OUTBOX_CODES = {
  changed: 'outbox-changed-elsewhere',
  gone: 'outbox-appointment-gone',
  write: 'outbox-write-failed',
  read: 'outbox-read-failed',
} as const

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v)
const isState = (v: unknown): v is AppointmentState => typeof v === 'string' && (appointmentStates as readonly string[]).includes(v)
const isId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

function entryOf(v: unknown): Stored | null {
  if (!isObj(v)) return null
  const { key, appointmentId, state, at, queuedAt, practiceId, archiveId, seen } = v
  if (typeof key !== 'string' || !isId(appointmentId) || !isState(state) || !isNum(at) || !isNum(queuedAt)) return null
  if (!isId(practiceId) || !isId(archiveId)) return null
  let s: OutboxSeen | null = null
  if (isObj(seen) && isState(seen.state) && typeof seen.date === 'string') s = { state: seen.state, date: seen.date }
  else if (seen !== null) return null
  return { key, appointmentId, state, at, queuedAt, practiceId, archiveId, seen: s }
}

function refusedOf(v: unknown): StoredRefused | null {
  const e = entryOf(v)
  if (!e || !isObj(v)) return null
  const { error, refusedAt, current } = v as Record<string, unknown>
  if (!isObj(error) || typeof error.kind !== 'string' || typeof error.message !== 'string' || !isNum(refusedAt)) return null
  return { ...e, error: error as ErrorData, refusedAt, current: isObj(current) ? (current as unknown as Appointment) : null }
}

const boxCodec: FileCodec<Box> = {
  empty: () => ({ pending: [], refused: [] }),
  encode: (b) => JSON.stringify(b),
  decode(text) {
    const raw = JSON.parse(text) as unknown
    if (!isObj(raw) || !Array.isArray(raw.pending) || !Array.isArray(raw.refused))
      return { value: { pending: [], refused: [] }, intact: false, note: 'not an outbox' }
    const pending = raw.pending.map(entryOf).filter((e): e is Stored => e !== null)
    const refused = raw.refused.map(refusedOf).filter((e): e is StoredRefused => e !== null)
    const lost = raw.pending.length - pending.length + raw.refused.length - refused.length
    return lost === 0
      ? { value: { pending, refused }, intact: true }
      : { value: { pending, refused }, intact: false, note: `${pending.length + refused.length} entries recovered, ${lost} unreadable` }
  },
}

export interface OutboxOptions {
  path: string
  client: () => Promise<AlfaDocsClient>
  /** The connected practice (known offline too). */
  practice: () => Promise<PracticeRef>
  waiting: WaitingStore
  now?: () => number
  fs?: Fs
}

const mine = (p: PracticeRef) => (e: PracticeRef) => e.practiceId === p.practiceId && e.archiveId === p.archiveId
const strip = <T extends PracticeRef>({ practiceId: _p, archiveId: _a, ...rest }: T): Omit<T, keyof PracticeRef> => rest
const dayOf = (date: string) => date.slice(0, 10)

/** What stops a flush and keeps the entry: AlfaDocs did not answer, is busy or failing, or the key is refused. */
const waitAndRetry = (e: unknown) =>
  (e instanceof AlfaDocsError && ['offline', 'timeout', 'rate-limited', 'server', 'auth'].includes(e.kind)) ||
  (e instanceof AppError && (e.kind === 'not-connected' || e.kind === 'storage'))

export class AgendaOutbox {
  private readonly file: DurableFile<Box>
  private readonly now: () => number
  private flushing: Promise<void> | null = null
  private again = false
  /** The entry being sent: a change back to the seen state does not drop it (its first state may land). */
  private sending: string | null = null
  private seq = 0
  /** Counts clears: a flush begun before the last clear is the previous practice's and writes nothing more. */
  private generation = 0

  constructor(private readonly opts: OutboxOptions) {
    this.now = opts.now ?? Date.now
    this.file = new DurableFile(opts.path, {
      codec: boxCodec,
      now: () => new Date(this.now()),
      writeCode: OUTBOX_CODES.write,
      readCode: OUTBOX_CODES.read,
      onDamaged: warnDamaged,
      ...(opts.fs ? { fs: opts.fs } : {}),
    })
  }

  /**
   * Queues a state change; resolves once it is on disk (a failed write is a 'storage' error and nothing is
   * queued). A second change of an appointment already queued replaces the state in place; one back to the
   * state the desk saw before the first drops the entry (nothing left to send).
   */
  async enqueue(change: {
    appointmentId: number
    state: AppointmentState
    at: number
    seen: OutboxSeen | null
  }): Promise<OutboxEntry | null> {
    const practice = await this.opts.practice()
    const queuedAt = this.now()
    let out: Stored | null = null
    await this.file.update((box) => {
      const i = box.pending.findIndex((e) => e.appointmentId === change.appointmentId && mine(practice)(e))
      const pending = [...box.pending]
      if (i >= 0) {
        const first = pending[i]!
        if (first.seen && first.seen.state === change.state && first.key !== this.sending) {
          pending.splice(i, 1)
          return { ...box, pending }
        }
        out = { ...first, state: change.state, at: change.at }
        pending[i] = out
      } else {
        out = { key: `${queuedAt.toString(36)}-${(++this.seq).toString(36)}-${change.appointmentId}`, ...change, queuedAt, ...practice }
        pending.push(out)
      }
      return { ...box, pending }
    })
    // The waiting room shows the mark at once (kept on this computer; AlfaDocs has no such field).
    await this.opts.waiting.record(change.appointmentId, change.state === 'waiting', change.at)
    return out ? strip(out as Stored) : null
  }

  /** The connected practice's queued and refused changes, in order. */
  async list(): Promise<{ pending: OutboxEntry[]; refused: RefusedEntry[] }> {
    const [box, practice] = await Promise.all([this.file.read(), this.opts.practice()])
    return { pending: box.pending.filter(mine(practice)).map(strip), refused: box.refused.filter(mine(practice)).map(strip) }
  }

  async hasPending(): Promise<boolean> {
    return (await this.list()).pending.length > 0
  }

  /** The desk has seen these refusals: forget them. */
  async acknowledge(keys: readonly string[]): Promise<void> {
    const drop = new Set(keys)
    await this.file.update((box) => ({ ...box, refused: box.refused.filter((e) => !drop.has(e.key)) }))
  }

  /**
   * Sends the queued changes in order. Asked while a flush runs, it runs once more after it (the running one
   * may have stopped at an unanswered request just before the network came back). Never throws.
   */
  flush(): Promise<void> {
    if (this.flushing) {
      this.again = true
      return this.flushing
    }
    this.flushing = (async () => {
      do {
        this.again = false
        await this.run()
      } while (this.again)
    })().finally(() => (this.flushing = null))
    return this.flushing
  }

  /**
   * Forgets everything (the desk disconnected: the entries were the previous practice's). It does not wait for a
   * flush under way: the disconnect that clears holds the session, which that flush may be asking for its
   * practice or client (both waited for each other, and the desk's Disconnect never ended).
   */
  async clear(): Promise<void> {
    this.generation++
    await this.file.update(() => boxCodec.empty())
  }

  private async run(): Promise<void> {
    const generation = this.generation
    const cleared = () => generation !== this.generation
    let practice: PracticeRef
    let client: AlfaDocsClient
    try {
      practice = await this.opts.practice()
      client = await this.opts.client()
    } catch {
      return
    }
    for (;;) {
      if (cleared()) return
      let box: Box
      try {
        box = await this.file.read()
      } catch {
        return
      }
      const entry = box.pending.find(mine(practice))
      if (!entry) return
      let outcome: { sent: Appointment } | { refused: ErrorData; current: Appointment | null }
      this.sending = entry.key
      try {
        outcome = await this.send(client, entry)
      } catch (e) {
        if (waitAndRetry(e)) return
        outcome = { refused: toErrorData(e, 'agenda outbox'), current: null }
      } finally {
        this.sending = null
      }
      let again = false
      try {
        await this.file.update((b) => {
          // Cleared meanwhile: the file is the next practice's (updates run in order, after the clear's).
          if (cleared()) return b
          // The desk may have changed this appointment again while it was being sent (same entry, new state).
          const latest = b.pending.find((e) => e.key === entry.key) ?? entry
          again = 'sent' in outcome && latest.state !== entry.state
          const pending = again
            ? b.pending.map((e) =>
                e.key === entry.key ? { ...latest, seen: { state: entry.state, date: (outcome as { sent: Appointment }).sent.date } } : e,
              )
            : b.pending.filter((e) => e.key !== entry.key)
          if ('sent' in outcome) return { ...b, pending }
          // A change queued after this one was read (same appointment) is refused with it.
          return {
            pending,
            refused: [...b.refused, { ...latest, error: outcome.refused, refusedAt: this.now(), current: outcome.current }],
          }
        })
        if (cleared()) return
        if ('sent' in outcome) {
          if (!again) await this.opts.waiting.record(entry.appointmentId, outcome.sent.state === 'waiting', entry.at)
        } else if (outcome.current?.state !== 'waiting') await this.opts.waiting.record(entry.appointmentId, false)
      } catch {
        // Not on disk: the entry stays pending; sending it again is harmless (the state is already there).
        return
      }
    }
  }

  private async send(
    client: AlfaDocsClient,
    entry: Stored,
  ): Promise<{ sent: Appointment } | { refused: ErrorData; current: Appointment | null }> {
    let current: Appointment
    try {
      current = await client.request('appointmentGet', { params: { appointmentId: entry.appointmentId } })
    } catch (e) {
      if (e instanceof AlfaDocsError && e.kind === 'not-found') {
        const err = new AppError('conflict', `Appointment ${entry.appointmentId} no longer exists.`, { code: OUTBOX_CODES.gone })
        return { refused: toErrorData(err, 'agenda outbox'), current: null }
      }
      throw e
    }
    if (current.state === entry.state) return { sent: current }
    if (entry.seen && (current.state !== entry.seen.state || dayOf(current.date) !== dayOf(entry.seen.date))) {
      const err = new AppError(
        'conflict',
        `Appointment ${entry.appointmentId} changed at another desk (${entry.seen.state} → ${current.state}, ${dayOf(current.date)}): the queued ${entry.state} was not sent.`,
        { code: OUTBOX_CODES.changed },
      )
      return { refused: toErrorData(err, 'agenda outbox'), current }
    }
    const date = current.date.length === 16 ? `${current.date}:00` : current.date
    const sent = await client.request('appointmentUpdate', {
      params: { appointmentId: entry.appointmentId },
      body: { date, colorId: current.colorId, state: entry.state },
    })
    return { sent }
  }
}
