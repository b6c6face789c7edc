import { addDaysIso, type IsoDate } from '../dates'

// Working days for the confirmation calls: Monday to Friday, without Italy's national holidays (and the
// Easter Monday). A practice open on Saturday still calls on Friday for Monday; Saturday's list is one click.

function easterSunday(year: number): IsoDate {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

const FIXED_HOLIDAYS = ['01-01', '01-06', '04-25', '05-01', '06-02', '08-15', '11-01', '12-08', '12-25', '12-26']

export function isItalianHoliday(day: IsoDate): boolean {
  if (FIXED_HOLIDAYS.includes(day.slice(5))) return true
  return day === addDaysIso(easterSunday(Number(day.slice(0, 4))), 1)
}

export function isWorkingDay(day: IsoDate): boolean {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay()
  return weekday !== 0 && weekday !== 6 && !isItalianHoliday(day)
}

/** The first working day after `day`. */
export function nextWorkingDay(day: IsoDate): IsoDate {
  let d = addDaysIso(day, 1)
  while (!isWorkingDay(d)) d = addDaysIso(d, 1)
  return d
}
