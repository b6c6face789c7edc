import { fetchPatientsByIds } from '../services/patients-by-ids'
import type { HandlerGroup } from './handlers'

export const dayHandlers: HandlerGroup<'appointmentsRange' | 'patientsByIds'> = (s) => ({
  appointmentsRange: async ({ from, to }) => (await s.session.client()).listWindowed('appointmentsList', from, to),
  patientsByIds: async ({ ids }) => fetchPatientsByIds(await s.session.client(), ids),
})
