import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Appointment, FreeSlot, Patient } from '../../shared/alfadocs/schemas'
import { seenOf, type UpdateResult } from '../../shared/contract/agenda'
import { quickPatientDraft } from '../../shared/contract/patients'
import { useDemoApp } from '../support/demo-app'

// The agenda's channels against the demo sandbox over real HTTP, through the same invoke Electron uses.

const TODAY = '2026-03-11'
const demo = useDemoApp('agenda', TODAY)
const call = demo.call

const dayAppointments = () => call<Appointment[]>('appointmentsRange', { from: TODAY, to: TODAY })

describe('agenda channels against the sandbox', () => {
  it('marks a patient waiting, remembers since when on disk, and forgets it when called in', async () => {
    const a = (await dayAppointments()).find((x) => x.state === 'confirmed' && x.patientId != null)!
    const r = await call<{ appointment: Appointment; waiting: { since: number } | null }>('agendaSetState', { id: a.id, state: 'waiting' })
    expect(r.appointment.state).toBe('waiting')
    expect(r.appointment.date).toBe(a.date)
    expect(r.waiting?.since).toBeTypeOf('number')
    const onDisk = JSON.parse(await readFile(join(demo.dataDir, 'agenda-waiting.json'), 'utf8')) as Record<string, number>
    expect(onDisk[String(a.id)]).toBe(r.waiting!.since)
    expect(await call('agendaWaiting', { ids: [a.id] })).toEqual([{ appointmentId: a.id, since: r.waiting!.since }])

    const again = await call<{ waiting: { since: number } | null }>('agendaSetState', { id: a.id, state: 'waiting' })
    expect(again.waiting?.since).toBe(r.waiting!.since)
    await call('agendaSetState', { id: a.id, state: 'in_care' })
    expect(await call('agendaWaiting', { ids: [a.id] })).toEqual([])
    const after = (await dayAppointments()).find((x) => x.id === a.id)!
    expect(after.state).toBe('in_care')
  })

  it('moves an appointment when nobody changed it, and answers conflict (writing nothing) when someone did', async () => {
    const list = await dayAppointments()
    const a = list.find((x) => !x.allDay && x.chairId != null && x.state === 'confirmed')!
    const moved = await call<UpdateResult>('agendaUpdate', { seen: seenOf(a), changes: { date: `${TODAY} 18:00:00`, duration: 25 } })
    expect(moved.status).toBe('saved')
    if (moved.status !== 'saved') return
    expect(moved.appointment).toMatchObject({ date: `${TODAY} 18:00:00`, duration: 25, colorId: a.colorId })

    // `a` is now stale: another desk (us, a moment ago) moved it.
    const stale = await call<UpdateResult>('agendaUpdate', { seen: seenOf(a), changes: { date: `${TODAY} 08:05:00` } })
    expect(stale.status).toBe('conflict')
    if (stale.status !== 'conflict') return
    expect(stale.changes.map((c) => c.field)).toEqual(['date', 'duration'])
    expect((await dayAppointments()).find((x) => x.id === a.id)!.date).toBe(`${TODAY} 18:00:00`)

    const forced = await call<UpdateResult>('agendaUpdate', { seen: seenOf(a), changes: { date: `${TODAY} 08:05:00` }, force: true })
    expect(forced.status).toBe('saved')
    expect((await dayAppointments()).find((x) => x.id === a.id)).toMatchObject({ date: `${TODAY} 08:05:00`, duration: 25 })
  })

  it('books an appointment, with a new patient, and finds free slots and patients by name', async () => {
    // The booking dialog's quick patient goes through the one patient create; its name search is the one search box.
    const draft = quickPatientDraft({ firstName: 'Ottavio', lastName: 'Zzagenda', phone: '+39 333 1234567' })
    const patient = await call<Patient>('patientCreate', { draft })
    expect(patient.phoneNumbers[0]).toMatchObject({ prefix: '+39', number: '3331234567', smsEnabled: true })
    const search = async (text: string) =>
      (await call<{ results: Patient[] }>('patientsSearch', { text, limit: 15 })).results.map((p) => p.id)
    expect(await search('zzag')).toEqual([patient.id])
    expect(await search('Zzagenda Ottavio')).toEqual([patient.id])
    expect(await search('Ottavio Zzagenda')).toEqual([patient.id])

    const slots = await call<FreeSlot[]>('agendaFreeSlots', { from: '2026-03-16', duration: 30 })
    expect(slots.length).toBeGreaterThan(0)
    expect(slots.every((s) => s.date >= '2026-03-16' && s.date <= '2026-03-29')).toBe(true)
    const slot = slots[0]!
    const ref = await call<{ colors: Array<{ id: number }> }>('referenceData')
    const created = await call<Appointment>('agendaCreate', {
      date: `${slot.date} ${slot.time}`,
      duration: 30,
      colorId: ref.colors[0]!.id,
      chairId: slot.chairId,
      operatorId: slot.operatorId,
      patientId: patient.id,
      description: 'Prima visita',
      type: 'inPractice',
      smsReminder: true,
    })
    expect(created).toMatchObject({ patientId: patient.id, chairId: slot.chairId, duration: 30, smsReminder: true })
    const again = await call<FreeSlot[]>('agendaFreeSlots', { from: '2026-03-16', duration: 30 })
    expect(again.some((s) => s.date === slot.date && s.time === slot.time && s.chairId === slot.chairId)).toBe(false)
  })

  it('lists booking reasons with their durations', async () => {
    const data = await call<{ bookingReasons: Array<{ description: string; duration: number | null }> }>('agendaBookingData')
    expect(data.bookingReasons.find((r) => r.description === 'Igiene professionale')?.duration).toBe(45)
  })
})
