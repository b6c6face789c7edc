import type { Appointment, AppointmentState, Patient, PhoneNumber } from '../../../shared/alfadocs/schemas'
import { appointmentStates } from '../../../shared/alfadocs/enums'
import { hhmm, parseWall, type IsoDate } from '../../../shared/dates'
import { i18n } from '../i18n'

// The one home of how the desk reads names, money, dates and appointment states, for every feature.

/** The BCP 47 tag the app formats with for a UI language (English as in Europe: 24-hour clock, day first). */
export const tagOf = (locale: string) => (locale === 'en' ? 'en-GB' : 'it-IT')

/** "Rossi Mario": how the front desk reads a name. */
export function patientName(p: Pick<Patient, 'firstName' | 'lastName'>): string {
  return `${p.lastName} ${p.firstName}`.trim()
}

/** "+39 333 1234567" (no prefix: the number alone). */
export const phoneText = (n: Pick<PhoneNumber, 'prefix' | 'number'>): string => `${n.prefix ? n.prefix + ' ' : ''}${n.number}`.trim()

/** A patient's phone numbers as the desk dials them, empty ones left out. */
export const phonesOf = (p: Pick<Patient, 'phoneNumbers'>): string[] => p.phoneNumbers.map(phoneText).filter(Boolean)

/** "1.890,00 €" / "€1,890.00" from integer cents. Thousands are always grouped: Italian alone would write
 * "1890,00 €" but "12.500,00 €", and a column of amounts must read alike. */
export function euro(cents: number, locale: string): string {
  return euroFormat(locale).format(cents / 100)
}
const euroFormats = new Map<string, Intl.NumberFormat>()
function euroFormat(locale: string): Intl.NumberFormat {
  const tag = tagOf(locale)
  let f = euroFormats.get(tag)
  if (!f) euroFormats.set(tag, (f = new Intl.NumberFormat(tag, { style: 'currency', currency: 'EUR', useGrouping: 'always' })))
  return f
}

/** Euros as AlfaDocs sends them (a decimal number) to integer cents. */
export const toCents = (euros: number): number => Math.round(euros * 100)

/** "11/03/2026" from "2026-03-11" or a date-time; '' for nothing, the text itself if it is no date. */
export function shortDate(s: string | null | undefined): string {
  if (!s) return ''
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s)
  return m ? `${m[3]}/${m[2]}/${m[1]}` : s
}

/** "09:30–10:00", or null for all-day appointments and unparseable dates. */
export function timeRange(a: Pick<Appointment, 'date' | 'duration' | 'allDay'>): string | null {
  if (a.allDay) return null
  const start = parseWall(a.date)
  if (!start) return null
  return a.duration > 0 ? `${hhmm(start.minutes)}–${hhmm(start.minutes + a.duration)}` : hhmm(start.minutes)
}

const WEEKDAYS = {
  it: ['domenica', 'lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
}
const MONTHS = {
  it: ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
}

/**
 * "Mercoledì 11 marzo 2026" / "Wednesday, 11 March 2026": what Intl.DateTimeFormat writes for it-IT and en-GB
 * (a unit test holds the two alike), from tables: the agenda's heading is on its first paint, and the page's
 * first date format costs several ms of ICU set-up.
 */
export function longDate(day: IsoDate, locale: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay()
  if (locale === 'en') return `${WEEKDAYS.en[weekday]}, ${d} ${MONTHS.en[m - 1]} ${y}`
  const s = `${WEEKDAYS.it[weekday]} ${d} ${MONTHS.it[m - 1]} ${y}`
  return s.charAt(0).toUpperCase() + s.slice(1)
}

const pad2 = (n: number) => String(n).padStart(2, '0')

/** "09:41", this computer's time: what it-IT and en-GB both write for hour and minute, 2-digit (a unit test holds them alike). */
export const clockTime = (ms: number): string => {
  const d = new Date(ms)
  return hhmm(d.getHours() * 60 + d.getMinutes())
}

/** "10/03", this computer's day: it-IT's and en-GB's day and month, 2-digit. */
export const dayMonth = (ms: number): string => {
  const d = new Date(ms)
  return `${pad2(d.getDate())}/${pad2(d.getMonth() + 1)}`
}

/** A sync time: "09:41" if today, else "10/03 09:41". */
export function syncTime(ms: number, now = Date.now()): string {
  const sameDay = new Date(now).toDateString() === new Date(ms).toDateString()
  return sameDay ? clockTime(ms) : `${dayMonth(ms)} ${clockTime(ms)}`
}

export const isKnownState = (s: string): s is AppointmentState => (appointmentStates as readonly string[]).includes(s)

/** The states in the order the desk goes through them (the menus list them so). */
export const STATE_ORDER: readonly AppointmentState[] = appointmentStates

/** The one-click next state (confirmed → waiting → in the chair → done); absent and cancelled come from the menu. */
export const NEXT_STATE: Partial<Record<string, 'waiting' | 'in_care' | 'done'>> = {
  confirmed: 'waiting',
  waiting: 'in_care',
  in_care: 'done',
}

/** An appointment state in the UI language ("In poltrona"); a state this version does not know, as sent. */
export function stateLabel(state: string): string {
  return isKnownState(state) ? i18n.global.t(`state.${state}`) : state
}
