import { defineStore } from 'pinia'
import { computed } from 'vue'
import type { CustomField } from '../../../../shared/alfadocs/schemas'
import type { AsapRow, CallOutcome, ConfirmationRow, FollowUpRow } from '../../../../shared/contract/lists'
import { nowMinutesIn, todayIn, type IsoDate } from '../../../../shared/dates'
import { seenOf } from '../../../../shared/contract/values'
import type { UpdateResult } from '../../../../shared/contract/agenda'
import type { Freed } from '../../../../shared/lists/freed-slot'
import { ApiError, call } from '../../api'
import { createRead } from '../../data/read'

/** The desk's clock as AlfaDocs writes times: "YYYY-MM-DD HH:mm:00" in the practice's zone. */
export function deskNow(now = new Date()): string {
  const m = nowMinutesIn(undefined, now)
  return `${todayIn(undefined, now)} ${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00`
}

type Confirmations = { date: IsoDate; rows: ConfirmationRow[] }
type FollowUps = { from: IsoDate; to: IsoDate; rows: FollowUpRow[] }
type Asap = { field: string | null; fieldLabel: string | null; rows: AsapRow[] }

/**
 * The call lists. Each is a read kept in the cache (shown offline as last seen); an outcome or a "contacted"
 * mark is shown only once main has it on disk, and a refusal is thrown for the view to word.
 */
export const useListsStore = defineStore('lists', () => {
  const confirmations = createRead<IsoDate, Confirmations>({
    fetch: (date) => call('listsConfirmations', { date }),
    cacheKey: (date) => `lists:confirmations:${date}`,
  })
  const followUps = createRead<void, FollowUps>({
    fetch: () => call('listsFollowUps', { now: deskNow() }),
    cacheKey: () => 'lists:follow-ups',
  })
  const asap = createRead<void, Asap>({
    fetch: () => call('listsAsap', { now: deskNow() }),
    cacheKey: () => 'lists:asap',
  })

  // Operators' names for the rows (the lists may open before the agenda ever did).
  const reference = createRead<void, { operators: Array<{ id: number; name: string }> }>({
    fetch: () => call('referenceData', {}),
    cacheKey: () => 'lists:reference',
  })
  const operatorName = (id: number | null | undefined): string =>
    id == null ? '' : (reference.state.value.value?.operators.find((o) => o.id === id)?.name ?? '')

  // The patient custom fields, for choosing the ASAP checkbox.
  const customFields = createRead<void, CustomField[]>({
    fetch: () => call('patientCustomFieldDefs', {}),
    cacheKey: () => 'lists:custom-fields',
  })
  const checkboxFields = computed(() =>
    (customFields.state.value.value ?? []).filter((f) => f.objectType === 'patient' && f.type === 'single_checkbox'),
  )

  async function setOutcome(appointmentId: number, outcome: CallOutcome | null): Promise<void> {
    const saved = await call('listsConfirmationSet', { appointmentId, outcome })
    confirmations.patch((v) => ({
      ...v,
      rows: v.rows.map((r) => (r.appointment.id === appointmentId ? { ...r, outcome: saved.outcome, outcomeAt: saved.at } : r)),
    }))
    // A read already on its way left before this write: asking again supersedes it, so it cannot land after
    // the change and take it back off the screen.
    void confirmations.refresh()
  }

  async function setContacted(patientId: number, contacted: boolean): Promise<void> {
    const saved = await call('listsFollowUpContacted', { patientId, contacted })
    followUps.patch((v) => ({ ...v, rows: v.rows.map((r) => (r.patient.id === patientId ? { ...r, contactedAt: saved.contactedAt } : r)) }))
    void followUps.refresh()
  }

  /** ASAP patients who could take a freed slot (same operator first, duration fits). */
  const asapForSlot = (slot: { date: string; duration: number; operatorId: number | null; appointmentId?: number }) =>
    call('listsAsapForSlot', { now: deskNow(), ...slot })

  /**
   * Moves an ASAP patient's appointment into a freed slot (their operator kept), with "read again and compare":
   * a 'conflict' answer means another desk changed it meanwhile and nothing was written.
   */
  async function moveInto(row: AsapRow, slot: Freed): Promise<UpdateResult> {
    const r = await call('agendaUpdate', {
      seen: seenOf(row.appointment),
      changes: { date: slot.date, ...(slot.chairId != null ? { chairId: slot.chairId } : {}) },
      force: false,
    })
    if (r.status === 'saved')
      asap.patch((v) => ({
        ...v,
        rows: v.rows.map((x) => (x.appointment.id === r.appointment.id ? { ...x, appointment: r.appointment } : x)),
      }))
    return r
  }

  /**
   * Moves a patient's appointment (of `day`) to a free slot chosen for it: read afresh, then "read again and
   * compare" in main. Answers what AlfaDocs now holds ('conflict': another desk changed it, nothing written).
   */
  async function moveAppointment(
    id: number,
    day: IsoDate,
    slot: { date: string; time: string; chairId: number | null; operatorId: number | null },
  ) {
    const current = (await call('appointmentsRange', { from: day, to: day })).find((a) => a.id === id)
    if (!current)
      throw new ApiError({ kind: 'not-found', message: `appointment ${id} is not on ${day} any more`, code: 'appointment-gone' })
    return call('agendaUpdate', {
      seen: seenOf(current),
      changes: {
        date: `${slot.date} ${slot.time.slice(0, 5)}:00`,
        ...(slot.chairId != null ? { chairId: slot.chairId } : {}),
        ...(slot.operatorId != null ? { operatorId: slot.operatorId } : {}),
      },
      force: false,
    })
  }

  function reset(): void {
    for (const r of [confirmations, followUps, asap, reference, customFields]) r.reset()
  }

  return {
    confirmations: computed(() => confirmations.state.value),
    followUps: computed(() => followUps.state.value),
    asap: computed(() => asap.state.value),
    loadReference: () => (reference.state.value.value ? Promise.resolve() : reference.load()),
    operatorName,
    checkboxFields,
    loadCustomFields: () => customFields.load(),
    loadConfirmations: (date: IsoDate) => confirmations.load(date),
    loadFollowUps: () => followUps.load(),
    loadAsap: () => asap.load(),
    refreshConfirmations: () => confirmations.refresh(),
    setOutcome,
    setContacted,
    asapForSlot,
    moveInto,
    moveAppointment,
    reset,
  }
})
