import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Fault, Sandbox } from '../../electron/sandbox'
import type { AlfaDocsClient } from '../../electron/main/alfadocs/client'
import { PaymentService } from '../../electron/main/services/billing/payment-service'
import type { RouteName } from '../../shared/alfadocs/routes'
import type { MultiPaymentRequest, PaymentView } from '../../shared/contract/billing'
import { CASH, fastClient, manyRequest, openBill, openPatientBills, outcome, startFastSandbox } from './payments-fixtures'

// One amount over several instalments across two bills (paymentsRecordMany), under the single payment's
// fault injection: any one step's transaction POST or liability write failing before or after it is
// applied. Every run must end with exactly one transaction per instalment step, each liability deleted or
// reduced by exactly what its step paid: never doubled, never lost.

const LOOPS = 8

let sb: Sandbox
let client: AlfaDocsClient
let dataDir: string
/** Called after each step is settled (the fault for the next step is queued there). */
let onSettled: ((index: number) => void) | null = null
let service: PaymentService

beforeAll(async () => {
  ;({ sb, client } = await startFastSandbox())
  dataDir = await mkdtemp(join(tmpdir(), 'payments-many-'))
  service = new PaymentService({
    dataDir,
    client: async () => client,
    attempts: 3,
    retryDelayMs: 2,
    reconcileDelayMs: 0,
    hooks: {
      afterSettled: (entry, step) => onSettled?.(entry.steps.indexOf(entry.steps.find((s) => s.liabilityId === step.liabilityId)!)),
    },
  })
})
afterAll(async () => {
  await sb?.close()
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
})
afterEach(() => {
  sb.faults.clear()
  onSettled = null
})

async function payUntilDone(svc: PaymentService, req: MultiPaymentRequest): Promise<PaymentView> {
  let v = await svc.recordMany(req)
  for (let i = 0; i < 6 && v.state !== 'done'; i++) v = await svc.retry(req.key)
  return v
}

/**
 * Bill A (names the patient): 100 € + 80 €; bill B (only the patient's care plan): 60 € + 40 €. Pays 255 €
 * over A1, A2, B1, B2 in that order: A1 and A2 and B1 in full, 15 € on B2, which stays at 25 €. The fault
 * is queued right before step `at` (0–3) starts.
 */
async function multiRun(at: number, inject: () => void): Promise<void> {
  const { patientId, bills } = openPatientBills(sb, [
    [100, 80],
    [60, 40],
  ])
  const [A, B] = bills as [(typeof bills)[0], (typeof bills)[0]]
  const instalments = [
    { billId: A.billId, liabilityId: A.liabilityIds[0]! },
    { billId: A.billId, liabilityId: A.liabilityIds[1]! },
    { billId: B.billId, liabilityId: B.liabilityIds[0]! },
    { billId: B.billId, liabilityId: B.liabilityIds[1]! },
  ]
  if (at === 0) inject()
  else onSettled = (i) => i === at - 1 && inject()
  const v = await payUntilDone(service, manyRequest(patientId, instalments, 25500))
  onSettled = null
  sb.faults.clear()
  expect(v.state, JSON.stringify(v.lastError)).toBe('done')
  expect(v.steps.map((s) => [s.billId, s.amountCents, s.state])).toEqual([
    [A.billId, 10000, 'settled'],
    [A.billId, 8000, 'settled'],
    [B.billId, 6000, 'settled'],
    [B.billId, 1500, 'settled'],
  ])
  const a = outcome(sb.state, A.billId, A.liabilityIds)
  const b = outcome(sb.state, B.billId, B.liabilityIds)
  expect(
    a.txCents.sort((x, y) => x - y),
    `fault before step ${at}`,
  ).toEqual([8000, 10000])
  expect(
    b.txCents.sort((x, y) => x - y),
    `fault before step ${at}`,
  ).toEqual([1500, 6000])
  expect([...a.liabilityCents.values(), ...b.liabilityCents.values()]).toEqual([null, null, null, 2500])
  expect(new Set(v.steps.map((s) => s.txId)).size).toBe(4)
}

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!

