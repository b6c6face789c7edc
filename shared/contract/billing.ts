import { z } from 'zod'
import { billStatuses } from './values'
import { billSchema, billTypes, directions, liabilitySchema, namedSchema, sistemaTsTypes, transactionSchema } from '../alfadocs/schemas'
import { channel, empty, errorDataSchema, errorKinds, id, int, isoDate, RANGE_CAPS, rangeCheck } from './core'

const cents = z.number().int()

export const paymentStepViewSchema = z.object({
  /** The bill this step pays on: a multi-instalment payment (paymentsRecordMany) has steps on several bills. */
  billId: z.number(),
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
  /** The first step's bill (every step's own bill is in `steps[].billId`). */
  billId: z.number(),
  /** The payer of a multi-instalment payment (paymentsRecordMany); null for a payment on one bill. */
  patientId: z.number().nullable(),
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
  /**
   * The desk was warned that this bill already had a cash payment today (code 'cash-split', see
   * shared/billing/cash-rules.ts) and goes on: without it main refuses such a cash payment with that code.
   */
  cashSplitConfirmed: z.boolean().optional(),
})
export type PaymentRequest = z.infer<typeof paymentRequestSchema>

const totalsSchema = z.object({
  count: z.number(),
  netCents: cents,
  stampCents: cents,
  byType: z.array(z.object({ type: z.string(), count: z.number(), netCents: cents })),
})

const groupSchema = z.object({ id: z.number().nullable(), name: z.string(), count: z.number(), totalCents: cents })

// ---- Balances (issue 12). Every amount below is integer cents, like every `…Cents` field. ----

/**
 * A bill's status, computed by shared/billing/balance.ts `billSummary` (Italian words in the UI):
 * - 'credit'  (a credito): a credit note (type 'credit'), or more was paid than the bill's total;
 * - 'overdue' (scaduta): something is still open and one open instalment's due date is before today;
 * - 'partial' (parziale): something is still open, not overdue, and something was already paid;
 * - 'due'     (da incassare): something is still open, nothing paid yet, not overdue; also a proforma with
 *   nothing open and nothing paid (an estimate is not settled);
 * - 'paid'    (pagata): nothing is open any more (AlfaDocs' liabilities decide, as the practice deletes them when paid).
 */
export { billStatuses, type BillStatus } from './values'

/**
 * What a bill comes to. `total` = net + stamp; `paid` = the bill's transactions of its own direction, not
 * deleted; `remaining` = the sum of its open liabilities (instalments); `overdue` = the part of `remaining`
 * due before today; `nextDueDate` = the earliest open instalment's due date (YYYY-MM-DD), null when none.
 * `patientId` is the bill's own, else its care plan's (bills may carry only `carePlanId`); `patientName` is
 * "Last First" of that patient, null when there is no patient (a supplier's bill) or it cannot be read.
 */
export const billSummaryShape = {
  patientId: z.number().nullable(),
  patientName: z.string().nullable(),
  total: cents,
  paid: cents,
  remaining: cents,
  overdue: cents,
  nextDueDate: z.string().nullable(),
  status: z.enum(billStatuses),
}
export const billSummarySchema = z.object(billSummaryShape)
export type BillSummary = z.infer<typeof billSummarySchema>
/** A bill as billsList and billDetail give it: AlfaDocs' fields and its summary. */
export const billRowSchema = billSchema.extend(billSummaryShape)
export type BillRow = z.infer<typeof billRowSchema>

/** One open instalment (an AlfaDocs liability) of a patient, as patientBalance lists them. */
export const openInstalmentSchema = z.object({
  billId: z.number(),
  /** e.g. "2026/109"; null when AlfaDocs gives none. */
  billNumber: z.string().nullable(),
  /** The bill's date (YYYY-MM-DD). */
  billDate: z.string(),
  liabilityId: z.number(),
  /** Due date (YYYY-MM-DD). */
  date: z.string(),
  /** What is still open on it, cents. */
  amount: cents,
  /** Due before today. */
  overdue: z.boolean(),
  /** The liability's own Sistema TS type (null: none set; pay with the desk's choice). */
  sistemaTsExpenseType: z.string().nullable(),
  relatedToInsurance: z.boolean(),
})
export type OpenInstalment = z.infer<typeof openInstalmentSchema>

export const patientBalanceSchema = z.object({
  patientId: z.number(),
  /** Sum of the open instalments, cents. */
  open: cents,
  /** The part of `open` due before today, cents. */
  overdue: cents,
  /** Oldest due first (then bill date, then liability id): the order shared/billing/allocation.ts pays them in. */
  instalments: z.array(openInstalmentSchema),
  /** Cash already taken today per bill id (cents), for the split warning (shared/billing/cash-rules.ts). */
  cashTodayByBill: z.record(z.string(), cents),
  /** The practice-local day the balance was computed for (YYYY-MM-DD): `overdue` means due before it. */
  today: isoDate,
  /** How far back bills were looked at (YYYY-MM-DD, RANGE_CAPS.bills days before today): older bills are not in the balance. */
  since: isoDate,
})
export type PatientBalance = z.infer<typeof patientBalanceSchema>

/** A care-plan entry of an appointment (what was, or is to be, done in it). */
export const appointmentTreatmentSchema = z.object({
  entryId: z.number(),
  label: z.string(),
  /** Cents: the entry's discounted price when it has one, else its price (0 when neither). */
  price: cents,
  done: z.boolean(),
})
export type AppointmentTreatment = z.infer<typeof appointmentTreatmentSchema>

/**
 * One amount over several open instalments, across bills: one journal entry whose steps are ordinary
 * single-payment steps (each its own transaction, then its liability settled), written before anything is
 * sent; a crash between steps resumes the rest (paymentsUnfinished / paymentRetry take its key like any
 * payment's). The same key again returns (or resumes) the same payment.
 */
