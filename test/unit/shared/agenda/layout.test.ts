import { describe, expect, it } from 'vitest'
import { APPOINTMENT_DEFAULTS } from '../../../../electron/sandbox/handlers/appointments'
import type { Appointment, Chair } from '../../../../shared/alfadocs/schemas'
import { findClashes } from '../../../../shared/agenda/conflicts'
import { diffAppointments } from '../../../../shared/agenda/diff'
import { assignLanes, layoutDay, layoutWeek, wallSpan } from '../../../../shared/agenda/layout'
import { axisTicks, parseHhmm, snap, waitedMinutes } from '../../../../shared/agenda/time'
import { weekDays, weekStart } from '../../../../shared/agenda/week'

const chairs: Chair[] = [
  { id: 1, name: 'Poltrona 1', deleted: false },
  { id: 2, name: 'Poltrona 2', deleted: false },
  { id: 3, name: 'Poltrona 3 (dismessa)', deleted: true },
  { id: 4, name: 'Poltrona 4 (dismessa)', deleted: true },
]

let nextId = 1
function appt(date: string, duration: number, chairId: number | null, over: Partial<Appointment> = {}): Appointment {
  return {
    ...APPOINTMENT_DEFAULTS,
    id: nextId++,
    date,
    duration,
    colorId: 1,
    chairId,
    createdThroughBooking: false,
    createdThroughApi: false,
    firstVisit: false,
    carePlanId: null,
    ...over,
  }
}

const full = { startMin: 0, endMin: 1440, pxPer15: 10 }

describe('layout: columns', () => {
  it('shows live chairs, hides deleted chairs unless they hold appointments, adds a no-chair column', () => {
    const day = '2026-03-11'
    const list = [
      appt(`${day} 09:00:00`, 30, 1),
      appt(`${day} 10:00:00`, 30, 3),
      appt(`${day} 11:00:00`, 30, null),
      appt(`${day} 12:00:00`, 30, 99),
    ]
    const l = layoutDay(chairs, list, { day, ...full }, 'Senza poltrona')
    expect(l.columns.map((c) => c.key)).toEqual(['chair-1', 'chair-2', 'chair-3', 'no-chair'])
    expect(l.columns[2]!.deleted).toBe(true)
    // unknown chair 99 and no chair share the last column
    expect(l.blocks.filter((b) => b.column === 3)).toHaveLength(2)
  })

  it('honours a saved chair choice and order', () => {
    const day = '2026-03-11'
    const a1 = appt(`${day} 09:00:00`, 30, 1)
    const a2 = appt(`${day} 09:00:00`, 30, 2)
    const l = layoutDay(chairs, [a1, a2], { day, ...full, chairIds: [2, 1] })
    expect(l.columns.map((c) => c.chairId)).toEqual([2, 1])
    expect(l.blocks.find((b) => b.column === 0)!.id).toBe(a2.id)
  })

  it('ignores appointments of other days', () => {
    const l = layoutDay(chairs, [appt('2026-03-12 09:00:00', 30, 1)], { day: '2026-03-11', ...full })
    expect(l.blocks).toHaveLength(0)
  })
})

