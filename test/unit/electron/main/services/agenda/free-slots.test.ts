import { describe, expect, it } from 'vitest'
import { withoutBusyChairs } from '../../../../../../electron/main/services/agenda/free-slots'
import type { Appointment, FreeSlot } from '../../../../../../shared/alfadocs/schemas'

const slot = (chairId: number | null, time: string, date = '2026-03-12'): FreeSlot => ({ chairId, date, time, operatorId: 1 })
const appt = (over: Partial<Appointment>): Appointment =>
  ({
    id: 1,
    date: '2026-03-12 10:00:00',
    duration: 30,
    state: 'confirmed',
    chairId: 1,
    patientId: null,
    allDay: false,
    ...over,
  }) as Appointment

describe('free slots against what is on the chairs', () => {
  it('never offers a blocked time (no patient) nor any overlap with it, for the length asked', () => {
    const blocked = appt({ date: '2026-03-12 10:00:00', duration: 30, patientId: null, description: 'Sterilizzazione' })
    const slots = [slot(1, '09:15:00'), slot(1, '09:30:00'), slot(1, '10:15:00'), slot(1, '10:30:00'), slot(2, '10:00:00')]
    expect(withoutBusyChairs(slots, [blocked], 30).map((s) => `${s.chairId}@${s.time}`)).toEqual([
      '1@09:15:00',
      '1@09:30:00',
      '1@10:30:00',
      '2@10:00:00',
    ])
  })
  it('a cancelled appointment frees its time; an all-day block takes the whole day of its chair only', () => {
    const slots = [slot(1, '10:00:00'), slot(2, '12:00:00'), slot(2, '12:00:00', '2026-03-13')]
    expect(withoutBusyChairs(slots, [appt({ state: 'cancelled' })], 30)).toHaveLength(3)
    expect(withoutBusyChairs(slots, [appt({ chairId: 2, allDay: true })], 30).map((s) => `${s.chairId}@${s.date}`)).toEqual([
      '1@2026-03-12',
      '2@2026-03-13',
    ])
  })
  it('keeps slots it cannot check (no chair, odd time)', () => {
    expect(withoutBusyChairs([slot(null, '10:00:00'), slot(1, 'soon')], [appt({})], 30)).toHaveLength(2)
  })
})
