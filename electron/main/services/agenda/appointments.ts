import type { Appointment, AppointmentState } from '../../../../shared/alfadocs/schemas'
import type { AppointmentChanges, AppointmentCreate, SeenAppointment, UpdateResult } from '../../../../shared/contract/agenda'
import { diffAppointments } from '../../../../shared/agenda/diff'
import type { AlfaDocsClient } from '../../alfadocs/client'
import type { WaitingStore } from './waiting-store'

// Writes to appointments. AlfaDocs' update marks `date` and `colorId` as required, so every PATCH carries
// them — taken from a fresh read, never from the renderer's possibly stale copy.

const withSeconds = (d: string) => (d.length === 16 ? `${d}:00` : d)

function body(base: Pick<Appointment, 'date' | 'colorId'>, changes: AppointmentChanges): Record<string, unknown> {
  const out: Record<string, unknown> = { date: withSeconds(base.date), colorId: base.colorId, ...changes }
  if (typeof out.date === 'string') out.date = withSeconds(out.date)
  return out
}

export async function setAppointmentState(
  client: AlfaDocsClient,
  waiting: WaitingStore,
  id: number,
  state: AppointmentState,
  at?: number,
): Promise<{ appointment: Appointment; waiting: { appointmentId: number; since: number } | null }> {
  const current = await client.request('appointmentGet', { params: { appointmentId: id } })
  const appointment =
    current.state === state
      ? current
      : await client.request('appointmentUpdate', { params: { appointmentId: id }, body: body(current, { state }) })
  const mark = await waiting.record(id, state === 'waiting', at)
  return { appointment, waiting: mark }
}

/**
 * Read again and compare: if the appointment changed since the renderer saw it, answer with the
 * differences and write nothing; the user decides (and may send again with `force`).
 */
export async function updateAppointment(
  client: AlfaDocsClient,
  waiting: WaitingStore,
  seen: SeenAppointment,
  changes: AppointmentChanges,
  force: boolean,
): Promise<UpdateResult> {
  const current = await client.request('appointmentGet', { params: { appointmentId: seen.id } })
  const differences = diffAppointments(seen, current)
  if (differences.length > 0 && !force) return { status: 'conflict', current, changes: differences }
  const appointment = await client.request('appointmentUpdate', { params: { appointmentId: seen.id }, body: body(current, changes) })
  if (changes.state !== undefined) await waiting.record(seen.id, changes.state === 'waiting')
  return { status: 'saved', appointment }
}

export async function createAppointment(client: AlfaDocsClient, input: AppointmentCreate): Promise<Appointment> {
  const { date, colorId, ...rest } = input
  return client.request('appointmentCreate', { body: body({ date, colorId }, rest) })
}