describe('layout: positions and overlaps', () => {
  it('places blocks by wall time and duration at the zoom', () => {
    const day = '2026-03-11'
    const a = appt(`${day} 09:30:00`, 45, 1)
    const l = layoutDay(chairs, [a], { day, startMin: 8 * 60, endMin: 20 * 60, pxPer15: 20 })
    expect(l.blocks[0]).toMatchObject({ id: a.id, column: 0, top: 6 * 20, height: 3 * 20, lane: 0, lanes: 1 })
    expect(l.height).toBe(48 * 20)
  })

  it('puts overlapping appointments side by side and keeps a cluster the same width', () => {
    // A 09:00–10:00, B 09:30–10:30, C 10:00–10:15 (fits in A's lane), D 11:00 alone
    const spans = [
      { id: 1, start: 540, end: 600 },
      { id: 2, start: 570, end: 630 },
      { id: 3, start: 600, end: 615 },
      { id: 4, start: 660, end: 690 },
    ]
    const lanes = assignLanes(spans)
    expect(lanes.get(1)).toEqual({ lane: 0, lanes: 2 })
    expect(lanes.get(2)).toEqual({ lane: 1, lanes: 2 })
    expect(lanes.get(3)).toEqual({ lane: 0, lanes: 2 })
    expect(lanes.get(4)).toEqual({ lane: 0, lanes: 1 })
  })

  it('needs three lanes for three appointments at the same time, and back-to-back ones do not overlap', () => {
    const lanes = assignLanes([
      { id: 1, start: 540, end: 570 },
      { id: 2, start: 540, end: 570 },
      { id: 3, start: 540, end: 600 },
      { id: 4, start: 600, end: 630 },
    ])
    expect(new Set([1, 2, 3].map((id) => lanes.get(id)!.lane))).toEqual(new Set([0, 1, 2]))
    expect(lanes.get(4)).toEqual({ lane: 0, lanes: 1 })
  })

  it('never gives two overlapping blocks of one column the same lane (random days)', () => {
    let seed = 7
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    for (let round = 0; round < 50; round++) {
      const spans = Array.from({ length: 30 }, (_, i) => {
        const start = 480 + Math.floor(rnd() * 600)
        return { id: i, start, end: start + 5 + Math.floor(rnd() * 90) }
      })
      const lanes = assignLanes(spans)
      expect(lanes.size).toBe(spans.length)
      for (const a of spans)
        for (const b of spans) {
          if (a.id >= b.id || !(a.start < b.end && b.start < a.end)) continue
          expect(lanes.get(a.id)!.lane).not.toBe(lanes.get(b.id)!.lane)
          expect(lanes.get(a.id)!.lanes).toBe(lanes.get(b.id)!.lanes)
        }
      for (const s of spans) expect(lanes.get(s.id)!.lane).toBeLessThan(lanes.get(s.id)!.lanes)
    }
  })

  it('clips blocks to the visible range and reports those entirely outside it', () => {
    const day = '2026-03-11'
    const early = appt(`${day} 07:30:00`, 60, 1)
    const late = appt(`${day} 21:00:00`, 30, 1)
    const l = layoutDay(chairs, [early, late], { day, startMin: 480, endMin: 1200, pxPer15: 20 })
    expect(l.blocks).toHaveLength(1)
    expect(l.blocks[0]).toMatchObject({ id: early.id, top: 0, height: 40, clippedStart: true, clippedEnd: false })
    expect(l.outside).toEqual([late.id])
  })

  it('gives a zero-length appointment a visible block', () => {
    const day = '2026-03-11'
    expect(wallSpan(appt(`${day} 09:00:00`, 0, 1), day)).toEqual({ start: 540, end: 545 })
  })

  it('never draws a block shorter than a 24 px click target, whatever the duration and the zoom', () => {
    const day = '2026-03-11'
    const l = layoutDay(chairs, [appt(`${day} 09:00:00`, 5, 1), appt(`${day} 10:00:00`, 15, 1)], {
      day,
      startMin: 480,
      endMin: 1200,
      pxPer15: 22,
    })
    expect(l.blocks.map((b) => b.height)).toEqual([24, 24])
  })
})

describe('layout: all-day', () => {
  it('puts all-day appointments in the strip, not on the grid, with their chair column or none', () => {
    const day = '2026-03-11'
    const a = appt(`${day} 00:00:00`, 1440, null, { allDay: true })
    const b = appt(`${day} 00:00:00`, 0, 2, { allDay: true })
    const c = appt(`${day} 09:00:00`, 30, 1)
    const l = layoutDay(chairs, [a, b, c], { day, startMin: 480, endMin: 1200, pxPer15: 10 })
    expect(l.blocks.map((x) => x.id)).toEqual([c.id])
    expect(l.allDay).toEqual(expect.arrayContaining([{ id: b.id, column: 1 }]))
    expect(l.allDay.map((x) => x.id).sort()).toEqual([a.id, b.id].sort())
    // an all-day appointment does not take a lane in its chair
    expect(l.blocks[0]!.lanes).toBe(1)
  })
})

