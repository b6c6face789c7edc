import { billDetail, billingReference, listBills, takingsOfDay } from '../services/billing/billing-queries'
import type { HandlerGroup } from './handlers'

export const billingHandlers: HandlerGroup<
  | 'billingReference'
  | 'billsList'
  | 'billDetail'
  | 'paymentRecord'
  | 'paymentsUnfinished'
  | 'paymentGet'
  | 'paymentRetry'
  | 'paymentDiscard'
  | 'takingsDay'
> = (s) => ({
  billingReference: async () => billingReference(await s.session.client(), true),
  billsList: async (input) => listBills(await s.session.client(), input),
  billDetail: async ({ billId }) => billDetail(await s.session.client(), billId),
  paymentRecord: (input) => s.payments.record({ ...input, spread: input.spread ?? false }),
  paymentsUnfinished: async () => {
    // First call after start-up (or after connecting): finish what a crash or an outage left behind.
    s.payments.resumeOnce()
    return s.payments.unfinished()
  },
  paymentGet: ({ key }) => s.payments.get(key),
  paymentRetry: ({ key }) => s.payments.retry(key),
  paymentDiscard: ({ key }) => s.payments.discard(key),
  takingsDay: async ({ date }) => takingsOfDay(await s.session.client(), date),
})
