import { describe, expect, it } from 'vitest'
import type { Appointment } from '../../../../../../shared/alfadocs/schemas'
import { lateMinutes, lateOf } from '../../../../../../renderer/src/features/agenda/late'

const appt = (id: number, date: string, state: string, allDay = false) => ({ id, date, state, allDay }) as Appointment
const TODAY = '2026-12-01'
const at = (h: number, m: number) => h * 60 + m

describe('late: a patient of today not arrived N minutes after the start', () => {
  it('is late from exactly N minutes past the start, with the minutes past it', () => {
    const a = appt(1, `${TODAY} 09:00:00`, 'confirmed')
    expect(lateMinutes(a, TODAY, at(9, 9), 10)).toBeNull()
    expect(lateMinutes(a, TODAY, at(9, 10), 10)).toBe(10)
    expect(lateMinutes(a, TODAY, at(9, 47), 10)).toBe(47)
    expect(lateMinutes(a, TODAY, at(9, 4), 3)).toBe(4)
  })

  it('an arrived, seen, absent or cancelled patient is never late, nor an all-day entry', () => {
    for (const s of ['waiting', 'in_care', 'done', 'absent', 'cancelled'])
      expect(lateMinutes(appt(1, `${TODAY} 09:00:00`, s), TODAY, at(11, 0), 10)).toBeNull()
    expect(lateMinutes(appt(1, `${TODAY} 09:00:00`, 'confirmed', true), TODAY, at(11, 0), 10)).toBeNull()
  })

  it('only today: another day is never late, whatever the minute', () => {
    expect(lateMinutes(appt(1, '2026-11-30 09:00:00', 'confirmed'), TODAY, at(11, 0), 10)).toBeNull()
    expect(lateMinutes(appt(1, '2026-12-02 09:00:00', 'confirmed'), TODAY, at(11, 0), 10)).toBeNull()
  })

  it('lateOf lists the late ones of a mixed day', () => {
    const list = [
      appt(1, `${TODAY} 08:30:00`, 'confirmed'),
      appt(2, `${TODAY} 08:30:00`, 'waiting'),
      appt(3, `${TODAY} 09:57:00`, 'confirmed'),
      appt(4, `${TODAY} 10:30:00`, 'confirmed'),
    ]
    expect([...lateOf(list, TODAY, at(10, 5), 10)]).toEqual([[1, 95]])
    expect([...lateOf(list, TODAY, at(10, 5), 5)]).toEqual([
      [1, 95],
      [3, 8],
    ])
  })
})
