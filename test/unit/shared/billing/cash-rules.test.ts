import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CASH_LIMIT_CENTS, checkCash, isCardPaymentType, isCashPaymentType } from '../../../../shared/billing/cash-rules'

describe('cash rules', () => {
  it('the limit is €4 999,99: €5 000 in cash is refused, one cent less is not; other types are never refused', () => {
    expect(CASH_LIMIT_CENTS).toBe(500_000)
    const base = { cash: true, billIds: [1], cashTodayByBill: {} }
    expect(checkCash({ ...base, amountCents: 499_999 }).refused).toBe(false)
    expect(checkCash({ ...base, amountCents: 500_000 }).refused).toBe(true)
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000_000 }), (amountCents) => {
        expect(checkCash({ ...base, amountCents }).refused).toBe(amountCents >= CASH_LIMIT_CENTS)
        expect(checkCash({ ...base, cash: false, amountCents }).refused).toBe(false)
      }),
    )
  })

  it('warns of a split when one of the bills already had cash today, naming those bills and what they took', () => {
    const c = checkCash({ cash: true, amountCents: 300_000, billIds: [1, 2, 2, 3], cashTodayByBill: { '2': 250_000, '3': 0, '9': 100 } })
    expect(c).toEqual({ refused: false, splitWarning: true, splitBills: [2], cashTodayCents: 250_000 })
    expect(checkCash({ cash: true, amountCents: 100, billIds: [1], cashTodayByBill: { '2': 5 } }).splitWarning).toBe(false)
    expect(checkCash({ cash: false, amountCents: 100, billIds: [2], cashTodayByBill: { '2': 5 } }).splitWarning).toBe(false)
  })

  it('knows cash and card payment types by their AlfaDocs names', () => {
    for (const n of ['Contante', 'Contanti', 'contanti ', 'Cash']) expect(isCashPaymentType(n)).toBe(true)
    for (const n of ['Bancomat', 'Carta di credito', 'Bonifico', 'Assegno', 'Finanziamento']) expect(isCashPaymentType(n)).toBe(false)
    for (const n of ['Bancomat', 'Carta di credito', 'POS', 'Credit card']) expect(isCardPaymentType(n)).toBe(true)
    for (const n of ['Contante', 'Bonifico', 'Assegno']) expect(isCardPaymentType(n)).toBe(false)
  })
})