export const multiPaymentRequestSchema = z.strictObject({
  key: z.uuid(),
  /** The payer: every instalment must be one of this patient's (checked against patientBalance's list). */
  patientId: id,
  amountCents: z.number().int().positive().max(100_000_000),
  /**
   * The instalments to cover, in the order to pay them (usually patientBalance's, oldest due first: see
   * shared/billing/allocation.ts `allocate`). Main re-reads them and pays each in full before the next; the
   * last may be paid in part. An amount over what the listed instalments still owe is refused ('amount-over-open').
   */
  instalments: z
    .array(z.strictObject({ billId: id, liabilityId: id }))
    .min(1)
    .max(50),
  date: isoDate,
  paymentTypeId: id,
  accountId: id,
  /** Sistema TS type of instalments that have none of their own (each step keeps its instalment's own type). */
  sistemaTsExpenseType: z.enum(sistemaTsTypes),
  relatedToInsurance: z.boolean(),
  /** As in paymentRecord: the desk was warned a bill already had cash today and goes on. */
  cashSplitConfirmed: z.boolean().optional(),
})
export type MultiPaymentRequest = z.infer<typeof multiPaymentRequestSchema>

// ---- Day close (chiusura di cassa) ----

export const dayCloseSchema = z.object({
  date: isoDate,
  /** The day's incoming takings by payment type and by account, live from AlfaDocs (as takingsDay). */
  byType: z.array(groupSchema),
  byAccount: z.array(groupSchema),
  totalCents: cents,
  /** The takings of cash payment types (shared/billing/cash-rules.ts isCashPaymentType), cents. */
  expectedCash: cents,
  /** What the desk counted in the drawer, cents; null until saved. */
  countedCash: cents.nullable(),
  /** countedCash − expectedCash (negative: cash missing), cents; null until saved. */
  difference: cents.nullable(),
  note: z.string().nullable(),
  /** When it was last saved (ISO date-time); null: never saved for this day and practice. */
  savedAt: z.string().nullable(),
  /** The expected cash when it was saved (takings may have changed since), cents; null until saved. */
  savedExpectedCash: cents.nullable(),
})
export type DayClose = z.infer<typeof dayCloseSchema>

/** A takings row: the transaction and its bill's patient ("Last First"; null when the bill has none or it cannot be read). */
export const takingsRowSchema = transactionSchema.extend({ patientId: z.number().nullable(), patientName: z.string().nullable() })
export type TakingsRow = z.infer<typeof takingsRowSchema>

export const takingsSchema = z.object({
  date: isoDate,
  transactions: z.array(takingsRowSchema),
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
   * Bills from `from` to `to` inclusive (split into 31-day windows, at most RANGE_CAPS.bills days), with totals,
   * each with its summary (patient, total, paid, remaining, status). `carePlanId` is AlfaDocs' own filter;
   * `patientId` keeps the patient's bills: those naming the patient, or one of the patient's care plans.
   * `status` keeps the bills of that status (filtered in main, after the summary; totals count what is kept).
   * The renderer may also filter the answer itself (by patientName, say): every row carries its summary.
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
        status: z.enum(billStatuses).optional(),
        /** The desk's practice-local day, which "overdue" is counted from; default main's clock. */
        today: isoDate.optional(),
      })
      .superRefine(rangeCheck(() => RANGE_CAPS.bills)),
    z.object({ bills: z.array(billRowSchema), totals: totalsSchema }),
  ),
  /** One bill (with its summary) with its open liabilities, its transactions and whether its payment link is valid (null = unknown). */
  billDetail: channel(
    /** `today`: as in billsList. */
    z.strictObject({ billId: id, today: isoDate.optional() }),
    z.object({
      bill: billRowSchema,
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
  /** The day's incoming transactions (each with its patient) grouped by payment type and by account. */
  takingsDay: channel(z.strictObject({ date: isoDate }), takingsSchema),
  /**
   * A patient's open balance: the open instalments of the patient's bills of the last RANGE_CAPS.bills days
   * (bills naming the patient or one of the patient's care plans), oldest due first. `today`: the desk's
   * practice-local day (overdue = due before it, cash taken on it); default main's clock.
   */
  patientBalance: channel(z.strictObject({ patientId: id, today: isoDate.optional() }), patientBalanceSchema),
  /** The care-plan entries of an appointment (label, price, done), in the care plan's order; `patientId` is the appointment's patient. */
  appointmentTreatments: channel(z.strictObject({ appointmentId: id, patientId: id }), z.array(appointmentTreatmentSchema)),
  /**
   * One amount over several instalments across bills, each step once through the payment journal; the answer
   * is the payment with each step's outcome (steps[].state, steps[].txId, steps[].billId). Refusals before
   * anything is sent: 'cash-limit' (cash ≥ CASH_LIMIT_CENTS), 'cash-split' (a bill already had cash today and
   * cashSplitConfirmed is false), 'instalment-closed', 'instalment-not-patients', 'amount-over-open',
   * 'payment-in-progress', 'instalment-locked', 'payment-type-unused', 'account-unused', 'payment-offline'.
   */
  paymentsRecordMany: channel(multiPaymentRequestSchema, paymentViewSchema),
  /** The day close of a day for the connected practice: live takings and what was saved for it (counted cash, note). */
  dayCloseGet: channel(z.strictObject({ date: isoDate }), dayCloseSchema),
  /** Saves the counted cash (cents, ≥ 0) and a note for the day (durable file per day and practice), then answers as dayCloseGet. */
  dayCloseSave: channel(
    z.strictObject({ date: isoDate, countedCash: int().min(0).max(100_000_000), note: z.string().max(1000).optional() }),
    dayCloseSchema,
  ),
}
