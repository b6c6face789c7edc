import type { Appointment, AppointmentState, FreeSlot } from '../../../../shared/alfadocs/schemas'
import type { AppointmentChanges, AppointmentCreate, OutboxSeen, SeenAppointment, UpdateResult } from '../../../../shared/contract/agenda'
import type { IsoDate } from '../../../../shared/dates'
import type { AlfaDocsClient } from '../../alfadocs/client'
import { AlfaDocsError } from '../../alfadocs/errors'
import { AppError } from '../app-error'
import type { ArrivalsWatcher } from './arrivals'
import { createAppointment, setAppointmentState, updateAppointment } from './appointments'
import { freeSlots } from './free-slots'
import type { AgendaOutbox } from './outbox'
import type { WaitingStore } from './waiting-store'

type GetClient = () => Promise<AlfaDocsClient>

/** The refusal of a write that cannot wait while AlfaDocs does not answer (only state changes are queued). */
export const OFFLINE_WRITE_CODE = 'agenda-offline-write'

const unanswered = (e: unknown) => e instanceof AlfaDocsError && (e.kind === 'offline' || e.kind === 'timeout')

export interface AgendaServiceDeps {
  client: GetClient
  waiting: WaitingStore
  outbox: AgendaOutbox
  /** Whether AlfaDocs is known not to answer now (connectivity). */
  offline?: () => boolean
  /** Arrivals marked at other desks; told of every state this computer sends. */
  arrivals?: ArrivalsWatcher
}

/** The agenda: reference data, appointments and their writes, free slots, and the desk's waiting marks. */
export class AgendaService {
  private readonly client: GetClient
  readonly waitingStore: WaitingStore
  readonly outbox: AgendaOutbox
  private readonly offline: () => boolean

  constructor(deps: AgendaServiceDeps) {
    this.client = deps.client
    this.waitingStore = deps.waiting
    this.outbox = deps.outbox
    this.offline = deps.offline ?? (() => false)
    this.arrivals = deps.arrivals ?? null
  }

  readonly arrivals: ArrivalsWatcher | null

  /** Arrivals from other desks since `after`; asking keeps today being read (none without a watcher). */
  arrivalsSince(after: number, today: IsoDate) {
    return this.arrivals ? this.arrivals.arrivals(after, today) : { seq: 0, arrivals: [] }
  }

  async referenceData() {
    const c = await this.client()
    const [chairs, colors, operators] = await Promise.all([c.request('chairsList'), c.request('colorsList'), c.request('operatorsList')])
    return { chairs, colors, operators }
  }

  async bookingData() {
    const c = await this.client()
    const [bookingReasons, specialties] = await Promise.all([c.request('bookingReasonsList'), c.request('specialtiesList')])
    return { bookingReasons, specialties }
  }

  /**
   * The range is already capped at the door; with a patient, AlfaDocs filters each window. A patient's
   * history (up to a year, a dozen windows) queues behind what a desk is waiting for ('bulk').
   */
  async appointments(q: {
    from: IsoDate
    to: IsoDate
    patientId?: number | undefined
    bulk?: boolean | undefined
  }): Promise<Appointment[]> {
    const c = await this.client()
    if (q.patientId === undefined) return c.listWindowed('appointmentsList', q.from, q.to, {}, q.bulk ? { priority: 'bulk' } : {})
    return c.listWindowed('appointmentsList', q.from, q.to, { patientId: q.patientId }, { priority: 'bulk' })
  }

  /**
   * Sends a state change, or queues it (durably, in main) when AlfaDocs does not answer or earlier queued
   * changes still wait: those go first, in order. A queued change is sent by `flushOutbox`.
   */
  async setState(
    id: number,
    state: AppointmentState,
    at?: number,
    seen?: OutboxSeen,
  ): Promise<{ appointment: Appointment | null; waiting: { appointmentId: number; since: number } | null; queued: boolean }> {
    const when = at ?? Date.now()
    this.arrivals?.expect(id)
    if (!this.offline() && !(await this.outbox.hasPending())) {
      try {
        return { ...(await setAppointmentState(await this.client(), this.waitingStore, id, state, when)), queued: false }
      } catch (e) {
        if (!unanswered(e)) throw e
      }
    }
    // Cancelling frees the chair for a booking elsewhere: it cannot wait for the network like an arrival.
    if (state === 'cancelled')
      throw new AppError('offline', 'AlfaDocs does not answer: the cancellation was not sent.', { code: OFFLINE_WRITE_CODE })
    await this.outbox.enqueue({ appointmentId: id, state, at: when, seen: seen ?? null })
    if (!this.offline()) void this.outbox.flush()
    const [mark] = await this.waitingStore.get([id])
    return { appointment: null, waiting: mark ?? null, queued: true }
  }

  /** The queued and refused state changes; forgets the refusals the desk has shown, and starts a flush if none runs. */
  async outboxState(acknowledge: readonly string[]) {
    if (acknowledge.length > 0) await this.outbox.acknowledge(acknowledge)
    if (!this.offline()) void this.outbox.flush()
    return this.outbox.list()
  }

  async update(seen: SeenAppointment, changes: AppointmentChanges, force: boolean): Promise<UpdateResult> {
    this.refuseOffline('move or edit')
    if (changes.state !== undefined) this.arrivals?.expect(seen.id)
    return updateAppointment(await this.client(), this.waitingStore, seen, changes, force).catch(offlineRefusal)
  }

  async create(input: AppointmentCreate): Promise<Appointment> {
    this.refuseOffline('booking')
    return createAppointment(await this.client(), input).catch(offlineRefusal)
  }

  private refuseOffline(what: string): void {
    if (this.offline()) throw new AppError('offline', `AlfaDocs does not answer: the ${what} was not sent.`, { code: OFFLINE_WRITE_CODE })
  }

  async freeSlots(q: { from: IsoDate; fromMinutes: number; days: number; duration: number; operatorIds: number[] }): Promise<FreeSlot[]> {
    return freeSlots(await this.client(), q)
  }

  waiting(ids: readonly number[], seenAt?: number) {
    // AlfaDocs has no such field: the desk's marks, offline too.
    return this.waitingStore.seen(ids, seenAt)
  }
}

/** A write that got no answer: refused with the offline code (it may or may not have landed; a refresh will tell). */
function offlineRefusal(e: unknown): never {
  if (unanswered(e))
    throw new AppError('offline', `AlfaDocs did not answer: ${(e as Error).message}`, { code: OFFLINE_WRITE_CODE, cause: e })
  throw e
}
