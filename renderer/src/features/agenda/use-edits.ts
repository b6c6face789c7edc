import { type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Appointment, AppointmentState } from '../../../../shared/alfadocs/schemas'
import { findClashes } from '../../../../shared/agenda/conflicts'
import type { DayLayout } from '../../../../shared/agenda/layout'
import type { AppointmentChanges, UpdateResult } from '../../../../shared/contract/agenda'
import { formatWall, parseWall, type IsoDate } from '../../../../shared/dates'
import { toApiError } from '../../api'
import { describeError } from '../../i18n/describe-error'
import { NEXT_STATE, patientName, stateLabel } from '../../lib/format'
import { clashLines } from './clash-lines'
import { useAgendaStore } from './store'
import { useTodayStore } from './today'
import { useConfirm } from './use-confirm'
import type { WeekTarget } from './use-agenda-range'
import { useToast } from '../../lib/toast'

/**
 * The desk's changes to shown appointments: state clicks, moves and resizes (asking first when they clash),
 * edits, undo. A refusal is worded by describeError (with AlfaDocs' own reason); a conflict with another
 * desk's change lists what changed and lets the desk decide.
 */
export function useEdits(view: { layout: Ref<DayLayout>; date: Ref<IsoDate>; days: Ref<IsoDate[]>; week: Ref<WeekTarget | null> }) {
  const { t } = useI18n()
  const toast = useToast()
  const confirm = useConfirm()
  const store = useAgendaStore()
  const today = useTodayStore()
  const reason = (e: unknown) => describeError(toApiError(e))

  const fieldValue = (field: string, v: unknown) => {
    if (v == null) return '—'
    if (field === 'chairId') return store.chairs.find((c) => c.id === v)?.name ?? String(v)
    if (field === 'operatorId') return store.operators.get(Number(v))?.name ?? String(v)
    if (field === 'state') return stateLabel(String(v))
    if (field === 'date') return String(v).slice(0, 16)
    if (field === 'patientId') {
      const p = store.patients.get(Number(v))
      return p ? patientName(p) : String(v)
    }
    return String(v)
  }

  /** Sends a change; on 'conflict' shows what another desk changed and lets the desk decide. */
  async function sendUpdate(id: number, changes: AppointmentChanges, undoable: boolean): Promise<boolean> {
    let r: UpdateResult
    try {
      r = await store.update(id, changes, { undoable })
    } catch (e) {
      toast.error(() => t('agenda.move.refused', { reason: reason(e) }))
      return false
    }
    if (r.status === 'saved') return true
    const lines = [
      t('agenda.move.conflictText'),
      ...r.changes.map((c) => `• ${t(`agenda.move.field.${c.field}`)}: ${fieldValue(c.field, c.seen)} → ${fieldValue(c.field, c.current)}`),
    ]
    const apply = await confirm({
      title: t('agenda.move.conflictTitle'),
      lines,
      yes: t('agenda.move.conflictApply'),
      no: t('agenda.move.conflictKeep'),
      test: 'conflict',
    })
    if (!apply) return false
    try {
      return (await store.update(id, changes, { force: true, undoable, seen: r.current })).status === 'saved'
    } catch (e) {
      toast.error(() => t('agenda.move.refused', { reason: reason(e) }))
      return false
    }
  }

  async function moveOrResize(a: Appointment, changes: AppointmentChanges) {
    const w = parseWall(changes.date ?? a.date)!
    const duration = changes.duration ?? a.duration
    const chairId = changes.chairId !== undefined ? changes.chairId : a.chairId
    const clashes = findClashes(store.appointments, {
      id: a.id,
      day: w.date,
      start: w.minutes,
      end: w.minutes + duration,
      chairId,
      operatorId: a.operatorId,
    })
    if (clashes.length > 0) {
      const ok = await confirm({
        title: t('agenda.move.clashTitle'),
        lines: clashLines(clashes, store),
        yes: t('agenda.move.clashConfirm'),
        no: t('day.cancel'),
        test: 'clash',
      })
      if (!ok) return
    }
    if (await sendUpdate(a.id, changes, true)) toast.success(() => t('agenda.move.saved'))
  }

  function onMove(p: { id: number; column: number; start: number }) {
    const a = store.byId.get(p.id)
    if (!a) return
    const changes: AppointmentChanges = {}
    if (view.week.value) changes.date = formatWall(view.days.value[p.column]!, p.start)
    else {
      changes.date = formatWall(view.date.value, p.start)
      const col = view.layout.value.columns[p.column]
      if (col && col.chairId != null && col.chairId !== a.chairId) changes.chairId = col.chairId
    }
    void moveOrResize(a, changes)
  }
  function onResize(p: { id: number; duration: number }) {
    const a = store.byId.get(p.id)
    if (a) void moveOrResize(a, { duration: p.duration })
  }

  async function setState(id: number, state: AppointmentState) {
    try {
      // Today's appointments too while another day is shown (the waiting room, Ctrl+K).
      if ((await today.setState(id, state)).queued) toast.info(() => t('agenda.queued.saved'))
    } catch (e) {
      toast.error(() => t('agenda.stateFailed', { reason: reason(e) }))
    }
  }
  function onNext(id: number) {
    const a = store.byId.get(id)
    const next = a ? NEXT_STATE[a.state] : undefined
    if (next) void setState(id, next)
  }

  async function undo() {
    try {
      const r = await store.undo()
      if (r?.status === 'saved') toast.info(() => t('agenda.undone'))
      else if (r?.status === 'conflict') toast.warning(() => t('agenda.move.conflictTitle'))
    } catch (e) {
      toast.error(() => t('agenda.move.refused', { reason: reason(e) }))
    }
  }

  return { sendUpdate, onMove, onResize, setState, onNext, undo, confirm }
}
