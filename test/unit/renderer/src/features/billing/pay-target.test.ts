import { describe, expect, it } from 'vitest'
import type { PaymentType } from '../../../../../../shared/alfadocs/schemas'
import { cashTodayOf, orderedPaymentTypes } from '../../../../../../renderer/src/features/billing/pay-target'
import { alfadocsPatientUrl } from '../../../../../../renderer/src/features/billing/links'

const types: PaymentType[] = [
  { id: 1, name: 'Contante', deleted: false },
  { id: 2, name: 'Bonifico', deleted: false },
  { id: 3, name: 'Bancomat', deleted: false },
  { id: 4, name: 'Carta di credito', deleted: true },
  { id: 5, name: 'POS', deleted: false },
]

describe('payment dialog choices', () => {
  it('offers the card types first, in the practice order, and leaves out deleted ones', () => {
    expect(orderedPaymentTypes(types).map((p) => p.id)).toEqual([3, 5, 1, 2])
    expect(orderedPaymentTypes(types.filter((p) => p.id <= 2)).map((p) => p.id)).toEqual([1, 2])
  })

  it("adds up a bill's cash of the given day only (not other days, other types, deleted ones)", () => {
    const tx = [
      { date: '2026-03-11 10:00:00', amount: 50, paymentTypeId: 1, deleted: false },
      { date: '2026-03-11', amount: 20.5, paymentTypeId: 1 },
      { date: '2026-03-10', amount: 99, paymentTypeId: 1 },
      { date: '2026-03-11', amount: 80, paymentTypeId: 3 },
      { date: '2026-03-11', amount: 70, paymentTypeId: 1, deleted: true },
    ]
    expect(cashTodayOf(7, tx, types, '2026-03-11')).toEqual({ '7': 7050 })
    expect(cashTodayOf(7, tx, types, '2026-03-12')).toEqual({})
  })
})

describe('Apri in AlfaDocs', () => {
  it("links to the patient's page through the login of the practice, always https", () => {
    expect(alfadocsPatientUrl('https://app.alfadocs.com/api/v1', 9, 42)).toBe(
      'https://app.alfadocs.com/login?redirectPracticeId=9&redirect=%2FdoctorPatient%2Fshow%2F42',
    )
    expect(alfadocsPatientUrl('https://eu.alfadocs.example/api/v1', 9, 42)).toMatch(/^https:\/\/eu\.alfadocs\.example\/login\?/)
    // A demo on http (or nothing known) still opens AlfaDocs itself over https.
    expect(alfadocsPatientUrl('http://127.0.0.1:5555/api/v1', 9, 42)).toMatch(/^https:\/\/app\.alfadocs\.com\/login\?/)
    expect(alfadocsPatientUrl(null, 9, 42)).toMatch(/^https:\/\/app\.alfadocs\.com\//)
  })
})