async function runsFailing(route: RouteName, cases: Array<[number, Fault, boolean]>, steps: number[]): Promise<void> {
  for (let i = 0; i < LOOPS; i++) {
    const [n, fault, afterApply] = pick(cases, i)
    await multiRun(pick(steps, i), () => sb.faults.failNext(route, n, fault, { afterApply }))
  }
}

describe(`multi-instalment payments under faults (${LOOPS}× each, the fault at each step in turn)`, () => {
  it("a step's transaction POST fails before it is applied", async () => {
    const cases: Array<[number, Fault, boolean]> = [
      [1, { status: 503 }, false],
      [2, { kind: 'drop' }, false],
      [1, { kind: 'timeout' }, false],
      [1, { status: 429, retryAfterSec: 0 }, false],
    ]
    await runsFailing('transactionCreate', cases, [0, 1, 2, 3])
  })

  it("a step's transaction POST is applied but its answer is lost", async () => {
    const cases: Array<[number, Fault, boolean]> = [
      [1, { kind: 'timeout' }, true],
      [1, { kind: 'drop' }, true],
      [1, { status: 502 }, true],
    ]
    await runsFailing('transactionCreate', cases, [0, 1, 2, 3])
  })

  it("a step's liability DELETE fails, before or after it is applied", async () => {
    const cases: Array<[number, Fault, boolean]> = [
      [4, { status: 503 }, false],
      [1, { kind: 'drop' }, true],
      [4, { kind: 'timeout' }, true],
      [2, { kind: 'drop' }, false],
    ]
    await runsFailing('liabilityDelete', cases, [0, 1, 2])
  })

  it("the last step's liability update (paid in part) fails, before or after it is applied", async () => {
    const cases: Array<[number, Fault, boolean]> = [
      [4, { status: 503 }, false],
      [1, { status: 500 }, true],
      [1, { kind: 'drop' }, true],
      [4, { kind: 'timeout' }, true],
    ]
    await runsFailing('liabilityUpdate', cases, [3])
  })
})

