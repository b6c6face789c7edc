import { z } from 'zod'
import { bool, id, int, intArray, num, optBool, optDate, optId, optNum, optString } from './lenient'

// Entity schemas at the AlfaDocs boundary. Objects are "loose": extra fields pass through untouched
// (patients carry custom fields as `_technicalName` keys).

export {
  appointmentStates,
  appointmentTypes,
  billTypes,
  directions,
  documentTypes,
  sistemaTsTypes,
  type AppointmentState,
  type DocumentType,
  type SistemaTsType,
} from './enums'

export const meSchema = z.looseObject({
  practiceId: id,
  archiveId: id,
  userId: optId,
  userEmail: optString,
  practiceName: optString,
})
export type Me = z.infer<typeof meSchema>

export const chairSchema = z.looseObject({ id, name: z.string(), deleted: optBool })
export type Chair = z.infer<typeof chairSchema>

const hex = z.string().transform((s) => s.replace(/^#/, '').toLowerCase())
export const colorSchema = z.looseObject({ id, backgroundColor: hex, textColor: hex })
export type Color = z.infer<typeof colorSchema>

export const operatorSchema = z.looseObject({
  id,
  name: z.string(),
  italianFiscalCode: optString,
  sequenceNumber: optNum,
  deleted: optBool,
})
export type Operator = z.infer<typeof operatorSchema>

export const specialtySchema = z.looseObject({
  id,
  name: z.string(),
  sequenceNumber: optNum,
  createdAt: optDate,
  deleted: optBool,
  operatorIds: intArray,
})
export type Specialty = z.infer<typeof specialtySchema>

export const bookingReasonSchema = z.looseObject({
  id,
  specialtyId: optId,
  description: z.string(),
  duration: optNum,
  sequenceNumber: optNum,
  createdAt: optDate,
  deleted: optBool,
  operatorIds: intArray,
  price: optNum,
})
export type BookingReason = z.infer<typeof bookingReasonSchema>

export const appointmentSchema = z.looseObject({
  id,
  date: z.string(),
  patientId: optId,
  emailReminder: optBool,
  smsReminder: optBool,
  description: optString.transform((v) => v ?? ''),
  allDay: optBool,
  type: optString,
  state: z.string(),
  duration: optNum.transform((v) => v ?? 0),
  colorId: optId,
  chairId: optId,
  operatorId: optId,
  createdThroughBooking: optBool,
  createdThroughApi: optBool,
  firstVisit: bool.optional().transform((v) => v ?? false),
  carePlanId: optId,
})
export type Appointment = z.infer<typeof appointmentSchema>

export const freeSlotSchema = z.looseObject({ chairId: optId, date: z.string(), operatorId: optId, time: z.string() })
export type FreeSlot = z.infer<typeof freeSlotSchema>

export const phoneNumberSchema = z.looseObject({
  id: z.union([z.string(), z.number()]).transform(String),
  prefix: optString.transform((v) => v ?? ''),
  number: z.union([z.string(), z.number()]).transform(String),
  label: optString,
  smsEnabled: optBool,
})
export type PhoneNumber = z.infer<typeof phoneNumberSchema>

export const patientSchema = z
  .looseObject({
    id,
    firstName: optString.transform((v) => v ?? ''),
    lastName: optString.transform((v) => v ?? ''),
    email: optString,
    emailEnabled: optBool,
    emailValid: optBool,
    phoneNumbers: z
      .union([z.array(phoneNumberSchema), z.null()])
      .optional()
      .transform((v) => v ?? []),
    gender: optString,
    street: optString,
    city: optString,
    postcode: optString,
    province: optString,
    dateOfBirth: optDate,
    dateBirth: optDate,
    placeOfBirth: optString,
    italianFiscalCode: optString,
    deleted: optBool,
  })
  // Real AlfaDocs sends `dateBirth`; the reference example shows `dateOfBirth`. Expose one field.
  .transform(({ dateBirth, ...p }) => ({ ...p, dateOfBirth: p.dateOfBirth ?? dateBirth ?? null }))
export type Patient = z.infer<typeof patientSchema>

export const customFieldSchema = z.looseObject({
  id,
  objectType: z.string(),
  label: z.string(),
  technicalName: z.string(),
  type: z.string(),
  choices: z
    .union([z.array(z.string()), z.null()])
    .optional()
    .transform((v) => v ?? []),
  sequenceNumber: optNum,
})
export type CustomField = z.infer<typeof customFieldSchema>

export const documentSchema = z.looseObject({
  id,
  name: z.string(),
  folderId: optString,
  folderName: optString,
  type: z.string(),
  createdAt: optDate,
  downloadUrl: optString,
})
export type DocumentMeta = z.infer<typeof documentSchema>

export const documentFileSchema = z.looseObject({ status: z.string().optional(), file: z.string() })

export const billSchema = z.looseObject({
  id,
  carePlanId: optId,
  companyId: optId,
  operatorId: optId,
  patientId: optId,
  type: z.string(),
  direction: z.string(),
  date: z.string(),
  net: num,
  stamp: optNum.transform((v) => v ?? 0),
  numberIncludingPrefix: optString,
  createdAt: optDate,
})
export type Bill = z.infer<typeof billSchema>

export const liabilitySchema = z.looseObject({
  id,
  billId: id,
  date: z.string(),
  amount: num,
  createdAt: optDate,
  relatedToInsurance: optBool,
  sistemaTsExpenseType: optString,
})
export type Liability = z.infer<typeof liabilitySchema>

export const transactionSchema = z.looseObject({
  id,
  direction: z.string(),
  amount: num,
  date: z.string(),
  billId: optId,
  accountId: optId,
  paymentTypeId: optId,
  createdAt: optDate,
  deleted: optBool,
  verified: optBool,
  relatedToInsurance: optBool,
  sistemaTsExpenseType: optString,
})
export type Transaction = z.infer<typeof transactionSchema>

export const namedSchema = z.looseObject({ id, name: z.string(), deleted: optBool })
export type PaymentType = z.infer<typeof namedSchema>
export type Account = z.infer<typeof namedSchema>

export const carePlanSchema = z.looseObject({
  id,
  name: optString,
  state: optString,
  branch: optString,
  operatorId: optId,
  patientId: optId,
  createdAt: optDate,
  dateAccepted: optDate,
  isSigned: optBool,
  price: optNum,
  discountedPrice: optNum,
  deleted: optBool,
})
export type CarePlan = z.infer<typeof carePlanSchema>

export const carePlanEntrySchema = z.looseObject({
  entryId: id,
  label: optString,
  price: optNum,
  discountedPrice: optNum,
  done: optBool,
  dateDone: optDate,
  deleted: optBool,
  sequenceNumber: optNum,
})
export type CarePlanEntry = z.infer<typeof carePlanEntrySchema>

export const signatureStatusSchema = z.looseObject({ status: z.string().optional(), isSigned: bool })
export const paymentLinkSchema = z.looseObject({ isValid: bool })

export { int }
