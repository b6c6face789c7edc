import { z } from 'zod'
import { billSchema, billTypes, directions, liabilitySchema, namedSchema, sistemaTsTypes, transactionSchema } from '../alfadocs/schemas'
import { channel, empty, errorDataSchema, errorKinds, id, isoDate, RANGE_CAPS, rangeCheck } from './core'

const cents = z.number().int()

export const paymentStepViewSchema = z.object({
  liabilityId: z.number(),
  /** The liability's due date (YYYY-MM-DD). */
  liabilityDate: z.string(),
  liabilityCents: cents,
  amountCents: cents,
  /** What is left on the liability after this step (0 = deleted). */
  remainingCents: cents,
  sistemaTsExpenseType: z.enum(sistemaTsTypes),
  state: z.enum(['intent', 'posting', 'tx-created', 'settled']),
  txId: z.number().nullable(),
})

export const paymentViewSchema = z.object({
  key: z.string(),
  billId: z.number(),
  date: isoDate,
  paymentTypeId: z.number(),
  accountId: z.number(),
  relatedToInsurance: z.boolean(),
  totalCents: cents,
  state: z.enum(['pending', 'needs-attention', 'done', 'discarded']),
  /** A call is working on it right now. */
  running: z.boolean(),
  steps: z.array(paymentStepViewSchema),
  lastError: z.object({ kind: z.enum(errorKinds), message: z.string(), at: z.string() }).nullable(),
  attempts: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type PaymentView = z.infer<typeof paymentViewSchema>

export const unfinishedPaymentsSchema = z.object({
  payments: z.array(paymentViewSchema),
  /**
   * What the desk must be told about the payment journal while payments go on: a damaged journal that was
   * set aside (kind 'damaged-file', code 'journal-damaged', `detail` names the file and where it is kept).
   */
  notices: z.array(errorDataSchema),
})
export type UnfinishedPayments = z.infer<typeof unfinishedPaymentsSchema>

export const paymentRequestSchema = z.strictObject({
  /** Idempotency key made once per confirmation (a double click sends the same key). */
  key: z.uuid(),
  billId: id,
  liabilityId: id,
  amountCents: z.number().int().positive().max(100_000_000),
  date: isoDate,
  paymentTypeId: id,
  accountId: id,
  sistemaTsExpenseType: z.enum(sistemaTsTypes),
  relatedToInsurance: z.boolean(),
  /** Amount over the liability covers the bill's next liabilities, oldest due first. */
  spread: z.boolean().default(false),
})
export type PaymentRequest = z.infer<typeof paymentRequestSchema>

const totalsSchema = z.object({
  count: z.number(),
  netCents: cents,
  stampCents: cents,
  byType: z.array(z.object({ type: z.string(), count: z.number(), netCents: cents })),
})

const groupSchema = z.object({ id: z.number().nullable(), name: z.string(), count: z.number(), totalCents: cents })

export const takingsSchema = z.object({
  date: isoDate,
  transactions: z.array(transactionSchema),
  byPaymentType: z.array(groupSchema),
  byAccount: z.array(groupSchema),
  totalCents: cents,
  /** Bill number (e.g. "2026/109") by bill id, for the bills the day's payments settle. */
  billNumbers: z.record(z.string(), z.string()),
})
export type Takings = z.infer<typeof takingsSchema>

export const billingChannels = {
  /** Payment types and accounts (deleted ones included, flagged: old transactions still name them). */
  billingReference: channel(empty, z.object({ paymentTypes: z.array(namedSchema), accounts: z.array(namedSchema) })),
  /**
   * Bills from `from` to `to` inclusive (split into 31-day windows, at most RANGE_CAPS.bills days), with totals.
   * `carePlanId` is AlfaDocs' own filter; `patientId` keeps the patient's bills: those naming the patient, or
   * one of the patient's care plans.
   */
  billsList: channel(
    z
      .strictObject({
        from: isoDate,
        to: isoDate,
        type: z.enum(billTypes).optional(),
        direction: z.enum(directions).optional(),
        carePlanId: id.optional(),
        patientId: id.optional(),
      })
      .superRefine(rangeCheck(() => RANGE_CAPS.bills)),
    z.object({ bills: z.array(billSchema), totals: totalsSchema }),
  ),
  /** One bill with its open liabilities, its transactions and whether its payment link is valid (null = unknown). */
  billDetail: channel(
    z.strictObject({ billId: id }),
    z.object({
      bill: billSchema,
      liabilities: z.array(liabilitySchema),
      transactions: z.array(transactionSchema),
      paymentLinkValid: z.boolean().nullable(),
    }),
  ),
  /** Records a payment exactly once; the same key again returns (or resumes) the same payment. */
  paymentRecord: channel(paymentRequestSchema, paymentViewSchema),
  /** The connected practice's payments not finished (pending or needing attention), and journal notices; resumes pending ones in the background. */
  paymentsUnfinished: channel(empty, unfinishedPaymentsSchema),
  paymentGet: channel(z.strictObject({ key: z.string().min(1).max(64) }), paymentViewSchema),
  paymentRetry: channel(z.strictObject({ key: z.string().min(1).max(64) }), paymentViewSchema),
  /** Gives up a payment that has no transaction yet. */
  paymentDiscard: channel(z.strictObject({ key: z.string().min(1).max(64) }), paymentViewSchema),
  /** The day's incoming transactions grouped by payment type and by account. */
  takingsDay: channel(z.strictObject({ date: isoDate }), takingsSchema),
}
