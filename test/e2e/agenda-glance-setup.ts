import type { SandboxState } from '../../electron/sandbox'
import { formatWall } from '../../shared/dates'

// The sandbox day the glance test (and a look at it by hand) reads: twelve chairs, every colour in every state.

export const STATES = ['confirmed', 'waiting', 'in_care', 'done', 'absent', 'cancelled'] as const
export const CHAIRS = 12

/**
 * Twelve live chairs; today's appointments replaced by every demo colour in every state (72 blocks, chair by
 * chair from 08:00, 15 to 45 minutes, a double booking now and then), two patients of one surname and
 * initial, and one block in chair 1 whose name sits on the 09:00 line (the page's clock says 09:00).
 */
export function seedGlanceDay(state: SandboxState, day: string): { nowBlock: number; ids: number[] } {
  for (let n = state.chairs.filter((c) => !c.deleted).length + 1; n <= CHAIRS; n++)
    state.chairs.push({ id: 2287000 + n, name: `Poltrona ${n}`, deleted: false })
  const chairs = state.chairs.filter((c) => !c.deleted).slice(0, CHAIRS)
  // Two new patients (none the page has seen yet) of one surname and initial, first in the list.
  const model = state.patients.find((p) => !p.deleted)!
  state.patients.push(
    { ...model, id: 9_900_001, lastName: 'Rossi', firstName: 'Mario' },
    { ...model, id: 9_900_002, lastName: 'Rossi', firstName: 'Michele' },
  )
  const patients = [...state.patients.slice(-2), ...state.patients.filter((p) => !p.deleted && p.id < 9_900_000)]
  const operators = state.operators.filter((o) => !o.deleted)
  state.appointments = state.appointments.filter((a) => a.date.slice(0, 10) !== day)
  const durations = [30, 15, 45, 20, 30]
  const clock = new Map(chairs.map((c, i) => [c.id, i === 0 ? 9 * 60 + 30 : 8 * 60]))
  const ids: number[] = []
  const add = (id: number, chairId: number, start: number, duration: number, colorIdx: number, st: (typeof STATES)[number], p: number) => {
    ids.push(id)
    state.appointments.push({
      id,
      date: formatWall(day, start),
      patientId: patients[p % patients.length]!.id,
      emailReminder: false,
      smsReminder: true,
      description: state.bookingReasons[id % state.bookingReasons.length]!.description,
      allDay: false,
      type: 'inPractice',
      state: st,
      duration,
      colorId: state.colors[colorIdx % state.colors.length]!.id,
      chairId,
      operatorId: operators[id % operators.length]!.id,
      createdThroughBooking: false,
      createdThroughApi: false,
      firstVisit: 'no',
      carePlanId: null,
    })
  }
  // Chair 1 opens with the block under the now-line: 08:50–09:20, its name 26–44 px below its top.
  add(800000, chairs[0]!.id, 8 * 60 + 50, 30, 1, 'confirmed', 2)
  // i + 0 and i + 1 below are the two Rossi.
  for (let i = 0; i < state.colors.length * STATES.length; i++) {
    const chair = chairs[(i * 5) % CHAIRS]!
    const dur = durations[i % durations.length]!
    let start = clock.get(chair.id)!
    if (i % 13 === 7) start -= 15 // double booked
    clock.set(chair.id, Math.max(clock.get(chair.id)!, start + dur))
    add(800001 + i, chair.id, start, dur, i % state.colors.length, STATES[Math.floor(i / state.colors.length) % STATES.length]!, i)
  }
  return { nowBlock: 800000, ids }
}