describe('layout: DST days in Europe/Rome', () => {
  // 2026-03-29: clocks jump 02:00 → 03:00; 2026-10-25: 03:00 → 02:00 (02:00–03:00 happens twice).
  for (const day of ['2026-03-29', '2026-10-25', '2027-03-28', '2027-10-31']) {
    it(`${day}: every appointment of the night and the day keeps its wall time, none lost or duplicated`, () => {
      const times = ['00:30', '01:30', '02:00', '02:15', '02:30', '02:45', '03:00', '03:30', '09:00', '23:30']
      const list = times.map((t) => appt(`${day} ${t}:00`, 30, 1))
      const l = layoutDay(chairs, list, { day, ...full })
      expect(l.blocks).toHaveLength(list.length)
      expect(new Set(l.blocks.map((b) => b.id)).size).toBe(list.length)
      for (const [i, t] of times.entries()) {
        const b = l.blocks.find((x) => x.id === list[i]!.id)!
        const [h, m] = t.split(':').map(Number) as [number, number]
        expect(b.start).toBe(h * 60 + m)
        expect(b.top).toBe(((h * 60 + m) / 15) * 10)
        expect(b.end - b.start).toBe(30)
      }
      // the grid of a DST day still has 24 wall-clock hours: no row missing, none doubled
      expect(l.height).toBe(96 * 10)
      // 02:00, 02:15, 02:30, 02:45 overlap in pairs only: at most two lanes
      expect(Math.max(...l.blocks.map((b) => b.lanes))).toBe(2)
    })
  }

  it('a week holding a DST Sunday has each appointment exactly once', () => {
    const days = weekDays('2026-10-25')
    expect(days[0]).toBe('2026-10-19')
    expect(days[6]).toBe('2026-10-25')
    const list = days.flatMap((d) => ['01:00', '02:30', '09:00'].map((t) => appt(`${d} ${t}:00`, 60, 1)))
    const l = layoutWeek(days, list, full)
    expect(l.blocks).toHaveLength(21)
    expect(l.blocks.filter((b) => b.column === 6).map((b) => b.start)).toEqual([60, 150, 540])
  })
})

describe('time helpers', () => {
  it('snaps to 5 minutes, parses HH:mm, lists axis ticks, counts waited minutes', () => {
    expect(snap(542)).toBe(540)
    expect(snap(543)).toBe(545)
    expect(parseHhmm('08:00')).toBe(480)
    expect(parseHhmm('24:00')).toBe(1440)
    expect(parseHhmm('25:00')).toBeNull()
    const ticks = axisTicks(480, 600)
    expect(ticks).toHaveLength(8)
    expect(ticks[0]).toEqual({ minutes: 480, label: '08:00', major: true })
    expect(ticks[1]!.label).toBeNull()
    expect(waitedMinutes(0, 15 * 60000 + 59000)).toBe(15)
    expect(waitedMinutes(1000, 0)).toBe(0)
    expect(weekStart('2026-03-15')).toBe('2026-03-09')
    expect(weekStart('2026-03-09')).toBe('2026-03-09')
  })
})

describe('clashes and differences', () => {
  it('finds the chair and the operator already busy, ignoring cancelled, absent and the moved appointment', () => {
    const day = '2026-03-11'
    const moved = appt(`${day} 09:00:00`, 30, 1, { operatorId: 10 })
    const sameChair = appt(`${day} 10:00:00`, 30, 2, { operatorId: 11 })
    const sameOp = appt(`${day} 10:15:00`, 30, 1, { operatorId: 10 })
    const cancelled = appt(`${day} 10:00:00`, 30, 2, { state: 'cancelled' })
    const later = appt(`${day} 10:30:00`, 30, 2)
    const clashes = findClashes([moved, sameChair, sameOp, cancelled, later], {
      id: moved.id,
      day,
      start: 600,
      end: 630,
      chairId: 2,
      operatorId: 10,
    })
    expect(clashes).toEqual([
      { appointmentId: sameChair.id, reason: 'chair' },
      { appointmentId: sameOp.id, reason: 'operator' },
    ])
  })

  it('lists the fields another desk changed, ignoring seconds in the date', () => {
    const a = appt('2026-03-11 09:00:00', 30, 1)
    expect(diffAppointments(a, { ...a, date: '2026-03-11 09:00' })).toEqual([])
    expect(diffAppointments(a, { ...a, date: '2026-03-11 09:30:00', state: 'waiting' })).toEqual([
      { field: 'date', seen: '2026-03-11 09:00:00', current: '2026-03-11 09:30:00' },
      { field: 'state', seen: 'confirmed', current: 'waiting' },
    ])
  })
})
