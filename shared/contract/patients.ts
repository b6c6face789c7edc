import { z } from 'zod'
import { carePlanSchema, customFieldSchema, patientSchema } from '../alfadocs/schemas'
import { channel, empty, id, int, isoDate, prototypeKeys } from './core'

const patientId = id

export const phoneDraftSchema = z.strictObject({
  /** Present for a number AlfaDocs already has. */
  id: z.string().max(40).optional(),
  prefix: z
    .string()
    .trim()
    .regex(/^(\+|00)\d{1,4}$/, 'expected a prefix like +39'),
  number: z
    .string()
    .transform((s) => s.replace(/[\s./()-]/g, ''))
    .pipe(z.string().regex(/^\d{5,15}$/, 'expected 5 to 15 digits')),
  label: z.string().trim().max(60).default(''),
  smsEnabled: z.boolean().default(false),
})
export type PhoneDraft = z.input<typeof phoneDraftSchema>

const optText = (max: number) => z.string().trim().max(max).default('')

/** A custom field's technical name, as the page names it (never a prototype key). */
export const customFieldName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,99}$/, 'expected a custom field name')
  .refine((k) => !prototypeKeys.includes(k), 'not a custom field name')
const customFieldValues = z.record(customFieldName, z.union([z.string().max(1000), z.boolean()]))
/** zod's record skips an own `__proto__` key without a word (nothing is polluted); the door refuses it instead. */
const customFieldsSchema = z.preprocess((v, ctx) => {
  if (typeof v === 'object' && v !== null && Object.hasOwn(v, '__proto__'))
    ctx.addIssue({ code: 'custom', message: 'not a custom field name: __proto__' })
  return v
}, customFieldValues) as unknown as typeof customFieldValues

/**
 * The draft of a patient booked from the agenda with just a name and maybe a mobile number: the number is
 * taken as Italian (+39, or the prefix typed), labelled "cellulare", with SMS on.
 */
export function quickPatientDraft(p: { firstName: string; lastName: string; phone?: string | undefined }): PatientDraft {
  const digits = p.phone?.replace(/[^\d+]/g, '') ?? ''
  const italian = /^(?:\+|00)39(\d+)$/.exec(digits)
  const number = italian ? italian[1]! : digits.replace(/^\+/, '')
  return {
    firstName: p.firstName,
    lastName: p.lastName,
    phoneNumbers: number ? [{ prefix: '+39', number, label: 'cellulare', smsEnabled: true }] : [],
  }
}

/** A patient as the desk edits it; main checks it again before anything goes to AlfaDocs. */
export const patientDraftSchema = z.strictObject({
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
  customFields: customFieldsSchema.default({}),
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
  patientsByIds: channel(z.strictObject({ ids: z.array(patientId).max(500) }), z.array(patientSchema)),
  /** The one search box: main parses the text (name, phone, fiscal code, birth date, e-mail) into AlfaDocs filters. */
  patientsSearch: channel(
    z.strictObject({
      text: z.string().max(200),
      offset: int().min(0).max(1_000_000).default(0),
      limit: int().min(1).max(100).default(20),
      /** A background fill: queues behind what a desk is waiting for (the limiter's 'bulk' lanes). */
      bulk: z.boolean().optional(),
    }),
    patientPageSchema,
  ),
  patientGet: channel(z.strictObject({ patientId }), patientSchema),
  /** Patients that look like the same person (same valid fiscal code, or same name and birth date). */
  patientDuplicates: channel(
    z.strictObject({
      patientId: patientId.optional(),
      firstName: z.string().max(100),
      lastName: z.string().max(100),
      italianFiscalCode: z.string().max(32).default(''),
      dateOfBirth: z.union([z.literal(''), isoDate]).default(''),
    }),
    z.array(z.object({ patient: patientSchema, reason: z.enum(['fiscalCode', 'nameAndBirth']) })),
  ),
  patientCreate: channel(z.strictObject({ draft: patientDraftSchema, ...saveOptions }), patientSchema),
  patientUpdate: channel(z.strictObject({ patientId, draft: patientDraftSchema, ...saveOptions }), patientSchema),
  /** The custom fields defined for patients, in their order. */
  patientCustomFieldDefs: channel(empty, z.array(customFieldSchema)),
  /** Care plans, read-only, each with its signature status (null when AlfaDocs would not say). */
  patientCarePlans: channel(z.strictObject({ patientId }), z.array(carePlanWithSignatureSchema)),
}
