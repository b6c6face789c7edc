import type { RouteLocationRaw } from 'vue-router'
import type { Appointment } from '../../../../shared/alfadocs/schemas'

/**
 * The agenda with the free-slot finder open for a patient (their operator and visit length prefilled when an
 * appointment is given): where "Prenota" and "Trova posto" of the lists lead.
 */
export function bookLink(patientId: number, appointment?: Pick<Appointment, 'operatorId' | 'duration' | 'id'>): RouteLocationRaw {
  const query: Record<string, string> = { findFor: String(patientId) }
  if (appointment?.operatorId) query.operator = String(appointment.operatorId)
  if (appointment?.duration) query.duration = String(appointment.duration)
  if (appointment?.id) query.move = String(appointment.id)
  return { name: 'day', query }
}
