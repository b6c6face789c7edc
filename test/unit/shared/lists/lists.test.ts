import { describe, expect, it } from 'vitest'
import type { Appointment } from '../../../../shared/alfadocs/schemas'
import { asapEntries, asapForSlot } from '../../../../shared/lists/asap'
import { followUps } from '../../../../shared/lists/follow-ups'
import { isItalianHoliday, isWorkingDay, nextWorkingDay } from '../../../../shared/lists/working-days'

let seq = 0
const appt = (patientId: number | null, date: string, state: string, extra: Partial<Appointment> = {}): Appointment =>
  ({
    id: ++seq,
    date,
    patientId,
    state,
    duration: 30,
    description: '',
    operatorId: 1,
    chairId: 1,
    colorId: 1,
    allDay: false,
    firstVisit: false,
    ...extra,
  }) as Appointment

describe('working days', () => {
  it('skips weekends and Italian national holidays, Easter Monday included', () => {
    expect(nextWorkingDay('2026-12-04')).toBe('2026-12-07') // Friday → Monday
    expect(nextWorkingDay('2026-12-07')).toBe('2026-12-09') // 8 December (Immacolata)
    expect(nextWorkingDay('2026-12-24')).toBe('2026-12-28') // Christmas, Santo Stefano, weekend
    expect(isItalianHoliday('2026-04-06')).toBe(true) // Easter Monday 2026 (Easter 5 April)
    expect(isItalianHoliday('2027-03-29')).toBe(true) // Easter Monday 2027 (Easter 28 March)
    expect(isWorkingDay('2026-04-07')).toBe(true)
    expect(isWorkingDay('2026-06-02')).toBe(false)
  })
})

describe('follow-ups', () => {
  const now = '2026-12-01 12:00:00'
  it('a cancelled or absent appointment with nothing to come is a follow-up, latest miss first', () => {
    const past = [
      appt(1, '2026-11-10 09:00:00', 'cancelled'),
      appt(2, '2026-11-20 09:00:00', 'absent'),
      appt(3, '2026-11-21 09:00:00', 'done'),
    ]
    expect(followUps(past, [], now).map((f) => f.patientId)).toEqual([2, 1])
  })
  it('a patient with an appointment still to come is not, whatever its day in the horizon', () => {
    const past = [appt(1, '2026-11-10 09:00:00', 'cancelled'), appt(2, '2026-11-11 09:00:00', 'absent')]
    const future = [appt(1, '2027-04-01 09:00:00', 'confirmed'), appt(2, '2026-12-02 09:00:00', 'cancelled')]
    expect(followUps(past, future, now).map((f) => f.patientId)).toEqual([2])
  })
  it('an appointment of today already past does not count as to come; one later today does', () => {
    const past = [appt(1, '2026-11-10 09:00:00', 'cancelled'), appt(2, '2026-11-10 09:00:00', 'cancelled')]
    const future = [appt(1, '2026-12-01 08:00:00', 'confirmed'), appt(2, '2026-12-01 16:00:00', 'confirmed')]
    expect(followUps(past, future, now).map((f) => f.patientId)).toEqual([1])
  })
  it('a miss followed by a kept visit is not a follow-up; the latest of several misses is shown once', () => {
    const past = [
      appt(1, '2026-11-10 09:00:00', 'cancelled'),
      appt(1, '2026-11-12 09:00:00', 'done'),
      appt(2, '2026-11-05 09:00:00', 'absent'),
      appt(2, '2026-11-15 09:00:00', 'cancelled'),
    ]
    const rows = followUps(past, [], now)
    expect(rows.map((f) => [f.patientId, f.missed.date])).toEqual([[2, '2026-11-15 09:00:00']])
  })
  it('blocked time (no patient) is never a follow-up', () => {
    expect(followUps([appt(null, '2026-11-10 09:00:00', 'cancelled')], [], now)).toEqual([])
  })
})

describe('ASAP', () => {
  const now = '2026-12-01 08:00:00'
  it("lists each flagged patient's next kept appointment", () => {
    const future = [
      appt(1, '2026-12-20 09:00:00', 'confirmed'),
      appt(1, '2026-12-10 09:00:00', 'confirmed'),
      appt(2, '2026-12-05 09:00:00', 'cancelled'),
      appt(3, '2026-12-06 09:00:00', 'confirmed'),
    ]
    const entries = asapEntries(future, new Set([1, 2]), now)
    expect(entries.map((e) => [e.patientId, e.appointment.date])).toEqual([[1, '2026-12-10 09:00:00']])
  })
  it('a freed slot is offered to later appointments that fit, same operator first, then who gains most', () => {
    const a = appt(1, '2026-12-10 09:00:00', 'confirmed', { operatorId: 2, duration: 30 })
    const b = appt(2, '2026-12-20 09:00:00', 'confirmed', { operatorId: 1, duration: 30 })
    const c = appt(3, '2026-12-15 09:00:00', 'confirmed', { operatorId: 2, duration: 60 })
    const d = appt(4, '2026-12-02 09:00:00', 'confirmed', { operatorId: 2, duration: 30 })
    const e = appt(5, '2026-12-25 09:00:00', 'confirmed', { operatorId: 2, duration: 20 })
    const entries = asapEntries([a, b, c, d, e], new Set([1, 2, 3, 4, 5]), now)
    const offered = asapForSlot(entries, { date: '2026-12-03 10:00:00', duration: 30, operatorId: 2 })
    // c needs 60 min, d is earlier than the slot already.
    expect(offered.map((x) => x.patientId)).toEqual([5, 1, 2])
  })
  it('never offers the freed appointment its own slot', () => {
    const a = appt(1, '2026-12-10 09:00:00', 'confirmed')
    const entries = asapEntries([a], new Set([1]), now)
    expect(asapForSlot(entries, { date: '2026-12-03 10:00:00', duration: 30, operatorId: 1, appointmentId: a.id })).toEqual([])
  })
})
