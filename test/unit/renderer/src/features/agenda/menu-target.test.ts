import { shallowRef } from 'vue'
import { describe, expect, it } from 'vitest'
import type { Appointment } from '../../../../../../shared/alfadocs/schemas'
import { useMenuTarget } from '../../../../../../renderer/src/features/agenda/menu-target'

const appt = (id: number, patientId: number | null, state = 'waiting') =>
  ({ id, patientId, carePlanId: null, state }) as unknown as Appointment

describe('the appointment a block menu is open for', () => {
  // The agenda's appointments, replaced whole as a refresh or an open of other days does.
  const shown = shallowRef<Appointment[]>([])
  const target = useMenuTarget(() => new Map(shown.value.map((a) => [a.id, a])))

  it('follows the agenda while it holds the appointment, and keeps what the menu showed once the agenda dropped it', () => {
    shown.value = [appt(1, 10), appt(2, 20)]
    target.open(2)
    expect(target.appointment.value).toMatchObject({ id: 2, patientId: 20, state: 'waiting' })
    // A refresh lands: the newer copy.
    shown.value = [appt(1, 10), appt(2, 20, 'in_care')]
    expect(target.appointment.value).toMatchObject({ id: 2, state: 'in_care' })
    // The agenda's appointments replaced without it (another range opened, a refresh of other days): the menu
    // still acts on the patient it showed.
    shown.value = []
    expect(target.appointment.value).toMatchObject({ id: 2, patientId: 20 })
  })

  it('a menu opened on an appointment the agenda does not hold knows none (the action says so)', () => {
    shown.value = [appt(1, 10)]
    target.open(3)
    expect(target.appointment.value).toBeNull()
    target.open(1)
    expect(target.appointment.value).toMatchObject({ id: 1, patientId: 10 })
  })
})
