import type { Appointment } from '../../../../shared/alfadocs/schemas'
import { parseWall, type IsoDate } from '../../../../shared/dates'

// "In ritardo": a patient of today not arrived (still `confirmed`) `after` minutes past the start. Only today's
// appointments are late: on a past day a patient who never came is for the desk to mark absent.

/** Minutes past the start (≥ `after`) of a not-arrived appointment of `today`, or null when it is not late. */
export function lateMinutes(
  a: Pick<Appointment, 'date' | 'state' | 'allDay'>,
  today: IsoDate,
  nowMin: number,
  after: number,
): number | null {
  if (a.state !== 'confirmed' || a.allDay) return null
  const w = parseWall(a.date)
  if (!w || w.date !== today) return null
  const late = nowMin - w.minutes
  return late >= after ? late : null
}

/** The late ones among `list`: id → minutes past the start. */
export function lateOf(list: readonly Appointment[], today: IsoDate, nowMin: number, after: number): Map<number, number> {
  const out = new Map<number, number>()
  for (const a of list) {
    const m = lateMinutes(a, today, nowMin, after)
    if (m != null) out.set(a.id, m)
  }
  return out
}
