import { addDaysIso, daysBetween, hhmm } from '../../shared/dates'
import { dayOfWeek } from './seed/appointments'
import { asBool, asNum, type SandboxState } from './state'

export interface FreeSlot {
  chairId: number
  date: string
  operatorId: number
  time: string
}
export interface FreeSlotQuery {
  /** first day, and minutes after midnight from which slots may start on it */
  startDate: string
  startMinutes: number
  endDate: string
  duration: number
  operatorIds?: number[]
}

export const SLOT_OPEN = 8 * 60
export const SLOT_CLOSE = 19 * 60
export const SLOT_STEP = 15

type Interval = [number, number]
const overlaps = (busy: Interval[] | undefined, s: number, e: number) => !!busy?.some(([bs, be]) => bs < e && s < be)

/**
 * Slots where an active chair is free for `duration` minutes (08:00–19:00, weekdays, 15-minute grid),
 * not overlapping that chair's non-cancelled appointments, with an operator who is free too.
 */
export function computeFreeSlots(state: SandboxState, q: FreeSlotQuery): FreeSlot[] {
  const chairs = state.chairs.filter((c) => !c.deleted)
  const ops = state.operators.filter((o) => !o.deleted && (!q.operatorIds || q.operatorIds.includes(o.id)))
  if (ops.length === 0 || q.duration <= 0) return []

  const chairBusy = new Map<string, Interval[]>()
  const opBusy = new Map<string, Interval[]>()
  const push = (m: Map<string, Interval[]>, key: string, iv: Interval) => m.set(key, [...(m.get(key) ?? []), iv])
  for (const a of state.appointments) {
    if (a.state === 'cancelled') continue
    const day = a.date.slice(0, 10)
    if (day < q.startDate || day > q.endDate) continue
    const iv: Interval = asBool(a.allDay) ? [0, 1440] : [Number(a.date.slice(11, 13)) * 60 + Number(a.date.slice(14, 16)), 0]
    if (!asBool(a.allDay)) iv[1] = iv[0] + Math.max(asNum(a.duration), 1)
    if (a.chairId != null) push(chairBusy, `${a.chairId}|${day}`, iv)
    if (a.operatorId != null) push(opBusy, `${a.operatorId}|${day}`, iv)
  }

  const out: FreeSlot[] = []
  for (let i = 0; i <= daysBetween(q.startDate, q.endDate); i++) {
    const day = addDaysIso(q.startDate, i)
    const dow = dayOfWeek(day)
    if (dow === 0 || dow === 6) continue
    for (let t = SLOT_OPEN; t + q.duration <= SLOT_CLOSE; t += SLOT_STEP) {
      if (i === 0 && t < q.startMinutes) continue
      const end = t + q.duration
      const taken = new Set<number>()
      for (const chair of chairs) {
        if (overlaps(chairBusy.get(`${chair.id}|${day}`), t, end)) continue
        const op = ops.find((o) => !taken.has(o.id) && !overlaps(opBusy.get(`${o.id}|${day}`), t, end))
        if (!op) break
        taken.add(op.id)
        out.push({ chairId: chair.id, date: day, operatorId: op.id, time: `${hhmm(t)}:00` })
      }
    }
  }
  return out
}
