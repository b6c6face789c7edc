import { describe, expect, it } from 'vitest'
import { contract } from '../../../../shared/contract'
import { seenAppointmentSchema, seenOf } from '../../../../shared/contract/agenda'
import { appointmentSchema } from '../../../../shared/alfadocs/schemas'

describe('agenda contract', () => {
  it("agendaUpdate's `seen` is a strict appointment: AlfaDocs' extra fields and odd ids are refused", () => {
    const fromApi = appointmentSchema.parse({
      id: 5,
      date: '2026-03-11 09:00:00',
      state: 'confirmed',
      duration: 30,
      colorId: 2,
      chairId: 1,
      createdThroughApi: true,
      carePlanId: 9,
      somethingNew: 'x',
    })
    expect(seenAppointmentSchema.safeParse(fromApi).success).toBe(false)
    const seen = seenOf(fromApi)
    expect(seenAppointmentSchema.parse(seen)).toEqual(seen)
    expect(Object.keys(seen)).not.toContain('somethingNew')
    expect(seenAppointmentSchema.safeParse({ ...seen, id: '5' }).success).toBe(false)
    expect(seenAppointmentSchema.safeParse({ ...seen, id: 5.5 }).success).toBe(false)
    expect(contract.agendaUpdate.input.safeParse({ seen, changes: { duration: 45 } }).success).toBe(true)
    expect(contract.agendaUpdate.input.safeParse({ seen, changes: { duration: 45, extra: 1 } }).success).toBe(false)
  })
})
