import type { agendaChannels } from '../../../shared/contract/agenda'
import type { HandlerGroup } from './handlers'

export const agendaHandlers: HandlerGroup<typeof agendaChannels> = ({ agenda }) => ({
  referenceData: () => agenda.referenceData(),
  appointmentsRange: (q) => agenda.appointments(q),
  agendaBookingData: () => agenda.bookingData(),
  agendaSetState: ({ id, state, at, seen }) => agenda.setState(id, state, at, seen),
  agendaOutbox: ({ acknowledge }) => agenda.outboxState(acknowledge),
  agendaUpdate: ({ seen, changes, force }) => agenda.update(seen, changes, force),
  agendaCreate: (input) => agenda.create(input),
  agendaFreeSlots: (q) => agenda.freeSlots(q),
  agendaWaiting: ({ ids, seenAt }) => agenda.waiting(ids, seenAt),
  agendaArrivals: async ({ after, today }) => agenda.arrivalsSince(after, today),
})
