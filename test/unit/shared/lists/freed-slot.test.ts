import { describe, expect, it } from 'vitest'
import type { Appointment } from '../../../../shared/alfadocs/schemas'
import { freedSlot, newlyFreed } from '../../../../shared/lists/freed-slot'

const appt = (over: Partial<Appointment>): Appointment =>
  ({
    id: 1,
    date: '2026-03-11 10:00:00',
    duration: 30,
    state: 'cancelled',
    chairId: 2,
    operatorId: 3,
    patientId: 9,
    allDay: false,
    ...over,
  }) as Appointment

describe('freed slots', () => {
  it('a cancellation later today frees its whole time; tomorrow too', () => {
    expect(freedSlot(appt({}), '2026-03-11', 9 * 60)).toEqual({
      appointmentId: 1,
      chairId: 2,
      operatorId: 3,
      date: '2026-03-11 10:00:00',
      duration: 30,
    })
    expect(freedSlot(appt({ date: '2026-03-12 08:00:00' }), '2026-03-11', 17 * 60)?.duration).toBe(30)
  })
  it('a no-show noticed during its slot frees the rest, from the next 5-minute mark; too little left frees nothing', () => {
    expect(freedSlot(appt({ state: 'absent', duration: 60 }), '2026-03-11', 10 * 60 + 12)).toMatchObject({
      date: '2026-03-11 10:15:00',
      duration: 45,
    })
    expect(freedSlot(appt({ state: 'absent' }), '2026-03-11', 10 * 60 + 22)).toBeNull()
  })
  it('blocked time, all-day entries, past days and active states free nothing', () => {
    expect(freedSlot(appt({ patientId: null }), '2026-03-11', 0)).toBeNull()
    expect(freedSlot(appt({ allDay: true }), '2026-03-11', 0)).toBeNull()
    expect(freedSlot(appt({ date: '2026-03-10 10:00:00' }), '2026-03-11', 0)).toBeNull()
    expect(freedSlot(appt({ state: 'confirmed' }), '2026-03-11', 0)).toBeNull()
  })
  it('only a change from active to cancelled or absent counts', () => {
    const after = [appt({ id: 1 }), appt({ id: 2 }), appt({ id: 3, state: 'confirmed' }), appt({ id: 4 })]
    const before = new Map([
      [1, 'confirmed'],
      [2, 'absent'],
      [3, 'confirmed'],
    ])
    expect(newlyFreed(before, after, '2026-03-11', 8 * 60).map((f) => f.appointmentId)).toEqual([1])
  })
})
