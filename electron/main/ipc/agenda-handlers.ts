import { join } from 'node:path'
import { appointmentSchema } from '../../../shared/alfadocs/schemas'
import { createAppointment, setAppointmentState, updateAppointment } from '../services/agenda/appointments'
import { createPatient, freeSlots, lookupPatients } from '../services/agenda/lookups'
import { WaitingStore } from '../services/agenda/waiting-store'
import type { HandlerGroup } from './handlers'

export const agendaHandlers: HandlerGroup<
  | 'referenceData'
  | 'appointmentsRange'
  | 'agendaBookingData'
  | 'agendaSetState'
  | 'agendaUpdate'
  | 'agendaCreate'
  | 'agendaFreeSlots'
  | 'agendaPatientLookup'
  | 'agendaPatientCreate'
  | 'agendaWaiting'
> = (s) => {
  const waiting = new WaitingStore(join(s.dataDir, 'agenda-waiting.json'))
  const client = () => s.session.client()
  return {
    referenceData: async () => {
      const c = await client()
      const [chairs, colors, operators] = await Promise.all([c.request('chairsList'), c.request('colorsList'), c.request('operatorsList')])
      return { chairs, colors, operators }
    },
    appointmentsRange: async ({ from, to }) => (await client()).listWindowed('appointmentsList', from, to),
    agendaBookingData: async () => {
      const c = await client()
      const [bookingReasons, specialties] = await Promise.all([c.request('bookingReasonsList'), c.request('specialtiesList')])
      return { bookingReasons, specialties }
    },
    agendaSetState: async ({ id, state, at }) => setAppointmentState(await client(), waiting, id, state, at),
    agendaUpdate: async ({ seen, changes, force }) => updateAppointment(await client(), waiting, appointmentSchema.parse(seen), changes, force ?? false),
    agendaCreate: async (input) => createAppointment(await client(), input),
    agendaFreeSlots: async (q) =>
      freeSlots(await client(), { ...q, fromMinutes: q.fromMinutes ?? 0, days: q.days ?? 14, operatorIds: q.operatorIds ?? [] }),
    agendaPatientLookup: async ({ text, limit }) => lookupPatients(await client(), text, limit ?? 15),
    agendaPatientCreate: async (input) => createPatient(await client(), input),
    agendaWaiting: ({ ids }) => waiting.get(ids),
  }
}
