import type { Appointment } from '../alfadocs/schemas'

// "Read again and compare": the fields another desk may have changed since we last saw an appointment.

export const comparedFields = [
  'date',
  'duration',
  'chairId',
  'operatorId',
  'state',
  'patientId',
  'description',
  'colorId',
  'allDay',
  'type',
  'emailReminder',
  'smsReminder',
] as const
export type ComparedField = (typeof comparedFields)[number]

export interface FieldChange {
  field: ComparedField
  seen: string | number | boolean | null
  current: string | number | boolean | null
}

const norm = (v: unknown): string | number | boolean | null => {
  if (v === undefined || v === null) return null
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v
  return JSON.stringify(v)
}

/** Seconds are not shown anywhere: "2026-03-11 09:00" and "2026-03-11 09:00:00" are the same time. */
const normDate = (v: unknown) => (typeof v === 'string' ? v.replace('T', ' ').slice(0, 16) : norm(v))

export function diffAppointments(
  seen: Partial<Pick<Appointment, ComparedField>>,
  current: Partial<Pick<Appointment, ComparedField>>,
): FieldChange[] {
  const out: FieldChange[] = []
  for (const f of comparedFields) {
    const a = f === 'date' ? normDate(seen[f]) : norm(seen[f])
    const b = f === 'date' ? normDate(current[f]) : norm(current[f])
    if (a !== b) out.push({ field: f, seen: norm(seen[f]), current: norm(current[f]) })
  }
  return out
}
