import { describe, expect, it } from 'vitest'
import { appointmentSchema, chairSchema, operatorSchema } from '../../../shared/alfadocs/schemas'
import { buildDaySheet, formatDaySheetCsv, formatDaySheetText } from '../../../shared/day-sheet'

const chairs = [
  { id: 1, name: 'Poltrona 1', deleted: false },
  { id: 2, name: 'Poltrona 2', deleted: false },
  { id: 3, name: 'Vecchia', deleted: true },
  { id: 4, name: 'Dismessa con storia', deleted: 'true' },
].map((c) => chairSchema.parse(c))
const operators = [{ id: 7, name: 'Dott.ssa Bianchi' }].map((o) => operatorSchema.parse(o))
const appt = (o: Record<string, unknown>) =>
  appointmentSchema.parse({ state: 'confirmed', description: 'Controllo', duration: '30', colorId: 1, ...o })

describe('buildDaySheet', () => {
  const sheet = buildDaySheet({
    date: '2026-03-10',
    chairs,
    operators,
    appointments: [
      appt({ id: 11, date: '2026-03-10 11:00:00', chairId: 1, patientId: 100, operatorId: 7 }),
      appt({ id: 10, date: '2026-03-10 09:15:00', chairId: 1, patientId: 101, state: 'waiting', duration: 45 }),
      appt({ id: 12, date: '2026-03-10 23:45:00', chairId: 2, patientId: null, description: 'Manutenzione', duration: 30 }),
      appt({ id: 13, date: '2026-03-11 09:00:00', chairId: 2, patientId: 100 }),
      appt({ id: 14, date: '2026-03-10 08:00:00', chairId: 4, patientId: 999 }),
    ],
    patients: new Map([
      [100, { firstName: 'Mario', lastName: 'Rossi' }],
      [101, { firstName: 'Nicolò', lastName: "D'Angelo" }],
    ]),
  })

  it('lists chairs in order, dropping deleted chairs that hold nothing', () => {
    expect(sheet.chairs.map((c) => c.name)).toEqual(['Poltrona 1', 'Poltrona 2', 'Dismessa con storia'])
  })

  it('puts the day’s appointments in time order with names, operator and end time', () => {
    expect(sheet.chairs[0]!.appointments).toEqual([
      {
        id: 10,
        start: '09:15',
        end: '10:00',
        patient: "D'Angelo Nicolò",
        operator: null,
        state: 'waiting',
        description: 'Controllo',
        blocked: false,
      },
      {
        id: 11,
        start: '11:00',
        end: '11:30',
        patient: 'Rossi Mario',
        operator: 'Dott.ssa Bianchi',
        state: 'confirmed',
        description: 'Controllo',
        blocked: false,
      },
    ])
    expect(sheet.chairs[1]!.appointments).toEqual([
      // Time blocked on the chair (no patient): its reason is the description.
      {
        id: 12,
        start: '23:45',
        end: '24:00',
        patient: null,
        operator: null,
        state: 'confirmed',
        description: 'Manutenzione',
        blocked: true,
      },
    ])
    expect(sheet.chairs[2]!.appointments[0]!.patient).toBeNull() // unknown patient id
  })

  it('formats as text and as CSV with quoting', () => {
    const text = formatDaySheetText(sheet, 'Studio Demo')
    expect(text).toContain('Studio Demo — Foglio del giorno 2026-03-10')
    expect(text).toMatch(/09:15–10:00 {2}D'Angelo Nicolò/)
    expect(text).toContain('In attesa')
    // A blocked time says so, with no state word (AlfaDocs keeps one, meaningless here).
    const blockedLine = text.split('\n').find((l) => l.includes('Manutenzione'))!
    expect(blockedLine).toMatch(/23:45–24:00 {2}Orario bloccato/)
    expect(blockedLine).not.toContain('Confermato')
    expect(formatDaySheetCsv({ date: '2026-03-10', chairs: [sheet.chairs[1]!] }).split('\r\n')[1]).toBe(
      '2026-03-10;Poltrona 2;23:45;24:00;;;blocked;Manutenzione;12',
    )
    const csv = formatDaySheetCsv({
      date: '2026-03-10',
      chairs: [{ id: 1, name: 'P;1', appointments: [sheet.chairs[0]!.appointments[1]!] }],
    })
    expect(csv.split('\r\n')[1]).toBe('2026-03-10;"P;1";11:00;11:30;Rossi Mario;Dott.ssa Bianchi;confirmed;Controllo;11')
  })
})
