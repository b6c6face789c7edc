import { describe, expect, it } from 'vitest'
import type { Appointment, Color, Operator, Patient } from '../../../../../../shared/alfadocs/schemas'
import { layoutDay } from '../../../../../../shared/agenda/layout'
import { blockItems, chipItems, nameOf, STATE_MARK, type GridData } from '../../../../../../renderer/src/features/agenda/grid-items'
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
      time: '09:00–09:30',
      name: 'Rossi Mario',
      desc: 'Igiene · Dr. Bianchi',
      state: 'confirmed',
      mark: STATE_MARK.confirmed,
      canNext: true,
    })
    expect(b!.style).toContain('background:#112233;color:#ffffff')
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
