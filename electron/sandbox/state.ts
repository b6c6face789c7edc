import type { AppointmentState } from '../../shared/alfadocs/schemas'

// The sandbox's in-memory practice. Records are stored in the shape the API emits (including the
// real API's quirks: numbers and booleans sometimes as strings), so handlers return them as they are.

export type Num = number | string
export type Bool = boolean | string

export interface Practice {
  practiceId: number
  archiveId: number
  userId: number
  userEmail: string
  practiceName: string
}
export interface Chair {
  id: number
  name: string
  deleted: boolean
}
export interface Color {
  id: number
  backgroundColor: string
  textColor: string
}
export interface Operator {
  id: number
  name: string
  italianFiscalCode: string
  sequenceNumber: number
  deleted: boolean
}
export interface Specialty {
  id: number
  name: string
  sequenceNumber: Num
  createdAt: string
  deleted: boolean
  operatorIds: number[]
}
export interface BookingReason {
  id: number
  specialtyId: number
  description: string
  duration: string
  sequenceNumber: string
  createdAt: string
  deleted: boolean
  operatorIds: number[]
  price: string
}
export interface CustomField {
  id: number
  objectType: 'patient' | 'care_plan'
  label: string
  technicalName: string
  type: 'single_line_text' | 'single_checkbox' | 'dropdown'
  choices: string[]
  sequenceNumber: number
}
export interface Appointment {
  id: number
  date: string
  patientId: number | null
  emailReminder: Bool
  smsReminder: Bool
  description: string
  allDay: Bool
  type: 'inPractice' | 'telehealth'
  state: AppointmentState
  duration: Num
  colorId: number
  chairId: number | null
  operatorId: number | null
  createdThroughBooking: Bool
  createdThroughApi: Bool
  firstVisit: 'yes' | 'no'
  carePlanId: number | null
}
export interface PhoneNumber {
  id: string
  prefix: string
  number: string
  label: string
  smsEnabled: boolean
}
/** Patients carry custom field values as `_technicalName` keys, hence the index signature. */
export interface Patient {
  id: number
  firstName: string
  lastName: string
  phoneNumbers: PhoneNumber[]
  deleted: boolean
  [key: string]: unknown
}
export interface CarePlan {
  id: number
  patientId: number
  branch: string
  name: string
  state: string
  dateAccepted: string | null
  operatorId: number
  createdAt: string
  isSigned: boolean
  price: number
  discountedPrice: number
  carePlanEntriesCount: number
  deleted: boolean
  [key: string]: unknown
}
export interface CarePlanEntry {
  entryId: number
  carePlanId: number
  appointmentId: number | null
  label: string
  price: number
  discountedPrice: number
  createdAt: string
  done: string
  dateDone: string | null
  deleted: string
  sequenceNumber: number
  vatPercentage: number
}
export interface Bill {
  id: number
  carePlanId: number | null
  companyId: number
  operatorId: number | null
  patientId: number | null
  type: 'full' | 'partial' | 'credit' | 'proforma'
  direction: 'incoming' | 'outgoing'
  date: string
  net: number
  stamp: number
  numberIncludingPrefix: string
  createdAt: string
}
export interface Liability {
  id: number
  billId: number
  date: string
  amount: string
  createdAt: string
  relatedToInsurance: boolean
  sistemaTsExpenseType: string
}
export interface Transaction {
  id: number
  direction: 'incoming' | 'outgoing'
  amount: number
  date: string
  billId: number | null
  accountId: number
  paymentTypeId: number
  createdAt: string
  deleted: boolean
  verified: boolean
  relatedToInsurance: boolean
  sistemaTsExpenseType: string
}
export interface Named {
  id: number
  name: string
  deleted: boolean
}
export interface DocumentRecord {
  id: number
  patientId: number
  name: string
  folderId: string
  folderName: string
  type: string
  createdAt: string
  /** the file, base64 exactly as uploaded */ base64: string
}

export interface SandboxState {
  seed: number
  today: string
  practice: Practice
  chairs: Chair[]
  colors: Color[]
  operators: Operator[]
  specialties: Specialty[]
  bookingReasons: BookingReason[]
  customFields: CustomField[]
  patients: Patient[]
  appointments: Appointment[]
  carePlans: CarePlan[]
  carePlanEntries: CarePlanEntry[]
  bills: Bill[]
  liabilities: Liability[]
  transactions: Transaction[]
  paymentTypes: Named[]
  accounts: Named[]
  documents: DocumentRecord[]
  folders: Array<{ id: string; name: string }>
  /** Next id handed out to a record created through the API. */
  nextId: number
}

export const asNum = (v: Num | null | undefined): number => (v == null || v === '' ? 0 : Number(v))
export const asBool = (v: unknown): boolean => v === true || v === 'true' || v === 1 || v === '1'
