import type { Appointment, AppointmentState, Patient } from '../../../shared/alfadocs/schemas'
import { appointmentStates } from '../../../shared/alfadocs/schemas'
import { hhmm, parseWall, type IsoDate } from '../../../shared/dates'

/** "09:30–10:00", or null for all-day appointments and unparseable dates. */
export function timeRange(a: Pick<Appointment, 'date' | 'duration' | 'allDay'>): string | null {
  if (a.allDay) return null
  const start = parseWall(a.date)
  if (!start) return null
  return a.duration > 0 ? `${hhmm(start.minutes)}–${hhmm(start.minutes + a.duration)}` : hhmm(start.minutes)
}

/** "Rossi Mario": how the front desk reads a name. */
export function patientName(p: Pick<Patient, 'firstName' | 'lastName'>): string {
  return `${p.lastName} ${p.firstName}`.trim()
}

export const isKnownState = (s: string): s is AppointmentState => (appointmentStates as readonly string[]).includes(s)

/** "mercoledì 11 marzo 2026" in the UI language; the day is wall-clock, so format it at noon UTC. */
export function longDate(day: IsoDate, locale: string): string {
  const s = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'it-IT', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T12:00:00Z`))
  return s.charAt(0).toUpperCase() + s.slice(1)
}

/** A sync time: "09:41" if today, else "10/03 09:41". */
export function syncTime(ms: number, locale: string, now = Date.now()): string {
  const tag = locale === 'en' ? 'en-GB' : 'it-IT'
  const d = new Date(ms)
  const sameDay = new Date(now).toDateString() === d.toDateString()
  const time = new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit' }).format(d)
  if (sameDay) return time
  return `${new Intl.DateTimeFormat(tag, { day: '2-digit', month: '2-digit' }).format(d)} ${time}`
}
