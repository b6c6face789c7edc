import { randomUUID } from 'node:crypto'
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CHECKOUT_DEMO } from '../../electron/sandbox/seed/billing'
import { DAY_CLOSE_DIR } from '../../electron/main/services/billing/day-close'
import type { ChannelOutput } from '../../shared/contract'
import { addDaysIso } from '../../shared/dates'
import { TODAY } from './payments-fixtures'
import { useDemoApp } from '../support/demo-app'

// Checkout (issue 12) through main's door on the demo practice: the balance everywhere, the appointment's
// treatments, one amount over several instalments across bills, takings with names, the day close.

const demo = useDemoApp('billing-checkout', TODAY)
const call = demo.call
const CASH = 31001
const BANCOMAT = 31002
const CASSA = 33961

/** The seed's checkout patient: today's appointment with the demo care plan, its two bills. */
function checkoutPatient() {
  const s = demo.sandbox.state
  const plan = s.carePlans.find((p) => p.name === CHECKOUT_DEMO.planName)!
  const appointment = s.appointments.find((a) => a.carePlanId === plan.id)!
  const bills = s.bills.filter((b) => b.carePlanId === plan.id)
  const patient = s.patients.find((p) => p.id === plan.patientId)!
  return { plan, appointment, bills, patient, name: `${patient.lastName} ${patient.firstName}` }
}

