import { describe, expect, it } from 'vitest'
import { shallowRef } from 'vue'
import type { Patient } from '../../../../../../shared/alfadocs/schemas'
import { useWaitingRows } from '../../../../../../renderer/src/features/agenda/waiting-rows'
import { appt, patient } from '../../cache/fixtures'

// The waiting room's rows: worded, in order, and the same lists (identity) while what they say is the same.

const NOW = Date.parse('2026-03-11T12:40:00+01:00')
const t = (key: string, named?: Record<string, unknown>) => (named ? `${key}(${named.n})` : key)

function setup() {
  const appointments = shallowRef([
    appt(1, '2026-03-11 12:00:00', 7, { state: 'waiting' }),
    appt(2, '2026-03-11 11:30:00', 8, { state: 'waiting' }),
    appt(3, '2026-03-11 12:20:00', 9, { state: 'confirmed' }),
    appt(4, '2026-03-11 12:10:00', null, { state: 'confirmed', description: 'Riunione' }),
  ])
  const patients = shallowRef<ReadonlyMap<number, Patient>>(
    new Map(
      [7, 8, 9].map((id) => [id, { ...patient(id, `Cognome${id}`, { firstName: 'Anna' }), _allergie: id === 9 ? 'Penicillina' : '' }]),
    ),
  )
  const waiting = shallowRef<ReadonlyMap<number, number>>(new Map([[1, NOW - 25 * 60_000]]))
  const late = shallowRef<ReadonlyMap<number, number>>(
    new Map([
      [3, 20],
      [4, 30],
    ]),
  )
  const now = shallowRef(NOW)
  const { rows, lateRows } = useWaitingRows({
    appointments: () => appointments.value,
    late: () => late.value,
    patients: () => patients.value,
    waiting: () => waiting.value,
    warnMinutes: () => 20,
    nowMs: () => now.value,
    alertOf: (p) => String((p as Record<string, unknown> | undefined)?._allergie ?? ''),
    t,
  })
  return { appointments, patients, waiting, late, now, rows, lateRows }
}

describe('waiting-room rows', () => {
  it('words who waits (longest first, unknown since last) and who is late (latest first)', () => {
    const { rows, lateRows } = setup()
    expect(rows.value).toEqual([
      { id: 1, name: 'Cognome7 Anna', alert: '', time: '12:00', status: 'agenda.waitedFor(25)', warn: true },
      { id: 2, name: 'Cognome8 Anna', alert: '', time: '11:30', status: '—', warn: false },
    ])
    expect(lateRows.value).toEqual([
      { id: 4, name: 'Riunione', alert: '', time: '12:10 · agenda.flow.lateFor(30)', warn: false },
      { id: 3, name: 'Cognome9 Anna', alert: 'Penicillina', time: '12:20 · agenda.flow.lateFor(20)', warn: false },
    ])
  })

  it('keeps both lists while a new patients map (a day switch) or a tick says the same; a change gives new ones', () => {
    const { patients, now, rows, lateRows } = setup()
    const [waitingBefore, lateBefore] = [rows.value, lateRows.value]
    patients.value = new Map([...patients.value].map(([id, p]) => [id, { ...p }]))
    now.value = NOW + 20_000
    expect(rows.value).toBe(waitingBefore)
    expect(lateRows.value).toBe(lateBefore)
    // A minute later the wait reads differently; a renamed patient too.
    now.value = NOW + 60_000
    expect(rows.value).not.toBe(waitingBefore)
    expect(rows.value[0]!.status).toBe('agenda.waitedFor(26)')
    patients.value = new Map([...patients.value].map(([id, p]) => [id, id === 9 ? { ...p, lastName: 'Nuovo' } : p]))
    expect(lateRows.value).not.toBe(lateBefore)
    expect(lateRows.value[1]!.name).toBe('Nuovo Anna')
  })
})
