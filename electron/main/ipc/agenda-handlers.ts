import type { agendaChannels } from '../../../shared/contract/agenda'
import { createPatient, lookupPatients } from '../services/agenda/lookups'
import type { HandlerGroup } from './handlers'

export const agendaHandlers: HandlerGroup<typeof agendaChannels> = ({ agenda, session }) => ({
  referenceData: () => agenda.referenceData(),
  appointmentsRange: (q) => agenda.appointments(q),
  agendaBookingData: () => agenda.bookingData(),
  agendaSetState: ({ id, state, at }) => agenda.setState(id, state, at),
  agendaUpdate: ({ seen, changes, force }) => agenda.update(seen, changes, force),
  agendaCreate: (input) => agenda.create(input),
  agendaFreeSlots: (q) => agenda.freeSlots(q),
  agendaPatientLookup: async ({ text, limit }) => lookupPatients(await session.client(), text, limit),
  agendaPatientCreate: async (input) => createPatient(await session.client(), input),
  agendaWaiting: ({ ids }) => agenda.waiting(ids),
})
