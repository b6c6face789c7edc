import { TZDate } from '@date-fns/tz'
import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns'

// AlfaDocs speaks practice-local wall time ("YYYY-MM-DD HH:mm:ss", no zone). We keep it as wall time
// end to end: a day is a "YYYY-MM-DD" string and a time is minutes after local midnight, so DST days
// neither lose nor duplicate an hour of appointments.

export const PRACTICE_TZ = 'Europe/Rome'

export type IsoDate = string // YYYY-MM-DD

const isoDateRe = /^\d{4}-\d{2}-\d{2}$/
const wallRe = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?/

export function isIsoDate(s: string): boolean {
  if (!isoDateRe.test(s)) return false
  const d = parseISO(s)
  return !Number.isNaN(d.getTime()) && format(d, 'yyyy-MM-dd') === s
}

/** Today's date in the practice's time zone. */
export function todayIn(tz = PRACTICE_TZ, now: Date = new Date()): IsoDate {
  return format(new TZDate(now.getTime(), tz), 'yyyy-MM-dd')
}

/** Minutes after local midnight right now in the practice's time zone. */
export function nowMinutesIn(tz = PRACTICE_TZ, now: Date = new Date()): number {
  const d = new TZDate(now.getTime(), tz)
  return d.getHours() * 60 + d.getMinutes()
}

export function addDaysIso(day: IsoDate, n: number): IsoDate {
  return format(addDays(parseISO(day), n), 'yyyy-MM-dd')
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from))
}

export interface WallTime {
  date: IsoDate
  /** minutes after local midnight */
  minutes: number
}

export function parseWall(s: string): WallTime | null {
  const m = wallRe.exec(s)
  if (!m) return null
  return { date: m[1]!, minutes: Number(m[2]) * 60 + Number(m[3]) }
}

export function formatWall(date: IsoDate, minutes: number): string {
  const dayOffset = Math.floor(minutes / 1440)
  const mins = ((minutes % 1440) + 1440) % 1440
  const d = dayOffset === 0 ? date : addDaysIso(date, dayOffset)
  return `${d} ${hhmm(mins)}:00`
}

export function hhmm(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
}

/**
 * Splits an inclusive date range into windows of at most `maxDays` days each (inclusive), in order.
 * AlfaDocs refuses ranges longer than 30 (appointments) or 31 (bills, transactions) days.
 */
export function splitWindows(from: IsoDate, to: IsoDate, maxDays: number): Array<[IsoDate, IsoDate]> {
  if (maxDays < 1) throw new Error('maxDays must be at least 1')
  if (daysBetween(from, to) < 0) return []
  const out: Array<[IsoDate, IsoDate]> = []
  let start = from
  while (daysBetween(start, to) >= 0) {
    const endCandidate = addDaysIso(start, maxDays - 1)
    const end = daysBetween(endCandidate, to) >= 0 ? endCandidate : to
    out.push([start, end])
    start = addDaysIso(end, 1)
  }
  return out
}
