import type { Appointment } from '../alfadocs/schemas'
import { comparedFields } from '../agenda/diff'
import type { SeenAppointment } from './agenda'
import type { ComputerSettings, PracticeSettings } from './settings'

// The contract's plain values, apart from its schemas: the page needs them at run time, and importing them from
// the schema modules would load zod and build every schema at each start of the app. The schema modules
// re-export them; the page imports them from here (eslint holds it to that).

/**
 * Caps on the date ranges the page may ask for in one call. Main splits a range into API windows (30 days
 * for appointments, 31 for bills) that share the practice's request budget, so a range is a request count:
 * the agenda shows at most a month (62 days covers it with margins, 3 windows); one patient's appointments
 * or anyone's bills go back a year (366 days, 13 windows).
 */
export const RANGE_CAPS = { appointments: 62, patientAppointments: 366, bills: 366 } as const
/** The refusal code of a range over its cap (the renderer words it). */
export const RANGE_CODE = 'range-too-long'

/** AlfaDocs' API, where a practice connects unless it says otherwise. */
export const DEFAULT_BASE_URL = 'https://app.alfadocs.com/api/v1'

export const billStatuses = ['paid', 'partial', 'due', 'overdue', 'credit'] as const
export type BillStatus = (typeof billStatuses)[number]

export const callOutcomes = ['confirmed', 'message', 'no-answer', 'move'] as const
export type CallOutcome = (typeof callOutcomes)[number]

export const COMPUTER_DEFAULTS: ComputerSettings = {
  lockAfterMinutes: 5,
  notifications: true,
  updateFeedUrl: null,
  arrivalsNotice: true,
  largeThumbnails: false,
}
export const PRACTICE_DEFAULTS: PracticeSettings = {
  lateAfterMinutes: 10,
  alertFields: [],
  asapField: null,
  followUpDays: 30,
  practiceName: '',
  practiceAddress: '',
}

/** What `agendaUpdate` needs of an appointment the desk shows (drops the fields AlfaDocs adds). */
export function seenOf(a: Appointment): SeenAppointment {
  const out: Record<string, unknown> = { id: a.id }
  for (const f of comparedFields) if (a[f] !== undefined) out[f] = a[f]
  return out as SeenAppointment
}
