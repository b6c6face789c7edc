import type { ComputedRef } from 'vue'
import type { Appointment, Patient } from '../../../../shared/alfadocs/schemas'
import { waitedMinutes } from '../../../../shared/agenda/time'
import { hhmm, parseWall } from '../../../../shared/dates'
import { patientName } from '../../lib/format'
import { sameRecords, stableComputed } from '../../lib/stable'

/** A row of the waiting room's lists (WaitingList.vue), as it reads. */
export interface WaitingRow {
  id: number
  name: string
  alert: string
  /** The appointment's start (the late list: and how late). */
  time: string
  /** How long they have waited ("—" when unknown); none on the late list. */
  status?: string
  warn: boolean
}

export interface WaitingSource {
  /** Today's appointments. */
  appointments: () => readonly Appointment[]
  /** Today's late ones: id → minutes late. */
  late: () => ReadonlyMap<number, number>
  patients: () => ReadonlyMap<number, Patient>
  /** id → ms since when this desk saw them waiting. */
  waiting: () => ReadonlyMap<number, number>
  warnMinutes: () => number
  nowMs: () => number
  alertOf: (p: Patient | undefined) => string
  t: (key: string, named?: Record<string, unknown>) => string
}

/**
 * Who waits (longest first) and who is late (latest first), worded. Each list keeps its identity while what
 * it says is the same: a day switch brings a new patients map and redraws no row.
 */
export function useWaitingRows(s: WaitingSource): { rows: ComputedRef<WaitingRow[]>; lateRows: ComputedRef<WaitingRow[]> } {
  const who = (a: Appointment) => {
    const p = a.patientId != null ? s.patients().get(a.patientId) : undefined
    const name = p ? patientName(p) : a.patientId != null ? s.t('agenda.loadingPatient') : a.description || '—'
    return { name, alert: s.alertOf(p) }
  }
  const start = (a: Appointment) => hhmm(parseWall(a.date)?.minutes ?? 0)

  const rows = stableComputed(() => {
    const now = s.nowMs()
    return s
      .appointments()
      .filter((a) => a.state === 'waiting')
      .map((a) => {
        const since = s.waiting().get(a.id) ?? null
        const waited = since != null ? waitedMinutes(since, now) : null
        const row: WaitingRow = {
          id: a.id,
          ...who(a),
          time: start(a),
          status: waited != null ? s.t('agenda.waitedFor', { n: waited }) : '—',
          warn: waited != null && waited >= s.warnMinutes(),
        }
        return { row, since: since ?? Number.MAX_SAFE_INTEGER }
      })
      .sort((a, b) => a.since - b.since || a.row.time.localeCompare(b.row.time))
      .map((x) => x.row)
  }, sameRecords)

  const lateRows = stableComputed(
    () =>
      s
        .appointments()
        .flatMap((a) => {
          const n = s.late().get(a.id)
          return n == null ? [] : [{ a, n }]
        })
        .sort((x, y) => y.n - x.n)
        .map(({ a, n }): WaitingRow => ({ id: a.id, ...who(a), time: `${start(a)} · ${s.t('agenda.flow.lateFor', { n })}`, warn: false })),
    sameRecords,
  )
  return { rows, lateRows }
}
