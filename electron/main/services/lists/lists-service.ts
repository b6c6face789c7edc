import type { Appointment, CustomField, Patient } from '../../../../shared/alfadocs/schemas'
import { bool } from '../../../../shared/alfadocs/lenient'
import type { AsapRow, CallOutcome, ConfirmationRow, FollowUpRow } from '../../../../shared/contract/lists'
import type { DeskSettings } from '../../../../shared/contract/settings'
import { addDaysIso, type IsoDate } from '../../../../shared/dates'
import { asapEntries, asapForSlot, type FreedSlot } from '../../../../shared/lists/asap'
import { followUps } from '../../../../shared/lists/follow-ups'
import type { AlfaDocsClient } from '../../alfadocs/client'
import { fetchPatientsByIds } from '../patients/by-ids'
import type { CallsStore } from './calls-store'
import { listPatient } from './phones'

/** How far ahead "an appointment still to come" is looked for (six of AlfaDocs' 30-day windows). */
export const FUTURE_DAYS = 180
/** How far ahead the ASAP list looks for the appointment an earlier slot would replace. */
export const ASAP_DAYS = 90

export interface ListsServiceDeps {
  client: () => Promise<AlfaDocsClient>
  practice: () => Promise<{ practiceId: number; archiveId: number }>
  settings: () => Promise<DeskSettings>
  calls: CallsStore
  /** The practice's patient custom fields (cached by the patients service): the ASAP field's label. */
  customFieldDefs: () => Promise<CustomField[]>
}

/** A checkbox custom field reads as checked only for AlfaDocs' spellings of yes (true, 1, '1', 'true', 'sì'…). */
export function isChecked(v: unknown): boolean {
  const parsed = bool.safeParse(v)
  return parsed.success && parsed.data
}

/**
 * The desk's call lists (Conferme, Da richiamare, Anticipi), built from AlfaDocs' appointments and patients
 * in its 30-day windows, queued as bulk work behind what a desk waits for. Outcomes and "contacted" marks
 * are this computer's (CallsStore); nothing is written to AlfaDocs.
 */
export class ListsService {
  constructor(private readonly deps: ListsServiceDeps) {}

  private async key(): Promise<string> {
    const p = await this.deps.practice()
    return `${p.practiceId}:${p.archiveId}`
  }

  private async range(from: IsoDate, to: IsoDate): Promise<Appointment[]> {
    const c = await this.deps.client()
    return c.listWindowed('appointmentsList', from, to, {}, { priority: 'bulk' })
  }

  private async patients(ids: Iterable<number>): Promise<Map<number, Patient>> {
    const unique = [...new Set(ids)]
    if (unique.length === 0) return new Map()
    const list = await fetchPatientsByIds(await this.deps.client(), unique)
    return new Map(list.map((p) => [p.id, p]))
  }

  async confirmations(date: IsoDate): Promise<{ date: IsoDate; rows: ConfirmationRow[] }> {
    const [appointments, key] = await Promise.all([this.range(date, date), this.key()])
    const booked = appointments
      .filter((a) => a.patientId != null && !a.allDay && a.state !== 'cancelled')
      .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.id - y.id))
    const [patients, calls] = await Promise.all([this.patients(booked.map((a) => a.patientId!)), this.deps.calls.read(key)])
    const rows = booked.map((appointment) => {
      const p = patients.get(appointment.patientId!)
      const call = calls.outcomes[appointment.id]
      return { appointment, patient: p ? listPatient(p) : null, outcome: call?.outcome ?? null, outcomeAt: call?.at ?? null }
    })
    return { date, rows }
  }

  async setOutcome(appointmentId: number, outcome: CallOutcome | null) {
    const at = await this.deps.calls.setOutcome(await this.key(), appointmentId, outcome)
    return { appointmentId, outcome, at }
  }

  /** `now`: the desk's wall clock, "YYYY-MM-DD HH:mm:ss". */
  async followUps(now: string): Promise<{ from: IsoDate; to: IsoDate; rows: FollowUpRow[] }> {
    const { followUpDays } = await this.deps.settings()
    const today = now.slice(0, 10)
    const from = addDaysIso(today, -(followUpDays - 1))
    const [past, future, key] = await Promise.all([
      this.range(from, today),
      this.range(today, addDaysIso(today, FUTURE_DAYS - 1)),
      this.key(),
    ])
    // Today's appointments already past count as past; those still to come count as booked.
    const missed = followUps(
      past.filter((a) => a.date < now || a.state === 'cancelled' || a.state === 'absent'),
      future,
      now,
    )
    const [patients, calls] = await Promise.all([this.patients(missed.map((m) => m.patientId)), this.deps.calls.read(key)])
    const rows = missed.flatMap((m) => {
      const p = patients.get(m.patientId)
      return p && !p.deleted ? [{ patient: listPatient(p), missed: m.missed, contactedAt: calls.contacted[m.patientId] ?? null }] : []
    })
    return { from, to: today, rows }
  }

  async setContacted(patientId: number, contacted: boolean) {
    const contactedAt = await this.deps.calls.setContacted(await this.key(), patientId, contacted)
    return { patientId, contactedAt }
  }

  async asap(now: string): Promise<{ field: string | null; fieldLabel: string | null; rows: AsapRow[] }> {
    const { asapField } = await this.deps.settings()
    if (!asapField) return { field: null, fieldLabel: null, rows: [] }
    const fieldLabel = (await this.deps.customFieldDefs()).find((f) => f.technicalName === asapField)?.label ?? null
    const today = now.slice(0, 10)
    const future = await this.range(today, addDaysIso(today, ASAP_DAYS - 1))
    const patients = await this.patients(future.flatMap((a) => (a.patientId != null ? [a.patientId] : [])))
    const flagged = new Set(
      [...patients.values()].filter((p) => !p.deleted && isChecked((p as Record<string, unknown>)[`_${asapField}`])).map((p) => p.id),
    )
    const rows = asapEntries(future, flagged, now).map((e) => ({
      patient: listPatient(patients.get(e.patientId)!),
      appointment: e.appointment,
    }))
    return { field: asapField, fieldLabel, rows }
  }

  async asapForSlot(now: string, slot: FreedSlot): Promise<AsapRow[]> {
    const { rows } = await this.asap(now)
    const byId = new Map(rows.map((r) => [r.appointment.id, r]))
    return asapForSlot(
      rows.map((r) => ({ patientId: r.patient.id, appointment: r.appointment })),
      slot,
    ).map((e) => byId.get(e.appointment.id)!)
  }
}
