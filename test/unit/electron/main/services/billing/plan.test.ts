import { describe, expect, it } from 'vitest'
import type { Liability } from '../../../../../../shared/alfadocs/schemas'
import { planSteps } from '../../../../../../electron/main/services/billing/plan'
import { toCents, toEuros } from '../../../../../../electron/main/services/billing/money'

const L = (id: number, date: string, amount: number, ts = 'sp'): Liability => ({
  id,
  billId: 1,
  date,
  amount,
  createdAt: null,
  relatedToInsurance: false,
  sistemaTsExpenseType: ts,
})
const bill = [L(3, '2026-05-10', 100), L(1, '2026-03-10', 100.1), L(2, '2026-04-10', 100, 'ad')]

describe('payment plan', () => {
  it('pays one liability in full or in part', () => {
    expect(planSteps({ liabilityId: 1, amountCents: 10010, sistemaTsExpenseType: 'sp', spread: false }, bill)).toMatchObject([
      { liabilityId: 1, liabilityCents: 10010, amountCents: 10010, state: 'intent' },
    ])
    expect(planSteps({ liabilityId: 2, amountCents: 4000, sistemaTsExpenseType: 'tk', spread: false }, bill)).toMatchObject([
      { liabilityId: 2, liabilityCents: 10000, amountCents: 4000, sistemaTsExpenseType: 'tk' },
    ])
  })

  it('refuses more than the liability unless spread, and more than the whole bill always', () => {
    expect(() => planSteps({ liabilityId: 1, amountCents: 10011, sistemaTsExpenseType: 'sp', spread: false }, bill)).toThrow(
      /more than this instalment/,
    )
    expect(() => planSteps({ liabilityId: 1, amountCents: 30011, sistemaTsExpenseType: 'sp', spread: true }, bill)).toThrow(
      /everything still open/,
    )
    expect(() => planSteps({ liabilityId: 1, amountCents: 0, sistemaTsExpenseType: 'sp', spread: false }, bill)).toThrow(
      /greater than zero/,
    )
    expect(() => planSteps({ liabilityId: 9, amountCents: 100, sistemaTsExpenseType: 'sp', spread: false }, bill)).toThrow(/no longer open/)
  })

  it('names each refusal with a code the desk words on its own', () => {
    const codeOf = (amountCents: number, liabilityId = 1, spread = false) => {
      try {
        planSteps({ liabilityId, amountCents, sistemaTsExpenseType: 'sp', spread }, bill)
        return null
      } catch (e) {
        return (e as { code?: string }).code
      }
    }
    expect(codeOf(10011)).toBe('amount-over-instalment')
    expect(codeOf(30011, 1, true)).toBe('amount-over-bill')
    expect(codeOf(0)).toBe('amount-not-positive')
    expect(codeOf(100, 9)).toBe('instalment-closed')
  })

  it('spreads over the next liabilities oldest due first, each with its own Sistema TS type', () => {
    const steps = planSteps({ liabilityId: 1, amountCents: 25010, sistemaTsExpenseType: 'sp', spread: true }, bill)
    expect(steps.map((s) => [s.liabilityId, s.amountCents, s.sistemaTsExpenseType])).toEqual([
      [1, 10010, 'sp'],
      [2, 10000, 'ad'],
      [3, 5000, 'sp'],
    ])
  })

  it('converts euros and cents without float drift', () => {
    expect(toCents(0.1 + 0.2)).toBe(30)
    expect(toCents(Number('12.23'))).toBe(1223)
    expect(toEuros(1223)).toBe(12.23)
    expect(toEuros(10)).toBe(0.1)
  })
})
