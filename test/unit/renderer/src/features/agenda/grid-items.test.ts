import { describe, expect, it } from 'vitest'
import type { Appointment, Color, Operator, Patient } from '../../../../../../shared/alfadocs/schemas'
import { contrastRatio, parseColor } from '../../../../../../shared/agenda/contrast'
import { layoutDay } from '../../../../../../shared/agenda/layout'
import {
  blockItems,
  chipItems,
  blockRoom,
  NARROW,
  roomOf,
  wordFits,
  type TextRoom,
  nameOf,
  STATE_MARK,
  type GridData,
} from '../../../../../../renderer/src/features/agenda/grid-items'
import type { GridLabels } from '../../../../../../renderer/src/features/agenda/types'

const labels: GridLabels = {
  allDay: 'Tutto il giorno',
  outside: 'Fuori orario',
  loading: 'Caricamento…',
  noPatient: 'Nessun paziente',
  unknownPatient: (id) => `Paziente n. ${id}`,
  state: (s) => `<${s}>`,
  nextStateTitle: (s) => `Segna come ${s}`,
  telehealth: 'Televisita',
  queued: 'In attesa di rete',
}
const appt = (over: Partial<Appointment>): Appointment =>
  ({
    id: 1,
    date: '2026-03-11 09:00:00',
    duration: 30,
    patientId: 10,
    chairId: 1,
    operatorId: 5,
    colorId: 3,
    state: 'confirmed',
    description: 'Igiene',
    allDay: false,
    type: 'inPractice',
    emailReminder: false,
    smsReminder: false,
    createdThroughBooking: false,
    createdThroughApi: false,
    firstVisit: false,
    carePlanId: null,
    ...over,
  }) as Appointment
const patient = { id: 10, firstName: 'Mario', lastName: 'Rossi' } as Patient

function data(list: Appointment[], patients: Patient[] = [patient]): GridData {
  return {
    layout: layoutDay(
      [
        { id: 1, name: 'Poltrona 1', deleted: false },
        { id: 2, name: 'Poltrona 2', deleted: false },
      ],
      list,
      { day: '2026-03-11', startMin: 480, endMin: 1200, pxPer15: 44 },
      'Senza poltrona',
    ),
    appointments: new Map(list.map((a) => [a.id, a])),
    colors: new Map([[3, { id: 3, backgroundColor: '112233', textColor: 'ffffff' } as Color]]),
    operators: new Map([[5, { id: 5, name: 'Dr. Bianchi' } as Operator]]),
    patients: new Map(patients.map((p) => [p.id, p])),
    labels,
  }
}

