// AlfaDocs' closed lists of values, apart from the schemas that check them: the page needs the lists at run
// time, and importing them from schemas.ts would load zod and build every schema at each start of the app.

export const appointmentStates = ['confirmed', 'waiting', 'in_care', 'done', 'absent', 'cancelled'] as const
export type AppointmentState = (typeof appointmentStates)[number]
export const appointmentTypes = ['inPractice', 'telehealth'] as const
export const documentTypes = [
  'text',
  'xray',
  'image',
  'identification',
  'electronic_signature_patient_details',
  'electronic_signature_patient_details_and_terms_and_conditions',
  'other',
] as const
export type DocumentType = (typeof documentTypes)[number]
export const billTypes = ['full', 'partial', 'credit', 'proforma'] as const
export const directions = ['incoming', 'outgoing'] as const
export const sistemaTsTypes = ['tk', 'tk2', 'fc', 'fv', 'sp', 'ad', 'as', 'sr', 'sr2', 'ct', 'pi', 'ic', 'aa', 'nn'] as const
export type SistemaTsType = (typeof sistemaTsTypes)[number]
