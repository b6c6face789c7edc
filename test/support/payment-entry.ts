import type { PaymentEntry, PaymentStep } from '../../electron/main/services/billing/types'

// One journal entry for the payment journal's tests: an incoming payment of 100 € on 11 March 2026 that
// settles liability 5 of bill 10 (practice 1, archive 2) in one step, not started. `step` and `over` change
// fields in place, so the entry serialises with its keys in the same order whatever is changed.

export const paymentEntry = (key: string, step: Partial<PaymentStep> = {}, over: Partial<PaymentEntry> = {}): PaymentEntry => ({
  key,
  practiceId: 1,
  archiveId: 2,
  billId: 10,
  date: '2026-03-11',
  direction: 'incoming',
  paymentTypeId: 31001,
  accountId: 33961,
  relatedToInsurance: false,
  steps: [
    {
      liabilityId: 5,
      liabilityCents: 10000,
      amountCents: 10000,
      sistemaTsExpenseType: 'sp',
      liability: { date: '2026-03-11', relatedToInsurance: false, sistemaTsExpenseType: 'sp' },
      state: 'intent',
      ...step,
    },
  ],
  state: 'pending',
  attempts: 0,
  createdAt: '2026-03-11T08:00:00.000Z',
  updatedAt: '2026-03-11T08:00:00.000Z',
  ...over,
})
