import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { allocate } from '../../../../shared/billing/allocation'

const t = (billId: number, liabilityId: number, amount: number) => ({ billId, liabilityId, amount })

describe('allocation of one amount over several instalments', () => {
  it('pays each instalment in full before the next, across bills, the last one in part', () => {
    const a = allocate(12_000, [t(1, 11, 5_000), t(2, 21, 4_000), t(2, 22, 6_000)])
    expect(a.steps).toEqual([
      { billId: 1, liabilityId: 11, openCents: 5_000, amountCents: 5_000, remainingCents: 0 },
      { billId: 2, liabilityId: 21, openCents: 4_000, amountCents: 4_000, remainingCents: 0 },
      { billId: 2, liabilityId: 22, openCents: 6_000, amountCents: 3_000, remainingCents: 3_000 },
    ])
    expect(a.leftoverCents).toBe(0)
    expect(a.openCents).toBe(15_000)
  })

  it('an amount over everything open leaves a leftover; nothing-open instalments are skipped; a bad amount allocates nothing', () => {
    const a = allocate(10_001, [t(1, 11, 0), t(1, 12, 10_000)])
    expect(a.steps.map((s) => s.liabilityId)).toEqual([12])
    expect(a.leftoverCents).toBe(1)
    expect(allocate(0, [t(1, 11, 100)]).steps).toEqual([])
    expect(allocate(12.5, [t(1, 11, 100)]).steps).toEqual([])
  })

  it('never loses or invents a cent, never overpays an instalment, and keeps the order (any amounts)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 500_000 }), { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 1, max: 3_000_000 }),
        (amounts, amount) => {
          const targets = amounts.map((a, i) => t(1 + (i % 3), 100 + i, a))
          const r = allocate(amount, targets)
          const paid = r.steps.reduce((s, x) => s + x.amountCents, 0)
          expect(paid + r.leftoverCents).toBe(amount)
          expect(r.leftoverCents).toBe(Math.max(0, amount - r.openCents))
          for (const s of r.steps) {
            expect(s.amountCents).toBeGreaterThan(0)
            expect(s.amountCents + s.remainingCents).toBe(s.openCents)
            expect(Number.isInteger(s.amountCents)).toBe(true)
          }
          // Only the last step may be partial; the order is the targets' order.
          r.steps.slice(0, -1).forEach((s) => expect(s.remainingCents).toBe(0))
          const order = r.steps.map((s) => s.liabilityId)
          expect([...order].sort((a, b) => a - b)).toEqual(order)
        },
      ),
    )
  })
})
