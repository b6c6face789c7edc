import type { Appointment } from '../alfadocs/schemas'
import { parseWall, type IsoDate } from '../dates'
import { wallSpan } from './layout'

// "Before committing, warn when the chair or the operator is already busy then."

export interface Candidate {
  id: number | null
  day: IsoDate
  start: number
  end: number
  chairId: number | null
  operatorId: number | null
}

export interface Clash {
  appointmentId: number
  reason: 'chair' | 'operator'
}

/** States that no longer hold a chair or an operator. */
export const isInactiveState = (state: string) => state === 'cancelled' || state === 'absent'

export function findClashes(
  appointments: ReadonlyArray<Pick<Appointment, 'id' | 'date' | 'duration' | 'allDay' | 'chairId' | 'operatorId' | 'state'>>,
  c: Candidate,
): Clash[] {
  const out: Clash[] = []
  for (const a of appointments) {
    if (a.id === c.id || isInactiveState(a.state)) continue
    if (parseWall(a.date)?.date !== c.day) continue
    const sameChair = c.chairId != null && a.chairId === c.chairId && !a.allDay
    const sameOperator = c.operatorId != null && a.operatorId === c.operatorId
    if (!sameChair && !sameOperator) continue
    const s = wallSpan(a, c.day)
    if (!s || !(s.start < c.end && c.start < s.end)) continue
    out.push({ appointmentId: a.id, reason: sameChair ? 'chair' : 'operator' })
  }
  return out
}
