import type { Appointment, Chair, Operator, Patient } from './alfadocs/schemas'
import { hhmm, parseWall, type IsoDate } from './dates'

/** The printable day: per chair, appointments in time order. Same content for the CLI, print and CSV. */
export interface DaySheet {
  date: IsoDate
  chairs: DaySheetChair[]
}
export interface DaySheetChair {
  id: number
  name: string
  appointments: DaySheetAppointment[]
}
export interface DaySheetAppointment {
  id: number
  start: string
  end: string
  patient: string | null
  operator: string | null
  state: string
  description: string
  /** Time blocked on the chair (no patient: a meeting, a break…): no state to print, the reason is the description. */
  blocked: boolean
}

export interface DaySheetInput {
  date: IsoDate
  chairs: readonly Chair[]
  operators: readonly Operator[]
  appointments: readonly Appointment[]
  patients: ReadonlyMap<number, Pick<Patient, 'firstName' | 'lastName'>>
  /** Name of the column for appointments with no chair (they are rare but must not vanish). */
  noChairName?: string
}

export const patientDisplayName = (p: Pick<Patient, 'firstName' | 'lastName'>): string =>
  [p.lastName, p.firstName]
    .filter((s) => s && s.trim())
    .join(' ')
    .trim()

export function buildDaySheet(input: DaySheetInput): DaySheet {
  const operatorName = new Map(input.operators.map((o) => [o.id, o.name]))
  const byChair = new Map<number, DaySheetAppointment[]>()
  const sortKey = new Map<number, number>()
  for (const a of input.appointments) {
    const wall = parseWall(a.date)
    if (!wall || wall.date !== input.date) continue
    const start = a.allDay ? 0 : wall.minutes
    const end = a.allDay ? 24 * 60 - 1 : wall.minutes + a.duration
    const patient = a.patientId != null ? input.patients.get(a.patientId) : undefined
    const row: DaySheetAppointment = {
      id: a.id,
      start: hhmm(start),
      end: end >= 24 * 60 ? '24:00' : hhmm(end),
      patient: patient ? patientDisplayName(patient) || null : null,
      operator: a.operatorId != null ? (operatorName.get(a.operatorId) ?? null) : null,
      state: a.state,
      description: a.description,
      blocked: a.patientId == null,
    }
    sortKey.set(a.id, start)
    const chairId = a.chairId ?? 0
    const list = byChair.get(chairId) ?? []
    list.push(row)
    byChair.set(chairId, list)
  }
  const chairs: DaySheetChair[] = []
  const known = new Set<number>()
  for (const c of input.chairs) {
    known.add(c.id)
    const appointments = byChair.get(c.id) ?? []
    if (c.deleted && appointments.length === 0) continue
    chairs.push({ id: c.id, name: c.name, appointments })
  }
  for (const [chairId, appointments] of byChair) {
    if (known.has(chairId)) continue
    chairs.push({ id: chairId, name: chairId === 0 ? (input.noChairName ?? 'Senza poltrona') : `#${chairId}`, appointments })
  }
  for (const c of chairs) c.appointments.sort((a, b) => sortKey.get(a.id)! - sortKey.get(b.id)! || a.id - b.id)
  return { date: input.date, chairs }
}

/** The Italian words for the appointment states; the app's Italian messages (renderer/src/i18n/it.ts) use this table. */
export const stateLabelsIt = {
  confirmed: 'Confermato',
  waiting: 'In attesa',
  in_care: 'In poltrona',
  done: 'Concluso',
  absent: 'Assente',
  cancelled: 'Disdetto',
}
const stateWordsIt: Record<string, string> = stateLabelsIt

export function formatDaySheetText(sheet: DaySheet, practiceName?: string | null): string {
  const lines: string[] = []
  lines.push(`${practiceName ? practiceName + ' — ' : ''}Foglio del giorno ${sheet.date}`)
  for (const chair of sheet.chairs) {
    lines.push('', `== ${chair.name} (${chair.appointments.length}) ==`)
    if (chair.appointments.length === 0) lines.push('   nessun appuntamento')
    for (const a of chair.appointments) {
      const cols = [
        `${a.start}–${a.end}`,
        (a.blocked ? 'Orario bloccato' : (a.patient ?? '—')).padEnd(28),
        (a.operator ?? '—').padEnd(22),
        (a.blocked ? '' : (stateWordsIt[a.state] ?? a.state)).padEnd(11),
        a.description,
      ]
      lines.push('   ' + cols.join('  ').trimEnd())
    }
  }
  return lines.join('\n') + '\n'
}

const csvCell = (v: string | number | null) => {
  const s = v == null ? '' : String(v)
  return /[",;\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** CSV with a header row; `;` separated as Italian spreadsheets expect. A blocked time's state reads `blocked`. */
export function formatDaySheetCsv(sheet: DaySheet): string {
  const rows = [['date', 'chair', 'start', 'end', 'patient', 'operator', 'state', 'description', 'appointmentId']]
  for (const c of sheet.chairs)
    for (const a of c.appointments)
      rows.push([
        sheet.date,
        c.name,
        a.start,
        a.end,
        a.patient ?? '',
        a.operator ?? '',
        a.blocked ? 'blocked' : a.state,
        a.description,
        String(a.id),
      ])
  return rows.map((r) => r.map(csvCell).join(';')).join('\r\n') + '\r\n'
}
