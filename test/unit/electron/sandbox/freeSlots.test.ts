import { describe, expect, it } from 'vitest'
import { computeFreeSlots } from '../../../../electron/sandbox/freeSlots'
import { APPOINTMENT_DEFAULTS } from '../../../../electron/sandbox/handlers/appointments'
import { buildState } from '../../../../electron/sandbox/seed'
import type { Appointment, SandboxState } from '../../../../electron/sandbox/state'

const MONDAY = '2026-03-16'

function emptyPractice(): SandboxState {
  const s = buildState(1, MONDAY)
  s.appointments = []
  return s
}
const chair1 = 2285361
const appt = (over: Partial<Appointment>): Appointment => ({
  ...APPOINTMENT_DEFAULTS,
  id: 1,
  date: `${MONDAY} 10:00:00`,
  duration: 45,
  colorId: 85661,
  chairId: chair1,
  createdThroughBooking: false,
  createdThroughApi: false,
  firstVisit: 'no',
  carePlanId: null,
  ...over,
})
const q = { startDate: MONDAY, startMinutes: 0, endDate: MONDAY, duration: 60 }

describe('computeFreeSlots', () => {
  it('offers every active chair on a 15-minute grid between 08:00 and 19:00 on an empty weekday', () => {
    const slots = computeFreeSlots(emptyPractice(), q)
    const times = [...new Set(slots.map((s) => s.time))]
    expect(times[0]).toBe('08:00:00')
    expect(times.at(-1)).toBe('18:00:00')
    expect(times).toHaveLength(41)
    expect(slots).toHaveLength(41 * 5)
    expect(slots.every((s) => /^\d{2}:(00|15|30|45):00$/.test(s.time) && s.date === MONDAY)).toBe(true)
    expect(slots.some((s) => s.chairId === 2285366)).toBe(false) // the dismissed chair
  })

  it('skips weekends', () => {
    expect(computeFreeSlots(emptyPractice(), { ...q, startDate: '2026-03-14', endDate: '2026-03-15' })).toEqual([])
  })

  it("does not overlap a chair's non-cancelled appointments", () => {
    const s = emptyPractice()
    s.appointments = [appt({}), appt({ id: 2, date: `${MONDAY} 15:00:00`, state: 'cancelled' })]
    const c1 = computeFreeSlots(s, q)
      .filter((x) => x.chairId === chair1)
      .map((x) => x.time.slice(0, 5))
    for (const blocked of ['09:15', '09:30', '09:45', '10:00', '10:15', '10:30']) expect(c1).not.toContain(blocked)
    expect(c1).toContain('09:00') // ends exactly when the appointment starts
    expect(c1).toContain('10:45')
    expect(c1).toContain('15:00') // the cancelled one does not block
  })

  it('respects operatorIds and never gives one operator two chairs at once', () => {
    const s = emptyPractice()
    const slots = computeFreeSlots(s, { ...q, operatorIds: [965562] })
    expect(slots.every((x) => x.operatorId === 965562)).toBe(true)
    expect(slots).toHaveLength(41)
    s.appointments = [appt({ chairId: 2285363, operatorId: 965562 })]
    const busy = computeFreeSlots(s, { ...q, operatorIds: [965562] }).map((x) => x.time.slice(0, 5))
    expect(busy).not.toContain('10:00')
    expect(busy).toContain('11:00')
  })

  it('starts after startMinutes on the first day only', () => {
    const slots = computeFreeSlots(emptyPractice(), { ...q, startMinutes: 14 * 60, endDate: '2026-03-17' })
    expect(slots.filter((x) => x.date === MONDAY).every((x) => x.time >= '14:00:00')).toBe(true)
    expect(slots.some((x) => x.date === '2026-03-17' && x.time === '08:00:00')).toBe(true)
  })
})
