import type { Appointment, FreeSlot } from '../../../../shared/alfadocs/schemas'
import { addDaysIso, formatWall, parseWall, type IsoDate } from '../../../../shared/dates'
import type { AlfaDocsClient } from '../../alfadocs/client'

/** Minutes after midnight of a free slot's "H:i:s" time, or null. */
const slotMinutes = (time: string): number | null => {
  const m = /^(\d{1,2}):(\d{2})/.exec(time)
  return m ? Number(m[1]) * 60 + Number(m[2]) : null
}

/**
 * Drops the slots that overlap something already on their chair: a blocked time (riunione, pausa,
 * sterilizzazione — an appointment without patient) or an appointment AlfaDocs' own search overlooked.
 * Cancelled appointments free their time; a slot without chair cannot be checked and is kept.
 */
export function withoutBusyChairs(slots: readonly FreeSlot[], appointments: readonly Appointment[], duration: number): FreeSlot[] {
  const busy = new Map<string, Array<[number, number]>>()
  for (const a of appointments) {
    if (a.state === 'cancelled' || a.chairId == null) continue
    const w = parseWall(a.date)
    if (!w) continue
    const iv: [number, number] = a.allDay ? [0, 1440] : [w.minutes, w.minutes + Math.max(a.duration, 1)]
    const key = `${a.chairId}|${w.date}`
    busy.set(key, [...(busy.get(key) ?? []), iv])
  }
  return slots.filter((s) => {
    const start = slotMinutes(s.time)
    if (s.chairId == null || start === null) return true
    const end = start + duration
    return !(busy.get(`${s.chairId}|${s.date}`) ?? []).some(([bs, be]) => bs < end && start < be)
  })
}

export async function freeSlots(
  client: AlfaDocsClient,
  q: { from: IsoDate; fromMinutes: number; days: number; duration: number; operatorIds: number[] },
): Promise<FreeSlot[]> {
  const query: Record<string, string | number> = {
    startDate: formatWall(q.from, q.fromMinutes),
    endDate: addDaysIso(q.from, q.days - 1),
    duration: q.duration,
  }
  if (q.operatorIds.length > 0) query.operatorIds = q.operatorIds.join(',')
  const [slots, appointments] = await Promise.all([
    client.request('freeSlotsList', { query }),
    client.listWindowed('appointmentsList', q.from, addDaysIso(q.from, q.days - 1)),
  ])
  return withoutBusyChairs(slots, appointments, q.duration).sort(
    (a, b) => a.date.localeCompare(b.date) || a.time.localeCompare(b.time) || (a.chairId ?? 0) - (b.chairId ?? 0),
  )
}
