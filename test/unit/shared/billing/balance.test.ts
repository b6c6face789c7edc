import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { billStatus, billSummary, compareInstalments, patientOpenBalance, type BillFigures } from '../../../../shared/billing/balance'
import { toCents, toEuros } from '../../../../shared/billing/money'
import type { OpenInstalment } from '../../../../shared/contract/billing'

const TODAY = '2026-03-10'
const nobody = { patientId: null, patientName: null }
const bill = (over: Partial<BillFigures>): BillFigures => ({
  type: 'full',
  totalCents: 10_000,
  paidCents: 0,
  open: [],
  today: TODAY,
  ...over,
})

describe('bill status and summary', () => {
  it('a bill with nothing open is paid; with something open and something paid it is partial', () => {
    expect(billStatus(bill({ paidCents: 10_000 }))).toBe('paid')
    const partial = bill({ paidCents: 4_000, open: [{ amountCents: 6_000, date: '2026-04-01' }] })
    expect(billStatus(partial)).toBe('partial')
    expect(billSummary(partial, nobody)).toMatchObject({
      total: 10_000,
      paid: 4_000,
      remaining: 6_000,
      overdue: 0,
      nextDueDate: '2026-04-01',
    })
  })

  it('nothing paid and nothing overdue is due; an open instalment due before today makes it overdue, due today does not', () => {
    expect(billStatus(bill({ open: [{ amountCents: 10_000, date: TODAY }] }))).toBe('due')
    const late = bill({
      paidCents: 2_000,
      open: [
        { amountCents: 3_000, date: '2026-03-09 00:00:00' },
        { amountCents: 5_000, date: '2026-05-01' },
      ],
    })
    expect(billStatus(late)).toBe('overdue')
    expect(billSummary(late, { patientId: 7, patientName: 'Rossi Mario' })).toEqual({
      patientId: 7,
      patientName: 'Rossi Mario',
      total: 10_000,
      paid: 2_000,
      remaining: 8_000,
      overdue: 3_000,
      nextDueDate: '2026-03-09',
      status: 'overdue',
    })
  })

  it('more paid than the total is credit, and so is a credit note', () => {
    expect(billStatus(bill({ paidCents: 10_001 }))).toBe('credit')
    expect(billStatus(bill({ type: 'credit', totalCents: 1_000 }))).toBe('credit')
  })

  it('a proforma with nothing paid and nothing open is still due (an estimate is not settled)', () => {
    expect(billStatus(bill({ type: 'proforma' }))).toBe('due')
    expect(billStatus(bill({ type: 'proforma', paidCents: 10_000 }))).toBe('paid')
  })

  it('remaining is the sum of the open instalments and overdue never exceeds it (any instalments)', () => {
    const inst = fc.record({
      amountCents: fc.integer({ min: 0, max: 1_000_000 }),
      date: fc.constantFrom('2026-03-01', TODAY, '2026-04-01'),
    })
    fc.assert(
      fc.property(fc.array(inst, { maxLength: 8 }), fc.integer({ min: 0, max: 2_000_000 }), (open, paid) => {
        const s = billSummary(bill({ open, paidCents: paid }), nobody)
        expect(s.remaining).toBe(open.reduce((a, l) => a + l.amountCents, 0))
        expect(s.overdue).toBeLessThanOrEqual(s.remaining)
        expect(s.status === 'paid').toBe(s.remaining === 0 && paid <= 10_000)
        if (s.remaining > 0 && paid <= 10_000) expect(['partial', 'due', 'overdue']).toContain(s.status)
      }),
    )
  })
})

describe('cents', () => {
  it('euros from the API round to whole cents and back without drift', () => {
    expect(toCents(12.3)).toBe(1230)
    expect(toCents(0.1 + 0.2)).toBe(30)
    expect(toCents(1234.565)).toBe(123457)
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), (c) => {
        expect(toCents(toEuros(c))).toBe(c)
      }),
    )
  })
})

describe("a patient's open balance", () => {
  const inst = (billId: number, liabilityId: number, date: string, amount: number, billDate = '2026-01-01'): OpenInstalment => ({
    billId,
    billNumber: null,
    billDate,
    liabilityId,
    date,
    amount,
    overdue: date < TODAY,
    sistemaTsExpenseType: null,
    relatedToInsurance: false,
  })

  it('sums the open instalments across bills, the overdue part apart, oldest due first', () => {
    const b = patientOpenBalance([inst(2, 21, '2026-04-01', 5_000), inst(1, 11, '2026-02-01', 3_000), inst(2, 20, '2026-03-01', 2_550)])
    expect(b.open).toBe(10_550)
    expect(b.overdue).toBe(5_550)
    expect(b.instalments.map((i) => i.liabilityId)).toEqual([11, 20, 21])
  })

  it('ties on the due date go to the older bill, then the lower ids; nothing-open instalments are left out', () => {
    const b = patientOpenBalance([
      inst(5, 51, '2026-03-01', 100, '2026-02-01'),
      inst(4, 41, '2026-03-01', 100, '2026-02-02'),
      inst(5, 50, '2026-03-01', 100, '2026-02-01'),
      inst(6, 60, '2026-01-01', 0),
    ])
    expect(b.instalments.map((i) => i.liabilityId)).toEqual([50, 51, 41])
    expect(compareInstalments(b.instalments[0]!, b.instalments[0]!)).toBe(0)
  })
})
