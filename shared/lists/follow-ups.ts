import type { Appointment } from '../alfadocs/schemas'

/** States that leave a patient to call back. */
export const MISSED_STATES: readonly string[] = ['cancelled', 'absent']

export interface FollowUp {
  patientId: number
  /** The patient's latest cancelled or absent appointment in the window. */
  missed: Appointment
}

/**
 * Patients with a cancelled or absent appointment among `past` and no appointment still to come among
 * `future` (any state but cancelled/absent, from `now` on; wall time "YYYY-MM-DD HH:mm:ss"). Latest miss first.
 */
export function followUps(past: readonly Appointment[], future: readonly Appointment[], now: string): FollowUp[] {
  const booked = new Set<number>()
  for (const a of future) if (a.patientId != null && a.date >= now && !MISSED_STATES.includes(a.state)) booked.add(a.patientId)
  // A missed appointment followed by a kept one in the past window is not a follow-up either.
  const keptAfter = new Map<number, string>()
  for (const a of past)
    if (a.patientId != null && !MISSED_STATES.includes(a.state) && a.date > (keptAfter.get(a.patientId) ?? ''))
      keptAfter.set(a.patientId, a.date)
  const latest = new Map<number, Appointment>()
  for (const a of past) {
    if (a.patientId == null || !MISSED_STATES.includes(a.state) || booked.has(a.patientId)) continue
    const prev = latest.get(a.patientId)
    if (!prev || a.date > prev.date) latest.set(a.patientId, a)
  }
  return [...latest.values()]
    .filter((a) => (keptAfter.get(a.patientId!) ?? '') < a.date)
    .sort((x, y) => (x.date < y.date ? 1 : x.date > y.date ? -1 : x.id - y.id))
    .map((missed) => ({ patientId: missed.patientId!, missed }))
}
