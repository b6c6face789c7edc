import { patientDraftSchema } from '../../../shared/contract/patients'
import { fetchPatientsByIds } from '../services/patients/by-ids'
import { PatientsService } from '../services/patients/patients-service'
import type { HandlerGroup } from './handlers'

type Names =
  | 'patientsByIds'
  | 'patientsSearch'
  | 'patientGet'
  | 'patientDuplicates'
  | 'patientCreate'
  | 'patientUpdate'
  | 'patientCustomFieldDefs'
  | 'patientAppointments'
  | 'patientBills'
  | 'patientCarePlans'

export const patientsHandlers: HandlerGroup<Names> = (s) => {
  const svc = new PatientsService(() => s.session.client())
  return {
    patientsByIds: async ({ ids }) => fetchPatientsByIds(await s.session.client(), ids),
    patientsSearch: ({ text, offset, limit }) => svc.search(text, offset ?? 0, limit ?? 20),
    patientGet: ({ patientId }) => svc.get(patientId),
    patientDuplicates: (input) =>
      svc.duplicates({ ...input, italianFiscalCode: input.italianFiscalCode ?? '', dateOfBirth: input.dateOfBirth ?? '' }),
    patientCreate: (input) => svc.create(patientDraftSchema.parse(input.draft), input.fiscalCodeOverride ?? false),
    patientUpdate: (input) => svc.update(input.patientId, patientDraftSchema.parse(input.draft), input.fiscalCodeOverride ?? false),
    patientCustomFieldDefs: () => svc.customFieldDefs(),
    patientAppointments: ({ patientId, from, to }) => svc.appointments(patientId, from, to),
    patientBills: ({ patientId, from, to }) => svc.bills(patientId, from, to),
    patientCarePlans: ({ patientId }) => svc.carePlans(patientId),
  }
}
