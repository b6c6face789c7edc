import type { Appointment } from '../alfadocs/schemas'
import { MISSED_STATES } from './follow-ups'

export interface AsapEntry {
  patientId: number
  /** The patient's next appointment, the one an earlier slot would replace. */
  appointment: Appointment
}

export interface FreedSlot {
  /** Wall time "YYYY-MM-DD HH:mm:ss". */
  date: string
  duration: number
  operatorId: number | null
  /** The appointment that freed it (never offered its own slot). */
  appointmentId?: number
}

/** Each flagged patient's next appointment from `now` on (not cancelled/absent); patients without one are left out. */
export function asapEntries(future: readonly Appointment[], flagged: ReadonlySet<number>, now: string): AsapEntry[] {
  const next = new Map<number, Appointment>()
  for (const a of future) {
    if (a.patientId == null || !flagged.has(a.patientId) || a.date < now || MISSED_STATES.includes(a.state) || a.allDay) continue
    const prev = next.get(a.patientId)
    if (!prev || a.date < prev.date) next.set(a.patientId, a)
  }
  return [...next.values()]
    .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.id - y.id))
    .map((appointment) => ({ patientId: appointment.patientId!, appointment }))
}

/**
 * Who could take a freed slot: patients whose next appointment is later than the slot and fits in it. Same
 * operator first, then those who would gain the most time (latest appointment first).
 */
export function asapForSlot(entries: readonly AsapEntry[], slot: FreedSlot): AsapEntry[] {
  const sameOp = (e: AsapEntry) => slot.operatorId != null && e.appointment.operatorId === slot.operatorId
  return entries
    .filter((e) => e.appointment.id !== slot.appointmentId && e.appointment.date > slot.date && e.appointment.duration <= slot.duration)
    .sort(
      (x, y) =>
        Number(sameOp(y)) - Number(sameOp(x)) ||
        (x.appointment.date < y.appointment.date ? 1 : x.appointment.date > y.appointment.date ? -1 : 0),
    )
}
