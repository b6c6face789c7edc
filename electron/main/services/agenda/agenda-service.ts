import type { Appointment, AppointmentState, FreeSlot } from '../../../../shared/alfadocs/schemas'
import type { AppointmentChanges, AppointmentCreate, SeenAppointment, UpdateResult } from '../../../../shared/contract/agenda'
import type { IsoDate } from '../../../../shared/dates'
import type { AlfaDocsClient } from '../../alfadocs/client'
import { createAppointment, setAppointmentState, updateAppointment } from './appointments'
import { freeSlots } from './free-slots'
import type { WaitingStore } from './waiting-store'

type GetClient = () => Promise<AlfaDocsClient>

/** The agenda: reference data, appointments and their writes, free slots, and the desk's waiting marks. */
export class AgendaService {
  constructor(
    private readonly client: GetClient,
    readonly waitingStore: WaitingStore,
  ) {}

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

  async setState(id: number, state: AppointmentState, at?: number) {
    return setAppointmentState(await this.client(), this.waitingStore, id, state, at)
  }

  async update(seen: SeenAppointment, changes: AppointmentChanges, force: boolean): Promise<UpdateResult> {
    return updateAppointment(await this.client(), this.waitingStore, seen, changes, force)
  }

  async create(input: AppointmentCreate): Promise<Appointment> {
    return createAppointment(await this.client(), input)
  }

  async freeSlots(q: { from: IsoDate; fromMinutes: number; days: number; duration: number; operatorIds: number[] }): Promise<FreeSlot[]> {
    return freeSlots(await this.client(), q)
  }

  waiting(ids: readonly number[]) {
    return this.waitingStore.get(ids)
  }
}