describe('multi-instalment payments: what is refused before anything is sent', () => {
  it('refuses cash of €5 000 or more in one operation (cash-limit), however it is spread, and takes €4 999,99', async () => {
    const { patientId, bills } = openPatientBills(sb, [[3000], [2500]])
    const all = bills.map((b) => ({ billId: b.billId, liabilityId: b.liabilityIds[0]! }))
    await expect(service.recordMany(manyRequest(patientId, all, 500_000, { paymentTypeId: CASH }))).rejects.toMatchObject({
      kind: 'invalid',
      code: 'cash-limit',
    })
    expect(bills.flatMap((b) => outcome(sb.state, b.billId, b.liabilityIds).txCents)).toEqual([])
    // Card: no limit.
    const card = await service.recordMany(manyRequest(patientId, all, 500_000))
    expect(card.state).toBe('done')
    const { patientId: p2, bills: b2 } = openPatientBills(sb, [[3000], [2500]])
    const ok = await service.recordMany(
      manyRequest(
        p2,
        b2.map((b) => ({ billId: b.billId, liabilityId: b.liabilityIds[0]! })),
        499_999,
        { paymentTypeId: CASH },
      ),
    )
    expect(ok).toMatchObject({ state: 'done', totalCents: 499_999 })
  })

  it('refuses cash on a bill that already had cash today until the desk confirms (cash-split)', async () => {
    const { patientId, bills } = openPatientBills(sb, [[100, 100]])
    const [A] = bills as [(typeof bills)[0]]
    const first = await service.recordMany(
      manyRequest(patientId, [{ billId: A.billId, liabilityId: A.liabilityIds[0]! }], 10000, { paymentTypeId: CASH }),
    )
    expect(first.state).toBe('done')
    const again = manyRequest(patientId, [{ billId: A.billId, liabilityId: A.liabilityIds[1]! }], 10000, { paymentTypeId: CASH })
    await expect(service.recordMany(again)).rejects.toMatchObject({ kind: 'conflict', code: 'cash-split' })
    expect(outcome(sb.state, A.billId, A.liabilityIds).txCents).toEqual([10000])
    expect(await service.recordMany({ ...again, cashSplitConfirmed: true })).toMatchObject({ state: 'done' })
    expect(outcome(sb.state, A.billId, A.liabilityIds).txCents).toEqual([10000, 10000])
  })

  it("refuses another patient's instalment, a closed one, one listed twice, and an amount over what they owe", async () => {
    const { patientId, bills } = openPatientBills(sb, [[50], [30]])
    const mine = bills.map((b) => ({ billId: b.billId, liabilityId: b.liabilityIds[0]! }))
    const stranger = openBill(sb, [20])
    const theirs = { billId: stranger.billId, liabilityId: stranger.liabilityIds[0]! }
    await expect(service.recordMany(manyRequest(patientId, [...mine, theirs], 1000))).rejects.toMatchObject({
      code: 'instalment-not-patients',
    })
    await expect(service.recordMany(manyRequest(patientId, [mine[0]!, mine[0]!], 1000))).rejects.toMatchObject({
      code: 'instalment-repeated',
    })
    await expect(service.recordMany(manyRequest(patientId, mine, 8001))).rejects.toMatchObject({ code: 'amount-over-open' })
    await expect(service.recordMany(manyRequest(patientId, [{ billId: mine[0]!.billId, liabilityId: 1 }], 100))).rejects.toMatchObject({
      code: 'instalment-closed',
    })
    expect([...bills, stranger].flatMap((b) => outcome(sb.state, b.billId, b.liabilityIds).txCents)).toEqual([])
    // The refusals left nothing locked: the whole amount goes through.
    expect(await service.recordMany(manyRequest(patientId, mine, 8000))).toMatchObject({ state: 'done', totalCents: 8000 })
  })

  it('a double click (the same key twice) is one payment; another key on the same instalments is refused while it runs', async () => {
    const { patientId, bills } = openPatientBills(sb, [[70], [30]])
    const all = bills.map((b) => ({ billId: b.billId, liabilityId: b.liabilityIds[0]! }))
    const req = manyRequest(patientId, all, 10000)
    const other = manyRequest(patientId, all, 10000)
    const results = await Promise.allSettled([service.recordMany(req), service.recordMany(req), service.recordMany(other)])
    expect(results[0]).toMatchObject({ status: 'fulfilled', value: { state: 'done' } })
    expect(results[1]).toMatchObject({ status: 'fulfilled', value: { key: req.key, state: 'done' } })
    expect(results[2]).toMatchObject({ status: 'rejected', reason: { kind: 'conflict' } })
    expect(await service.recordMany(req)).toMatchObject({ state: 'done' })
    expect(bills.flatMap((b) => outcome(sb.state, b.billId, b.liabilityIds).txCents).sort()).toEqual([3000, 7000])
  })

  it('a payment left pending between steps resumes the rest on a new start, on the same journal', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'payments-many-resume-'))
    const { patientId, bills } = openPatientBills(sb, [[40], [60]])
    const all = bills.map((b) => ({ billId: b.billId, liabilityId: b.liabilityIds[0]! }))
    // AlfaDocs goes away after the first step.
    let settled = 0
    const withHook = new PaymentService({
      dataDir: dir,
      client: async () => client,
      attempts: 1,
      retryDelayMs: 2,
      reconcileDelayMs: 0,
      hooks: { afterSettled: () => void (++settled === 1 && sb.faults.failNext('transactionCreate', 20, { kind: 'drop' })) },
    })
    const req = manyRequest(patientId, all, 10000)
    const first = await withHook.recordMany(req)
    expect(first).toMatchObject({ state: 'pending', steps: [{ state: 'settled' }, { state: 'posting' }] })
    sb.faults.clear()
    const restarted = new PaymentService({ dataDir: dir, client: async () => fastClient(sb), retryDelayMs: 2, reconcileDelayMs: 0 })
    const resumed = await restarted.resumeAll()
    expect(resumed.find((p) => p.key === req.key)).toMatchObject({ state: 'done', patientId })
    expect(bills.map((b) => outcome(sb.state, b.billId, b.liabilityIds))).toEqual([
      { txCents: [4000], liabilityCents: new Map([[bills[0]!.liabilityIds[0]!, null]]) },
      { txCents: [6000], liabilityCents: new Map([[bills[1]!.liabilityIds[0]!, null]]) },
    ])
    await rm(dir, { recursive: true, force: true })
  })
})
