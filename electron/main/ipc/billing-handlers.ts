import type { billingChannels } from '../../../shared/contract/billing'
import type { HandlerGroup } from './handlers'

export const billingHandlers: HandlerGroup<typeof billingChannels> = ({ billing, payments }) => ({
  billingReference: () => billing.reference(),
  billsList: (filter) => billing.bills(filter),
  billDetail: ({ billId, today }) => billing.bill(billId, today),
  paymentRecord: (request) => payments.record(request),
  paymentsUnfinished: async () => {
    // First call after start-up (or after connecting): finish what a crash or an outage left behind.
    payments.resumeOnce()
    return payments.unfinished()
  },
  paymentGet: ({ key }) => payments.get(key),
  paymentRetry: ({ key }) => payments.retry(key),
  paymentDiscard: ({ key }) => payments.discard(key),
  takingsDay: ({ date }) => billing.takings(date),
  patientBalance: ({ patientId, today }) => billing.patientBalance(patientId, today),
  appointmentTreatments: ({ appointmentId }) => billing.appointmentTreatments(appointmentId),
  paymentsRecordMany: (request) => payments.recordMany(request),
  dayCloseGet: ({ date }) => billing.dayCloseGet(date),
  dayCloseSave: ({ date, countedCash, note }) => billing.dayCloseSave(date, countedCash, note),
})
