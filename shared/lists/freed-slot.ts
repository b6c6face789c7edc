import type { Appointment } from '../alfadocs/schemas'
import { formatWall, parseWall, type IsoDate } from '../dates'
import { isInactiveState } from '../agenda/conflicts'

export interface Freed {
  /** The appointment that freed it. */
  appointmentId: number
  chairId: number | null
  operatorId: number | null
  /** Wall time of what is left of the slot ("YYYY-MM-DD HH:mm:00"), and its length. */
  date: string
  duration: number
}

/** Shorter than this, a freed slot is not worth a call. */
export const MIN_FREED_MINUTES = 10

/**
 * What an appointment that just became cancelled or absent leaves free, from now on (a no-show noticed 15 min
 * in frees the rest of its time, from the next 5-minute mark): null for blocked time, all-day entries, a past
 * slot or too little time left.
 */
export function freedSlot(a: Appointment, today: IsoDate, nowMinutes: number): Freed | null {
  if (a.patientId == null || a.allDay || !isInactiveState(a.state)) return null
  const w = parseWall(a.date)
  if (!w || w.date < today) return null
  const end = w.minutes + a.duration
  const from = w.date > today ? w.minutes : Math.max(w.minutes, Math.ceil(nowMinutes / 5) * 5)
  if (end - from < MIN_FREED_MINUTES) return null
  return {
    appointmentId: a.id,
    chairId: a.chairId ?? null,
    operatorId: a.operatorId ?? null,
    date: formatWall(w.date, from),
    duration: end - from,
  }
}

/**
 * The slots freed between two lists of the same days: appointments that were active in `before` and are
 * cancelled or absent in `after` (an appointment first seen already cancelled frees nothing new).
 */
export function newlyFreed(
  before: ReadonlyMap<number, string>,
  after: readonly Appointment[],
  today: IsoDate,
  nowMinutes: number,
): Freed[] {
  return after.flatMap((a) => {
    const was = before.get(a.id)
    if (was === undefined || isInactiveState(was)) return []
    const f = freedSlot(a, today, nowMinutes)
    return f ? [f] : []
  })
}
