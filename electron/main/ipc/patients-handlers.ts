import type { patientsChannels } from '../../../shared/contract/patients'
import type { HandlerGroup } from './handlers'

export const patientsHandlers: HandlerGroup<typeof patientsChannels> = ({ patients }) => ({
  patientsByIds: ({ ids }) => patients.byIds(ids),
  patientsSearch: ({ text, offset, limit, bulk }) => patients.search(text, offset, limit, bulk === true),
  patientGet: ({ patientId }) => patients.get(patientId),
  patientDuplicates: (input) => patients.duplicates(input),
  patientCreate: ({ draft, fiscalCodeOverride }) => patients.create(draft, fiscalCodeOverride),
  patientUpdate: ({ patientId, draft, fiscalCodeOverride }) => patients.update(patientId, draft, fiscalCodeOverride),
  patientCustomFieldDefs: () => patients.customFieldDefs(),
  patientCarePlans: ({ patientId }) => patients.carePlans(patientId),
})
