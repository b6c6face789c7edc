import type { IsoDate } from '../../../../shared/dates'

export interface BookingDraft {
  id: number | null
  date: IsoDate
  time: string
  duration: number
  chairId: number | null
  operatorId: number | null
  colorId: number | null
  patientId: number | null
  description: string
  type: 'inPractice' | 'telehealth'
  emailReminder: boolean
  smsReminder: boolean
  /** The desk chose the time or chair (a cell, a slot, an edit): a clash is worth a warning at once. */
  chosen?: boolean
}

export interface BookingSubmit {
  draft: BookingDraft
  newPatient: NewPatient | null
}

export interface GridLabels {
  allDay: string
  outside: string
  loading: string
  noPatient: string
  unknownPatient: (id: number) => string
  state: (s: string) => string
  nextStateTitle: (s: string) => string
  telehealth: string
  /** title of the mark on a block whose state change waits in the outbox */
  queued: string
}

/** A patient created from the booking dialog: a name and an optional mobile number as typed. */
export interface NewPatient {
  firstName: string
  lastName: string
  phone: string
}
