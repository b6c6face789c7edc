import { describe, expect, it } from 'vitest'
import type { Appointment, Chair } from '../../../../../../shared/alfadocs/schemas'
import { firstFreeChair } from '../../../../../../renderer/src/features/agenda/free-chair'

const chairs: Chair[] = [
  { id: 1, name: 'Poltrona 1', deleted: true },
  { id: 2, name: 'Poltrona 2', deleted: false },
  { id: 3, name: 'Poltrona 3', deleted: false },
  { id: 4, name: 'Poltrona 4', deleted: false },
]
const appt = (id: number, chairId: number, date: string, duration: number, state = 'confirmed') =>
  ({ id, chairId, operatorId: 9, date, duration, state, allDay: false }) as Appointment
const DAY = '2026-12-01'
const slot = (start: number, end: number) => ({ day: DAY, start, end })

describe('first free chair of a new booking', () => {
  it('skips deleted chairs and chairs busy at that time', () => {
    const list = [appt(10, 2, `${DAY} 09:00:00`, 60), appt(11, 3, `${DAY} 09:30:00`, 30)]
    expect(firstFreeChair(chairs, list, slot(9 * 60 + 30, 10 * 60))).toBe(4)
    expect(firstFreeChair(chairs, list, slot(9 * 60, 9 * 60 + 30))).toBe(3)
    expect(firstFreeChair(chairs, list, slot(10 * 60, 10 * 60 + 30))).toBe(2)
  })

  it('cancelled and absent appointments and other days hold no chair; the operator does not matter', () => {
    const list = [
      appt(10, 2, `${DAY} 09:00:00`, 60, 'cancelled'),
      appt(11, 2, '2026-12-02 09:00:00', 60),
      appt(12, 2, `${DAY} 09:00:00`, 60, 'absent'),
    ]
    expect(firstFreeChair(chairs, list, slot(9 * 60, 10 * 60))).toBe(2)
  })

  it('every chair busy: the first open chair (the warning says so); no chairs: null', () => {
    const list = [2, 3, 4].map((c) => appt(c * 10, c, `${DAY} 09:00:00`, 60))
    expect(firstFreeChair(chairs, list, slot(9 * 60, 9 * 60 + 30))).toBe(2)
    expect(firstFreeChair([], list, slot(9 * 60, 9 * 60 + 30))).toBeNull()
  })
})
