import type { SistemaTsType } from '../../../../shared/alfadocs/schemas'
import type { ErrorKind } from '../../../../shared/contract/core'

// The payment journal's records. Amounts are integer cents; the API takes euros with 2 decimals.

/** One liability settled by one transaction. A "spread" payment has several steps, one per liability. */
export interface PaymentStep {
  /** The step's bill when it is not the entry's (a multi-instalment payment spans bills). */
  billId?: number
  liabilityId: number
  /** The liability's amount when the payment was confirmed. */
  liabilityCents: number
  /** What this step pays on it: equal → the liability is deleted; less → it is updated to the rest. */
  amountCents: number
  /** Sistema TS type of the transaction. */
  sistemaTsExpenseType: SistemaTsType
  /** The liability's own fields when confirmed (sent back unchanged when it is reduced). */
  liability: { date: string; relatedToInsurance: boolean; sistemaTsExpenseType: string | null }
  /**
   * intent: nothing sent yet.
   * posting: the transaction POST may have been sent; its outcome is unknown until recorded.
   * tx-created: the transaction exists (txId).
   * settled: the liability is deleted or reduced.
   */
  state: 'intent' | 'posting' | 'tx-created' | 'settled'
  txId?: number
  /**
   * Ids of the bill's transactions that already matched this step (amount, date, type, account) before
   * its first POST: a later match among them is somebody else's payment, not a lost answer of ours.
   */
  preexistingTxIds?: number[]
}

export type PaymentState =
  /** Running or waiting for a retry (transient failure: offline, timeout, server). */
  | 'pending'
  /** Stopped on an error a retry alone may not fix; the user decides (retry or, before any transaction, discard). */
  | 'needs-attention'
  | 'done'
  /** Discarded by the user before any transaction was created. */
  | 'discarded'

export interface PaymentError {
  kind: ErrorKind
  message: string
  at: string
}

export interface PaymentEntry {
  /** Idempotency key: a random UUID made when the user confirms. */
  key: string
  /** The practice/archive the payment belongs to: it never resumes against another one. */
  practiceId: number
  archiveId: number
  /** The first step's bill (a step on another bill names its own, PaymentStep.billId). */
  billId: number
  /** The payer of a multi-instalment payment (paymentsRecordMany). */
  patientId?: number
  /** YYYY-MM-DD, practice-local. */
  date: string
  direction: 'incoming'
  paymentTypeId: number
  accountId: number
  relatedToInsurance: boolean
  steps: PaymentStep[]
  state: PaymentState
  lastError?: PaymentError
  attempts: number
  createdAt: string
  updatedAt: string
}

export const isFinished = (e: PaymentEntry) => e.state === 'done' || e.state === 'discarded'
/** The bill a step pays on. */
export const stepBillId = (e: PaymentEntry, s: PaymentStep) => s.billId ?? e.billId
export const totalCents = (e: PaymentEntry) => e.steps.reduce((s, x) => s + x.amountCents, 0)
