import { describe, expect, it } from 'vitest'
import type { Appointment } from '../../../../../shared/alfadocs/schemas'
import type { ChannelOutput } from '../../../../../shared/contract'
import { addDaysIso } from '../../../../../shared/dates'
import { useDemoApp } from '../../../../support/demo-app'

// The kept channels answer what the removed per-screen ones did: one patient's appointments through
// appointmentsRange, one patient's bills (by patient or by the patient's care plans) through billsList.

const TODAY = '2026-03-11'
const demo = useDemoApp('handlers', TODAY)
const call = demo.call

describe('one channel per question', () => {
  it("appointmentsRange with patientId answers only that patient's appointments, over up to a year", async () => {
    const from = addDaysIso(TODAY, -30)
    const all = await call<Appointment[]>('appointmentsRange', { from, to: TODAY })
    const patientId = all.find((a) => a.patientId != null)!.patientId!
    const mine = await call<Appointment[]>('appointmentsRange', { from, to: TODAY, patientId })
    expect(mine.length).toBeGreaterThan(0)
    expect(mine.map((a) => a.id).sort()).toEqual(
      all
        .filter((a) => a.patientId === patientId)
        .map((a) => a.id)
        .sort(),
    )
    const year = await call<Appointment[]>('appointmentsRange', { from: addDaysIso(TODAY, -365), to: TODAY, patientId })
    expect(year.every((a) => a.patientId === patientId)).toBe(true)
    expect(year.length).toBeGreaterThanOrEqual(mine.length)
  })

  it("billsList with patientId keeps the bills naming the patient or one of the patient's care plans, nothing else", async () => {
    const from = addDaysIso(TODAY, -365)
    const planBill = demo.sandbox.state.bills.find((b) => b.carePlanId != null && b.patientId != null && b.date.slice(0, 10) >= from)!
    const patientId = planBill.patientId!
    // A bill of the patient's care plan that does not name the patient (the reference only promises carePlanId).
    ;(planBill as { patientId: number | null }).patientId = null
    // The whole year of everyone's bills straight from the sandbox (through billsList it costs a request per open bill).
    const all = demo.sandbox.state.bills.filter((b) => b.date.slice(0, 10) >= from && b.date.slice(0, 10) <= TODAY)
    const plans = demo.sandbox.state.carePlans.filter((p) => p.patientId === patientId).map((p) => p.id)
    const expected = all.filter((b) => b.patientId === patientId || (b.carePlanId != null && plans.includes(b.carePlanId)))
    const out = await call<ChannelOutput<'billsList'>>('billsList', { from, to: TODAY, patientId })
    expect(out.bills.map((b) => b.id).sort()).toEqual(expected.map((b) => b.id).sort())
    expect(out.bills.map((b) => b.id)).toContain(planBill.id)
    // The bill that names only the care plan is the patient's in its summary too.
    const linked = out.bills.find((b) => b.id === planBill.id)!
    const p = demo.sandbox.state.patients.find((x) => x.id === patientId)!
    expect(linked).toMatchObject({ patientId, patientName: `${p.lastName} ${p.firstName}` })
    expect(out.bills.length).toBeLessThan(all.length)
    expect(out.totals.count).toBe(out.bills.length)
  }, 20_000)

  it('hands handlers the parsed input: defaults need not be sent', async () => {
    const page = await call<ChannelOutput<'patientsSearch'>>('patientsSearch', { text: '' })
    expect(page).toMatchObject({ offset: 0, limit: 20 })
    const slots = await call<unknown[]>('agendaFreeSlots', { from: TODAY, duration: 30 })
    expect(Array.isArray(slots)).toBe(true)
  })
})
