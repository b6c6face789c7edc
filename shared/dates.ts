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

const DAY_MS = 86_400_000
const pad2 = (n: number) => String(n).padStart(2, '0')
/** A UTC day's ms as YYYY-MM-DD (years 1000–9999). */
const utcIso = (ms: number): IsoDate => {
  const d = new Date(ms)
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`
}
/** 01:00 UTC of the last Sunday of `month` (0-based): when the EU's summer time starts (March) and ends (October). */
const euSwitch = (year: number, month: number) => {
  const last = Date.UTC(year, month + 1, 0)
  return last - new Date(last).getUTCDay() * DAY_MS + 3_600_000
}
/**
 * Italy's offset from UTC at `ms`, in ms: the EU rule (in force since 1996) without Intl, whose time-zone
 * formatter costs more than the rest of a render that asks for today several times. Other zones go to Intl.
 */
function romeOffset(ms: number): number {
  const year = new Date(ms).getUTCFullYear()
  return ms >= euSwitch(year, 2) && ms < euSwitch(year, 9) ? 7_200_000 : 3_600_000
}
const isRome = (tz: string, ms: number) => tz === PRACTICE_TZ && ms >= Date.UTC(1996, 0, 1) && ms < Date.UTC(9999, 0, 1)

/** Today's date in the practice's time zone. */
export function todayIn(tz = PRACTICE_TZ, now: Date = new Date()): IsoDate {
  const ms = now.getTime()
  if (isRome(tz, ms)) return utcIso(ms + romeOffset(ms))
  return format(new TZDate(ms, tz), 'yyyy-MM-dd')
}

/** Minutes after local midnight right now in the practice's time zone. */
export function nowMinutesIn(tz = PRACTICE_TZ, now: Date = new Date()): number {
  const ms = now.getTime()
  if (isRome(tz, ms)) return Math.floor(((((ms + romeOffset(ms)) % DAY_MS) + DAY_MS) % DAY_MS) / 60_000)
  const d = new TZDate(ms, tz)
  return d.getHours() * 60 + d.getMinutes()
}

export function addDaysIso(day: IsoDate, n: number): IsoDate {
  const m = isoDateRe.test(day) ? Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) : NaN
  // A calendar day (not 24 h of some zone's clock): UTC arithmetic is exact. Anything else as before.
  if (Number.isInteger(n) && utcIso(m) === day) return utcIso(m + n * DAY_MS)
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
  return `${pad2(Math.floor(m / 60))}:${pad2(m % 60)}`
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
