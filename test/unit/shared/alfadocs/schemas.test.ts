import { describe, expect, it } from 'vitest'
import { appointmentSchema, liabilitySchema, patientSchema } from '../../../../shared/alfadocs/schemas'

describe('lenient AlfaDocs schemas', () => {
  it('accept objects that omit optional keys and normalise them', () => {
    const a = appointmentSchema.parse({ id: '5', date: '2026-03-10 09:00:00', state: 'confirmed' })
    expect(a).toMatchObject({ id: 5, patientId: null, chairId: null, duration: 0, description: '', allDay: false, firstVisit: false })
  })
  it('read numbers and booleans sent as strings, and keep extra fields', () => {
    const a = appointmentSchema.parse({
      id: 1,
      date: '2026-03-10 09:00:00',
      state: 'done',
      duration: '45',
      allDay: 'false',
      smsReminder: 'true',
      firstVisit: 'yes',
      colorId: '3',
      recurrenceCount: 2,
    })
    expect(a).toMatchObject({ duration: 45, allDay: false, smsReminder: true, firstVisit: true, colorId: 3, recurrenceCount: 2 })
    expect(liabilitySchema.parse({ id: 1, billId: '2', date: '2026-01-01', amount: '12.23' }).amount).toBe(12.23)
  })
  it('take dateBirth or dateOfBirth, PHP zero dates as null, and custom fields as they come', () => {
    expect(patientSchema.parse({ id: 1, firstName: 'Mario', lastName: 'Rossi', dateBirth: '1980-02-03' }).dateOfBirth).toBe('1980-02-03')
    expect(patientSchema.parse({ id: 1, firstName: 'A', lastName: 'B', dateOfBirth: '1990-01-01' }).dateOfBirth).toBe('1990-01-01')
    const p = patientSchema.parse({ id: 2, firstName: 'A', lastName: 'B', dateBirth: '-0001-11-30', _allergie: 'Lattice' })
    expect(p.dateOfBirth).toBeNull()
    expect(p).not.toHaveProperty('dateBirth')
    expect((p as Record<string, unknown>)['_allergie']).toBe('Lattice')
  })
  it('refuse what is not a number where one is needed, with the field named', () => {
    const r = liabilitySchema.safeParse({ id: 1, billId: 2, date: '2026-01-01', amount: 'dodici' })
    expect(r.success).toBe(false)
    expect(r.error!.issues[0]!.path).toEqual(['amount'])
  })
})
