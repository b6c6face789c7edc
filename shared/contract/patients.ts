import { z } from 'zod'
import { appointmentSchema, billSchema, carePlanSchema, customFieldSchema, patientSchema } from '../alfadocs/schemas'
import { channel, empty, isoDate } from './core'

const patientId = z.number().int().positive()

export const phoneDraftSchema = z.object({
  /** Present for a number AlfaDocs already has. */
  id: z.string().max(40).optional(),
  prefix: z.string().trim().regex(/^(\+|00)\d{1,4}$/, 'expected a prefix like +39'),
  number: z
    .string()
    .transform((s) => s.replace(/[\s./()-]/g, ''))
    .pipe(z.string().regex(/^\d{5,15}$/, 'expected 5 to 15 digits')),
  label: z.string().trim().max(60).default(''),
  smsEnabled: z.boolean().default(false),
})
export type PhoneDraft = z.input<typeof phoneDraftSchema>

const optText = (max: number) => z.string().trim().max(max).default('')

/** A patient as the desk edits it; main checks it again before anything goes to AlfaDocs. */
export const patientDraftSchema = z.object({
  firstName: z.string().trim().min(1, 'first name required').max(100),
  lastName: z.string().trim().min(1, 'last name required').max(100),
  email: z.union([z.literal(''), z.email('expected an e-mail address').max(200)]).default(''),
  gender: z.enum(['m', 'f', '']).default(''),
  dateOfBirth: z.union([z.literal(''), isoDate]).default(''),
  placeOfBirth: optText(100),
  street: optText(200),
  city: optText(100),
  postcode: optText(10),
  province: optText(4),
  italianFiscalCode: optText(32),
  phoneNumbers: z.array(phoneDraftSchema).max(10).default([]),
  /** Custom field values by technical name (without the underscore). */
  customFields: z.record(z.string().max(100), z.union([z.string().max(1000), z.boolean()])).default({}),
})
export type PatientDraft = z.input<typeof patientDraftSchema>

const saveOptions = {
  /** The user ticked "keep this fiscal code anyway" (placeholders such as NON DISPONIBILE, or a wrong check character). */
  fiscalCodeOverride: z.boolean().default(false),
}

export const patientPageSchema = z.object({
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  limit: z.number().int().positive(),
  results: z.array(patientSchema),
})

export const carePlanWithSignatureSchema = z.object({ plan: carePlanSchema, isSigned: z.boolean().nullable() })

export const patientsChannels = {
  /** Patients by id, fetched once each; unknown ids are left out. */
  patientsByIds: channel(z.object({ ids: z.array(patientId).max(500) }), z.array(patientSchema)),
  /** The one search box: main parses the text (name, phone, fiscal code, birth date, e-mail) into AlfaDocs filters. */
  patientsSearch: channel(
    z.object({ text: z.string().max(200), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(100).default(20) }),
    patientPageSchema,
  ),
  patientGet: channel(z.object({ patientId }), patientSchema),
  /** Patients that look like the same person (same valid fiscal code, or same name and birth date). */
  patientDuplicates: channel(
    z.object({
      patientId: patientId.optional(),
      firstName: z.string().max(100),
      lastName: z.string().max(100),
      italianFiscalCode: z.string().max(32).default(''),
      dateOfBirth: z.union([z.literal(''), isoDate]).default(''),
    }),
    z.array(z.object({ patient: patientSchema, reason: z.enum(['fiscalCode', 'nameAndBirth']) })),
  ),
  patientCreate: channel(z.object({ draft: patientDraftSchema, ...saveOptions }), patientSchema),
  patientUpdate: channel(z.object({ patientId, draft: patientDraftSchema, ...saveOptions }), patientSchema),
  /** The custom fields defined for patients, in their order. */
  patientCustomFieldDefs: channel(empty, z.array(customFieldSchema)),
  /** Appointments of a patient between two dates (main splits into 30-day windows). */
  patientAppointments: channel(z.object({ patientId, from: isoDate, to: isoDate }), z.array(appointmentSchema)),
  /** Bills of a patient between two dates (31-day windows, filtered by patient). */
  patientBills: channel(z.object({ patientId, from: isoDate, to: isoDate }), z.array(billSchema)),
  /** Care plans, read-only, each with its signature status (null when AlfaDocs would not say). */
  patientCarePlans: channel(z.object({ patientId }), z.array(carePlanWithSignatureSchema)),
}
