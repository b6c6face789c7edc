import type { Appointment } from '../../../../shared/alfadocs/schemas'
import type { IsoDate } from '../../../../shared/dates'
import { db, dayOf } from '../../cache/db'

/** A patient's appointments on the agenda days the cache holds (read only: the agenda writes these). */
export interface AgendaSeen {
  patientId: number
  /** Each cached agenda day in the window, with when it was synced. */
  days: Map<IsoDate, number>
  items: Appointment[]
}

export async function agendaSeenFor(patientId: number, from: IsoDate, to: IsoDate): Promise<AgendaSeen> {
  const [metas, rows] = await Promise.all([
    db.meta.where('key').between(`day:${from}`, `day:${to}`, true, true).toArray(),
    db.appointments
      .where('day')
      .between(from, to, true, true)
      .filter((a) => a.patientId === patientId)
      .toArray(),
  ])
  const days = new Map(metas.map((m) => [m.key.slice(4) as IsoDate, m.syncedAt]))
  const items = rows.filter((r) => days.has(r.day)).map(({ day: _d, syncedAt: _s, ...a }) => a as Appointment)
  return { patientId, days, items }
}

/**
 * The patient's appointments from both sources: on each agenda day synced after the patient's own list (or
 * when there is no list), the agenda's version of that day wins (an appointment moved or cancelled there is not
 * shown twice); elsewhere the list's (an agenda day older than the list adds nothing the list does not have).
 */
export function mergeAppointments(
  list: { from: IsoDate; to: IsoDate; items: Appointment[]; syncedAt: number | null } | null,
  seen: AgendaSeen | null,
): Appointment[] {
  if (!seen) return list?.items ?? []
  const listAt = list?.syncedAt ?? -Infinity
  const newer = new Set([...seen.days].filter(([, at]) => at > listAt).map(([d]) => d))
  const out = new Map<number, Appointment>()
  for (const a of list?.items ?? []) {
    const d = dayOf(a)
    if (!d || !newer.has(d)) out.set(a.id, a)
  }
  for (const a of seen.items) {
    const d = dayOf(a)
    const listCovers = list !== null && d !== null && d >= list.from && d <= list.to
    if ((d && newer.has(d)) || (!listCovers && !out.has(a.id))) out.set(a.id, a)
  }
  return [...out.values()]
}
