import type { RouteLocationRaw } from 'vue-router'
import type { Appointment } from '../../../../shared/alfadocs/schemas'

/**
 * The agenda with the free-slot finder open for a patient, their operator chosen: "Prenota" of the lists (a new
 * booking). With `move`, the appointment is moved to the slot chosen instead ("Trova posto" of a patient
 * who wants another time), the finder looking for its length.
 */
export function bookLink(
  patientId: number,
  appointment?: Pick<Appointment, 'operatorId' | 'duration' | 'id' | 'date'>,
  opts: { move?: boolean } = {},
): RouteLocationRaw {
  const query: Record<string, string> = { slotPatient: String(patientId) }
  if (appointment?.operatorId) query.slotOperator = String(appointment.operatorId)
  if (opts.move && appointment) {
    query.slotMove = String(appointment.id)
    query.slotMoveDay = appointment.date.slice(0, 10)
    query.slotDuration = String(appointment.duration)
  }
  return { name: 'day', query }
}
