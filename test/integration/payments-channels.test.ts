import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { ChannelOutput } from '../../shared/contract'
import { TODAY } from './payments-fixtures'
import { useDemoApp } from '../support/demo-app'

// The billing channels exactly as the renderer calls them (validated input and output), on the demo practice.

const demo = useDemoApp('payments-channels', TODAY)
const call = demo.call

describe('billing channels', () => {
  it('lists bills over any range (split into 31-day windows) with totals, filtered by type and direction', async () => {
    // 46 days: two windows (every unpaid bill costs one more read for its summary, so no longer).
    const all = (await call('billsList', { from: '2026-01-25', to: TODAY })) as ChannelOutput<'billsList'>
    expect(all.bills.length).toBeGreaterThan(10)
    expect(all.totals.count).toBe(all.bills.length)
    expect(all.totals.netCents).toBe(all.bills.reduce((s, b) => s + Math.round(b.net * 100), 0))
    const out = (await call('billsList', {
      from: '2026-01-25',
      to: TODAY,
      direction: 'outgoing',
      type: 'full',
    })) as ChannelOutput<'billsList'>
    expect(out.bills.length).toBeGreaterThan(0)
    expect(out.bills.every((b) => b.direction === 'outgoing' && b.type === 'full')).toBe(true)
    const bad = await demo.app.invoke('billsList', { from: '2026-13-01', to: TODAY })
    expect(bad).toMatchObject({ ok: false, error: { kind: 'invalid' } })
  })

  it('records a payment, shows it on the bill and in the day’s takings; the same key again is the same payment', async () => {
    const { bills } = (await call('billsList', { from: '2026-01-10', to: TODAY, direction: 'incoming' })) as ChannelOutput<'billsList'>
    let detail: ChannelOutput<'billDetail'> | undefined
    for (const b of bills) {
      const d = (await call('billDetail', { billId: b.id })) as ChannelOutput<'billDetail'>
      if (d.liabilities.length > 0) {
        detail = d
        break
      }
    }
    expect(detail, 'a bill with an open liability').toBeDefined()
    const l = detail!.liabilities[0]!
    const ref = (await call('billingReference')) as ChannelOutput<'billingReference'>
    const pt = ref.paymentTypes.find((p) => !p.deleted)!
    const acc = ref.accounts.find((a) => !a.deleted)!
    const before = (await call('takingsDay', { date: TODAY })) as ChannelOutput<'takingsDay'>
    const input = {
      key: randomUUID(),
      billId: detail!.bill.id,
      liabilityId: l.id,
      amountCents: 1000,
      date: TODAY,
      paymentTypeId: pt.id,
      accountId: acc.id,
      sistemaTsExpenseType: 'sp',
      relatedToInsurance: false,
    }
    const [a, b] = await Promise.all([call('paymentRecord', input), call('paymentRecord', input)])
    expect(a).toMatchObject({ state: 'done', totalCents: 1000 })
    expect((b as { key: string }).key).toBe(input.key)
    const after = (await call('billDetail', { billId: detail!.bill.id })) as ChannelOutput<'billDetail'>
    expect(after.transactions.length).toBe(detail!.transactions.length + 1)
    expect(Math.round(after.liabilities.find((x) => x.id === l.id)!.amount * 100)).toBe(Math.round(l.amount * 100) - 1000)
    const takings = (await call('takingsDay', { date: TODAY })) as ChannelOutput<'takingsDay'>
    expect(takings.totalCents).toBe(before.totalCents + 1000)
    expect(takings.byPaymentType.reduce((s, g) => s + g.totalCents, 0)).toBe(takings.totalCents)
    expect(takings.byAccount.reduce((s, g) => s + g.totalCents, 0)).toBe(takings.totalCents)
    expect(await call('paymentsUnfinished')).toEqual({ payments: [], notices: [] })
    expect(await call('paymentGet', { key: input.key })).toMatchObject({ state: 'done' })
  })
})