describe('checkout channels', () => {
  it('bills carry the patient (their own, or through the care plan), total, paid, remaining and status', async () => {
    const { bills, patient, name } = checkoutPatient()
    const named = bills.find((b) => b.patientId === patient.id)!
    const viaPlan = bills.find((b) => b.patientId === null)!
    expect(viaPlan, 'a demo bill that names only its care plan').toBeDefined()
    const out = (await call('billsList', {
      from: addDaysIso(TODAY, -90),
      to: TODAY,
      patientId: patient.id,
      today: TODAY,
    })) as ChannelOutput<'billsList'>
    const a = out.bills.find((b) => b.id === named.id)!
    const b = out.bills.find((x) => x.id === viaPlan.id)!
    // A: 6 002 € (6 000 + stamp), 2 000 € paid, 2 001 € overdue and 2 001 € later.
    expect(a).toMatchObject({
      patientId: patient.id,
      patientName: name,
      total: 600200,
      paid: 200000,
      remaining: 400200,
      overdue: 200100,
      status: 'overdue',
    })
    // B: 300 €, nothing paid, 150 € due today (not overdue) and 150 € later.
    expect(b).toMatchObject({
      patientId: patient.id,
      patientName: name,
      total: 30000,
      paid: 0,
      remaining: 30000,
      overdue: 0,
      status: 'due',
    })
    expect(b.nextDueDate).toBe(TODAY)
    // The bill page has the same summary; the status filter keeps only that status.
    const d = (await call('billDetail', { billId: viaPlan.id, today: TODAY })) as ChannelOutput<'billDetail'>
    expect(d.bill).toMatchObject({ patientId: patient.id, patientName: name, remaining: 30000, status: 'due' })
    const overdue = (await call('billsList', {
      from: addDaysIso(TODAY, -90),
      to: TODAY,
      patientId: patient.id,
      status: 'overdue',
      today: TODAY,
    })) as ChannelOutput<'billsList'>
    expect(overdue.bills.map((x) => x.id)).toEqual([named.id])
    expect(overdue.totals.count).toBe(1)
  })

  it("the patient's balance lists the open instalments across both bills, oldest due first, and the appointment's treatments", async () => {
    const { appointment, patient, bills } = checkoutPatient()
    const bal = (await call('patientBalance', { patientId: patient.id, today: TODAY })) as ChannelOutput<'patientBalance'>
    expect(bal).toMatchObject({ patientId: patient.id, open: 430200, overdue: 200100, today: TODAY, cashTodayByBill: {} })
    expect(bal.instalments.map((i) => [i.date, i.amount, i.overdue])).toEqual([
      [addDaysIso(TODAY, -10), 200100, true],
      [TODAY, 15000, false],
      [addDaysIso(TODAY, 20), 200100, false],
      [addDaysIso(TODAY, 30), 15000, false],
    ])
    expect(new Set(bal.instalments.map((i) => i.billId))).toEqual(new Set(bills.map((b) => b.id)))
    const treatments = (await call('appointmentTreatments', {
      appointmentId: appointment.id,
      patientId: patient.id,
    })) as ChannelOutput<'appointmentTreatments'>
    expect(treatments.map((t) => [t.label, t.price, t.done])).toEqual(CHECKOUT_DEMO.treatments.map(([l, p, d]) => [l, p * 100, d]))
  })

  it('one amount over several instalments across bills through the door: each step once, the takings name the patient', async () => {
    const { patient, name } = checkoutPatient()
    const bal = (await call('patientBalance', { patientId: patient.id, today: TODAY })) as ChannelOutput<'patientBalance'>
    const before = (await call('takingsDay', { date: TODAY })) as ChannelOutput<'takingsDay'>
    // 2 001 € overdue on A, then 150 € due today on B, then 49 € on A's next: three steps, two bills.
    const input = {
      key: randomUUID(),
      patientId: patient.id,
      amountCents: 200100 + 15000 + 4900,
      instalments: bal.instalments.map((i) => ({ billId: i.billId, liabilityId: i.liabilityId })),
      date: TODAY,
      paymentTypeId: BANCOMAT,
      accountId: CASSA,
      sistemaTsExpenseType: 'sp',
      relatedToInsurance: false,
    }
    const [v, again] = (await Promise.all([call('paymentsRecordMany', input), call('paymentsRecordMany', input)])) as Array<
      ChannelOutput<'paymentsRecordMany'>
    >
    expect(v).toMatchObject({ state: 'done', patientId: patient.id, totalCents: 220000 })
    expect(again!.key).toBe(input.key)
    expect(v!.steps.map((s) => [s.billId, s.amountCents, s.remainingCents, s.state])).toEqual([
      [bal.instalments[0]!.billId, 200100, 0, 'settled'],
      [bal.instalments[1]!.billId, 15000, 0, 'settled'],
      [bal.instalments[2]!.billId, 4900, 195200, 'settled'],
    ])
    const after = (await call('patientBalance', { patientId: patient.id, today: TODAY })) as ChannelOutput<'patientBalance'>
    expect(after).toMatchObject({ open: 430200 - 220000, overdue: 0 })
    const takings = (await call('takingsDay', { date: TODAY })) as ChannelOutput<'takingsDay'>
    expect(takings.totalCents).toBe(before.totalCents + 220000)
    const mine = takings.transactions.filter((t) => v!.steps.some((s) => s.txId === t.id))
    expect(mine.map((t) => t.patientName)).toEqual([name, name, name])
    expect(mine.every((t) => t.patientId === patient.id)).toBe(true)
  })

  it('refuses €5 000 or more in cash at the door (cash-limit), on one payment and on several instalments', async () => {
    const { patient, bills } = checkoutPatient()
    const bal = (await call('patientBalance', { patientId: patient.id, today: TODAY })) as ChannelOutput<'patientBalance'>
    const common = { date: TODAY, paymentTypeId: CASH, accountId: CASSA, sistemaTsExpenseType: 'sp', relatedToInsurance: false }
    const many = {
      ...common,
      key: randomUUID(),
      patientId: patient.id,
      amountCents: 500000,
      instalments: bal.instalments.map((i) => ({ billId: i.billId, liabilityId: i.liabilityId })),
    }
    await expect(call('paymentsRecordMany', many)).rejects.toMatchObject({ kind: 'invalid', code: 'cash-limit' })
    const one = {
      ...common,
      key: randomUUID(),
      billId: bal.instalments[0]!.billId,
      liabilityId: bal.instalments[0]!.liabilityId,
      amountCents: 500000,
      spread: true,
    }
    await expect(call('paymentRecord', one)).rejects.toMatchObject({ kind: 'invalid', code: 'cash-limit' })
    const txs = demo.sandbox.state.transactions.filter((t) => bills.some((b) => b.id === t.billId) && t.paymentTypeId === CASH)
    expect(txs).toEqual([])
  })

  it('the day close: takings by type and account, counted cash and difference, kept per practice and day in a durable file', async () => {
    const empty = (await call('dayCloseGet', { date: TODAY })) as ChannelOutput<'dayCloseGet'>
    expect(empty).toMatchObject({ date: TODAY, countedCash: null, difference: null, note: null, savedAt: null })
    const takings = (await call('takingsDay', { date: TODAY })) as ChannelOutput<'takingsDay'>
    expect(empty.totalCents).toBe(takings.totalCents)
    expect(empty.byType).toEqual(takings.byPaymentType)
    expect(empty.byAccount).toEqual(takings.byAccount)
    expect(empty.expectedCash).toBe(takings.byPaymentType.find((g) => g.id === CASH)?.totalCents ?? 0)
    const saved = (await call('dayCloseSave', {
      date: TODAY,
      countedCash: empty.expectedCash + 250,
      note: ' 2,50 € in più ',
    })) as ChannelOutput<'dayCloseSave'>
    expect(saved).toMatchObject({
      countedCash: empty.expectedCash + 250,
      difference: 250,
      note: '2,50 € in più',
      savedExpectedCash: empty.expectedCash,
    })
    expect(saved.savedAt).not.toBeNull()
    expect(await call('dayCloseGet', { date: TODAY })).toEqual(saved)
    // On disk, one file per practice and day.
    const me = demo.sandbox.state.practice
    const dir = join(demo.dataDir, DAY_CLOSE_DIR, `${me.practiceId}-${me.archiveId}`)
    expect(await readdir(dir)).toEqual([`${TODAY}.json`])
    expect(JSON.parse(await readFile(join(dir, `${TODAY}.json`), 'utf8'))).toMatchObject({
      date: TODAY,
      countedCash: empty.expectedCash + 250,
    })
    // Another day has its own close.
    expect(await call('dayCloseGet', { date: addDaysIso(TODAY, -1) })).toMatchObject({ countedCash: null })
    await expect(call('dayCloseSave', { date: TODAY, countedCash: -1 })).rejects.toMatchObject({ kind: 'invalid' })
  })
})