describe('grid items', () => {
  it('a block carries its place, colours, time, name, description with operator, and what a click does', () => {
    const [b] = blockItems(data([appt({})]))
    expect(b).toMatchObject({
      id: 1,
      start: '09:00',
      end: '–09:30',
      name: 'Rossi Mario',
      desc: 'Igiene · Dr. Bianchi',
      state: 'confirmed',
      mark: STATE_MARK.confirmed,
      canNext: true,
    })
    expect(b!.style).toContain('background-color:#112233;color:#ffffff')
    expect(b).toMatchObject({ start: '09:00', end: '–09:30', short: 'Rossi M.' })
    expect(b!.style).toContain('left:calc(0% + 2px);width:calc(50% - 4px)')
    expect(b!.title).toBe('<confirmed> — Segna come waiting')
  })
  it('a final state has no next click; an unsaved block is marked saving; telehealth is marked', () => {
    const [b] = blockItems(data([appt({ id: -1, state: 'done', type: 'telehealth', chairId: 2 })]))
    expect(b!.canNext).toBe(false)
    expect(b!.title).toBe('<done> — <done>')
    expect(b!.cls).toContain('blk--saving')
    expect(b!.cls).toContain('blk--tele')
    expect(b!.style).toContain('left:calc(50% + 2px)')
  })
  it('text reads on every colour: the practice’s text colour when it reaches 4.5:1, else black or white', () => {
    const d = data([appt({ id: 1, colorId: 3 }), appt({ id: 2, colorId: 4, date: '2026-03-11 10:00:00' })])
    const colors = new Map(d.colors).set(4, { id: 4, backgroundColor: 'e91e63', textColor: 'ffffff' } as Color)
    const [own, pink] = blockItems({ ...d, colors })
    expect(own!.style).toContain('color:#ffffff')
    expect(pink!.style).toContain('background-color:#e91e63;color:#000000')
  })
  it('finished blocks are pale with the practice colour as their edge (absent: stripes), never faded', () => {
    const items = blockItems(
      data([
        appt({ id: 1, state: 'done' }),
        appt({ id: 2, state: 'absent', date: '2026-03-11 10:00:00' }),
        appt({ id: 3, state: 'cancelled', date: '2026-03-11 11:00:00' }),
      ]),
    )
    for (const b of items) {
      expect(b.style).toContain('--edge:#112233')
      expect(b.style).not.toContain('background-color:#112233')
      const [, bg, fg] = /background-color:(#\w+);color:(#\w+)/.exec(b.style)!
      expect(contrastRatio(parseColor(bg!)!, parseColor(fg!)!)).toBeGreaterThanOrEqual(4.5)
    }
    expect(items[1]!.style).toMatch(/--stripe:#[0-9a-f]{6}/)
    expect(items[0]!.style).not.toContain('--stripe')
  })
  it('narrow blocks get a short name that keeps two patients of the same surname apart', () => {
    const michele = { id: 11, firstName: 'Michele', lastName: 'Rossi' } as Patient
    const items = blockItems(data([appt({ id: 1 }), appt({ id: 2, patientId: 11, chairId: 2 })], [patient, michele]))
    expect(items.map((b) => b.short)).toEqual(['Rossi Ma.', 'Rossi Mi.'])
    // Side by side in one column while each keeps 72 px, else overlapping like cards, each shifted right.
    const lanes = blockItems(data([appt({ id: 1 }), appt({ id: 2 })]))
    expect(lanes[0]!.style).toContain(
      '--lw:max(25%, min(72px, 50%));left:calc(0% + 0 * (50% - var(--lw)) / 1 + 1px);width:calc(var(--lw) - 2px)',
    )
    expect(lanes[1]!.style).toContain('left:calc(0% + 1 * (50% - var(--lw)) / 1 + 1px)')
    expect(lanes[0]!.cls).toContain('blk--lanes')
  })
  it('what text the blocks have room for follows the column width: word, end time, whole name, time under the mark', () => {
    const flags = (r: TextRoom) => (Object.keys(r) as (keyof TextRoom)[]).filter((k) => r[k])
    expect(blockRoom(null, true)).toEqual({ one: NARROW, two: NARROW })
    // Twelve chairs on 1366 px (~82 px): short names, no word, side-by-side blocks keep 72 px.
    expect(blockRoom(82, true)).toEqual({ one: NARROW, two: NARROW })
    // Five chairs and "Senza poltrona" on 1366 px (~160 px): the whole name and every state's word, no end time.
    expect(flags(blockRoom(160, true).one)).toEqual(['wide', 'wA', 'wB', 'wC'])
    // Wide columns: the end time too; two side by side: short names, the words of done and absent only.
    expect(flags(blockRoom(290, false).one)).toEqual(['wide', 'end', 'wA', 'wB', 'wC'])
    expect(flags(blockRoom(290, false).two)).toEqual(['wA'])
    // A column under 70 px (more chairs than fit): the start time goes under the state button (alone in it only).
    expect(blockRoom(64, true).one.tiny).toBe(true)
    expect(blockRoom(64, true).two.tiny).toBe(false)
    // The same room, the same object: a width that changes nothing the blocks show draws nothing again.
    expect(blockRoom(292, false)).toBe(blockRoom(290, false))
    expect(blockRoom(160, true)).not.toBe(blockRoom(290, false))
    // Which blocks use which: alone, two side by side, three or more (narrow).
    const r = blockRoom(290, false)
    expect([roomOf(r, 1), roomOf(r, 2), roomOf(r, 3)]).toEqual([r.one, r.two, NARROW])
    expect(['done', 'absent', 'confirmed', 'waiting', 'cancelled', 'in_care'].map((s) => wordFits(r.two, s))).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ])
  })
  it('names: the patient, the description of a block without one, null while the patient is read', () => {
    expect(nameOf(appt({ patientId: null, description: 'Riunione' }), data([]))).toBe('Riunione')
    expect(nameOf(appt({ patientId: null, description: '' }), data([]))).toBe('Nessun paziente')
    expect(nameOf(appt({ patientId: 99 }), data([]))).toBeNull()
  })
  it('all-day appointments sit in their column; those outside the hours span all, with their time', () => {
    const chips = chipItems(data([appt({ id: 2, allDay: true }), appt({ id: 3, date: '2026-03-11 21:00:00' })]))
    expect(chips).toEqual([
      expect.objectContaining({ id: 2, column: 0, label: 'Rossi Mario' }),
      expect.objectContaining({ id: 3, column: null, label: '21:00 Rossi Mario' }),
    ])
  })
})
