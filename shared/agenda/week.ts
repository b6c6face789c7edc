import { addDaysIso, type IsoDate } from '../dates'

/** Monday of the week holding `day` (the front desk's week starts on Monday). */
export function weekStart(day: IsoDate): IsoDate {
  const dow = new Date(`${day}T12:00:00Z`).getUTCDay() // 0 = Sunday
  return addDaysIso(day, dow === 0 ? -6 : 1 - dow)
}

/** The seven days from Monday to Sunday of the week holding `day`. */
export function weekDays(day: IsoDate): IsoDate[] {
  const start = weekStart(day)
  return Array.from({ length: 7 }, (_, i) => addDaysIso(start, i))
}
