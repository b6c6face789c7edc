import { describe, expect, it } from 'vitest'
import type { Arrival } from '../../shared/contract/agenda'
import { useDemoApp } from '../support/demo-app'

// Arrivals from other desks, against the demo sandbox over real HTTP: another desk's PATCH is a change in the
// sandbox's data; this computer's own state changes are never announced back to it.

const TODAY = '2026-03-11'
const demo = useDemoApp('arrivals', TODAY)
const watcher = () => demo.app.services.agenda.arrivals!

describe('arrivals from other desks', () => {
  it('announces a patient marked waiting elsewhere once, by name; patients already waiting and our own changes are not', async () => {
    const first = await demo.call<{ seq: number; arrivals: Arrival[] }>('agendaArrivals', { after: 0, today: TODAY })
    expect(first).toEqual({ seq: 0, arrivals: [] })
    await watcher().poll()
    const today = demo.sandbox.state.appointments.filter((a) => a.date.startsWith(TODAY) && a.patientId != null && a.state === 'confirmed')
    const [elsewhere, ours] = [today[0]!, today[1]!]
    elsewhere.state = 'waiting' // another desk's PATCH
    await demo.call('agendaSetState', { id: ours.id, state: 'waiting', at: Date.now() })
    await watcher().poll()
    const got = await demo.call<{ seq: number; arrivals: Arrival[] }>('agendaArrivals', { after: 0, today: TODAY })
    expect(got.arrivals.map((a) => a.appointmentId)).toEqual([elsewhere.id])
    const p = demo.sandbox.state.patients.find((x) => x.id === elsewhere.patientId)!
    expect(got.arrivals[0]!.patientName).toBe(`${p.lastName} ${p.firstName}`)
    await watcher().poll()
    const again = await demo.call<{ seq: number; arrivals: Arrival[] }>('agendaArrivals', { after: got.seq, today: TODAY })
    expect(again.arrivals).toEqual([])
  })

  it('a read that fails changes nothing; the next one still sees the arrival', async () => {
    const { seq } = await demo.call<{ seq: number }>('agendaArrivals', { after: 0, today: TODAY })
    const next = demo.sandbox.state.appointments.find((a) => a.date.startsWith(TODAY) && a.patientId != null && a.state === 'confirmed')!
    demo.sandbox.faults.failNext('appointmentsList', 1, { status: 400 })
    next.state = 'waiting'
    await watcher().poll()
    await watcher().poll()
    const got = await demo.call<{ arrivals: Arrival[] }>('agendaArrivals', { after: seq, today: TODAY })
    expect(got.arrivals.map((a) => a.appointmentId)).toEqual([next.id])
  })

  it('refuses a malformed ask at the door', async () => {
    await expect(demo.call('agendaArrivals', { after: -1, today: TODAY })).rejects.toMatchObject({ kind: 'invalid' })
    await expect(demo.call('agendaArrivals', { after: 0, today: 'oggi' })).rejects.toMatchObject({ kind: 'invalid' })
  })
})
