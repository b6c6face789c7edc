import { startSandbox, type Sandbox } from '../../electron/sandbox'
import { AlfaDocsClient } from '../../electron/main/alfadocs/client'
import { PaymentService, type PaymentHooks } from '../../electron/main/services/billing/payment-service'
import type { MultiPaymentRequest, PaymentRequest } from '../../shared/contract/billing'
import { randomUUID } from 'node:crypto'

// Shared by the payment integration tests: a fast client, a fresh open bill per run, and the check every
// run ends with (exactly one transaction per liability paid, the liability deleted or reduced).

export const TODAY = '2026-03-11'
export const CASH = 31001
export const CASSA = 33961

export function fastClient(sb: { baseUrl: string; apiKey: string }, timeoutMs = 250): AlfaDocsClient {
  return new AlfaDocsClient({
    baseUrl: sb.baseUrl,
    auth: { apiKey: sb.apiKey },
    requestsPerSecond: 10_000,
    timeoutMs,
    retryBaseMs: 2,
    maxRetries: 3,
  })
}

/** The demo sandbox as these tests use it (a free port, TODAY, no rate limit) and a fast client of it. */
export async function startFastSandbox(): Promise<{ sb: Sandbox; client: AlfaDocsClient }> {
  const sb = await startSandbox({ port: 0, today: TODAY, quiet: true, rateLimitPerSecond: false })
  return { sb, client: fastClient(sb) }
}

export function fastService(dataDir: string, client: AlfaDocsClient, hooks?: PaymentHooks): PaymentService {
  return new PaymentService({
    dataDir,
    client: async () => client,
    attempts: 3,
    retryDelayMs: 2,
    reconcileDelayMs: 0,
    ...(hooks ? { hooks } : {}),
  })
}

let nextBill = 990_000
/** A new incoming bill with open liabilities of the given euro amounts (due a month apart), straight into the sandbox state. */
export function openBill(sb: Sandbox, amounts: number[]): { billId: number; liabilityIds: number[] } {
  const billId = ++nextBill
  const net = amounts.reduce((s, a) => s + a, 0)
  sb.state.bills.push({
    id: billId,
    carePlanId: null,
    companyId: 1,
    operatorId: null,
    patientId: null,
    type: 'full',
    direction: 'incoming',
    date: `${TODAY} 10:00:00`,
    net,
    stamp: 0,
    numberIncludingPrefix: `T/${billId}`,
    createdAt: `${TODAY} 10:00:00`,
  })
  const liabilityIds = amounts.map((a, i) => {
    const id = billId * 10 + i
    sb.state.liabilities.push({
      id,
      billId,
      date: `2026-0${3 + i}-11`,
      amount: a.toFixed(2),
      createdAt: `${TODAY} 10:00:00`,
      relatedToInsurance: false,
      sistemaTsExpenseType: 'sp',
    })
    return id
  })
  return { billId, liabilityIds }
}

export function request(billId: number, liabilityId: number, amountCents: number, over: Partial<PaymentRequest> = {}): PaymentRequest {
  return {
    key: randomUUID(),
    billId,
    liabilityId,
    amountCents,
    date: TODAY,
    paymentTypeId: CASH,
    accountId: CASSA,
    sistemaTsExpenseType: 'sp',
    relatedToInsurance: false,
    spread: false,
    ...over,
  }
}

export interface BillOutcome {
  txCents: number[]
  liabilityCents: Map<number, number | null>
}

/** What the sandbox holds for the bill: amounts of its live transactions, and each liability's amount (null = deleted). */
export function outcome(state: Sandbox['state'], billId: number, liabilityIds: number[]): BillOutcome {
  const txCents = state.transactions.filter((t) => t.billId === billId && !t.deleted).map((t) => Math.round(Number(t.amount) * 100))
  const liabilityCents = new Map<number, number | null>()
  for (const id of liabilityIds) {
    const l = state.liabilities.find((x) => x.id === id)
    liabilityCents.set(id, l ? Math.round(Number(l.amount) * 100) : null)
  }
  return { txCents, liabilityCents }
}

export const BANCOMAT = 31002
let nextPatient = 880_000

/**
 * A new patient with one incoming bill per entry of `bills` (each a list of liability euro amounts, due a month
 * apart): the first bill names the patient, the others only a care plan of the patient (as AlfaDocs' reference
 * promises bills do). Straight into the sandbox state.
 */
export function openPatientBills(
  sb: Sandbox,
  bills: number[][],
): { patientId: number; bills: Array<{ billId: number; liabilityIds: number[] }> } {
  const patientId = ++nextPatient
  sb.state.patients.push({ id: patientId, firstName: 'Multi', lastName: `Rate${patientId}`, phoneNumbers: [], deleted: false })
  const planId = patientId
  sb.state.carePlans.push({
    id: planId,
    patientId,
    branch: 'dentistry',
    name: 'Piano test',
    state: 'accepted',
    dateAccepted: TODAY,
    operatorId: 965561,
    createdAt: TODAY,
    isSigned: true,
    price: 0,
    discountedPrice: 0,
    carePlanEntriesCount: 0,
    deleted: false,
  })
  const out = bills.map((amounts, i) => {
    const b = openBill(sb, amounts)
    const bill = sb.state.bills.find((x) => x.id === b.billId)!
    bill.carePlanId = planId
    if (i === 0) bill.patientId = patientId
    return b
  })
  return { patientId, bills: out }
}

export function manyRequest(
  patientId: number,
  instalments: Array<{ billId: number; liabilityId: number }>,
  amountCents: number,
  over: Partial<MultiPaymentRequest> = {},
): MultiPaymentRequest {
  return {
    key: randomUUID(),
    patientId,
    instalments,
    amountCents,
    date: TODAY,
    paymentTypeId: BANCOMAT,
    accountId: CASSA,
    sistemaTsExpenseType: 'sp',
    relatedToInsurance: false,
    ...over,
  }
}
