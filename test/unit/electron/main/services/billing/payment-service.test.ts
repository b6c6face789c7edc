import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../../../../../electron/sandbox'
import type { AlfaDocsClient } from '../../../../../../electron/main/alfadocs/client'
import { JOURNAL_FILE, PaymentJournal } from '../../../../../../electron/main/services/billing/journal'
import { PaymentService, type PracticeRef } from '../../../../../../electron/main/services/billing/payment-service'
import { FaultyFs, type FsStep } from '../../../../../support/faulty-fs'
import { openBill, outcome, request, startFastSandbox } from '../../../../../integration/payments-fixtures'

// The payment service on the real sandbox (loopback HTTP) with the journal's disk failing where the test
// says: a payment the journal cannot record is refused whole (nothing sent, no entry, no lock) and never
// comes back; a damaged journal is salvaged and payments go on; another practice's payments stay unseen.

let sb: Sandbox
let client: AlfaDocsClient
let dataDir: string

beforeAll(async () => {
  ;({ sb, client } = await startFastSandbox())
})
afterAll(async () => {
  await sb?.close()
})
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'payments-storage-'))
})
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true })
})

const service = (fs?: FaultyFs, practice?: () => Promise<PracticeRef>) =>
  new PaymentService({
    dataDir,
    client: async () => client,
    attempts: 3,
    retryDelayMs: 2,
    reconcileDelayMs: 0,
    ...(fs ? { fs } : {}),
    ...(practice ? { practice } : {}),
  })

const transactionsOf = (billId: number) => sb.state.transactions.filter((t) => t.billId === billId && !t.deleted).length

/** Records a payment of a one-instalment bill of `euros` while every transaction POST fails: it is left pending. */
async function leftPending(svc: PaymentService, euros: number) {
  const { billId, liabilityIds } = openBill(sb, [euros])
  const req = request(billId, liabilityIds[0]!, Math.round(euros * 100))
  sb.faults.failNext('transactionCreate', 50, { status: 500 })
  const view = await svc.record(req)
  sb.faults.clear()
  expect(view.state).toBe('pending')
  return { billId, liabilityIds, req, view }
}

describe('payments while AlfaDocs is known to be unreachable', () => {
  it('are refused at once with their own code: nothing sent, nothing in the journal, no lock', async () => {
    const { billId, liabilityIds } = openBill(sb, [40])
    let offline = true
    const svc = new PaymentService({ dataDir, client: async () => client, reconcileDelayMs: 0, offline: () => offline })
    const before = sb.requestLog.length
    const req = request(billId, liabilityIds[0]!, 4000)
    await expect(svc.record(req)).rejects.toMatchObject({ kind: 'offline', code: 'payment-offline' })
    expect(sb.requestLog.length).toBe(before)
    expect((await svc.unfinished()).payments).toEqual([])
    expect(await readdir(dataDir)).toEqual([])
    offline = false
    expect((await svc.record(req)).state).toBe('done')
    expect(transactionsOf(billId)).toBe(1)
  })
})

describe('payments when the journal cannot be written', { timeout: 30_000 }, () => {
  const faults: Array<[string, (fs: FaultyFs) => void]> = [
    ['a read-only data folder', (fs) => fs.readOnly()],
    ['a full disk', (fs) => fs.full()],
    ...(['open', 'write', 'sync', 'rename', 'syncDir'] as FsStep[]).map((step): [string, (fs: FaultyFs) => void] => [
      `EIO at ${step}`,
      (fs) => fs.fail(step, 'EIO', { times: 1 }),
    ]),
  ]
  for (const [name, inject] of faults) {
    it(`${name}: refused as 'storage', nothing sent, no entry, no lock; the next write and the next start do not bring it back`, async () => {
      const fs = new FaultyFs()
      const svc = service(fs)
      const { billId, liabilityIds } = openBill(sb, [120])
      const refused = request(billId, liabilityIds[0]!, 12000)
      inject(fs)
      await expect(svc.record(refused)).rejects.toMatchObject({ kind: 'storage', code: 'journal-write-failed' })
      expect(transactionsOf(billId)).toBe(0)
      expect((await svc.unfinished()).payments).toEqual([])
      await expect(svc.get(refused.key)).rejects.toMatchObject({ kind: 'not-found' })
      fs.heal()

      // An unrelated payment writes the journal: the refused one is not in it.
      const other = openBill(sb, [10])
      expect((await svc.record(request(other.billId, other.liabilityIds[0]!, 1000))).state).toBe('done')
      expect((await new PaymentJournal(dataDir).all()).map((e) => e.key)).not.toContain(refused.key)
      // The next start resumes nothing of it.
      expect(await service().resumeAll()).toEqual([])
      expect(transactionsOf(billId)).toBe(0)
      // No lock left: the same instalment can be paid now, once.
      expect((await svc.record(request(billId, liabilityIds[0]!, 12000))).state).toBe('done')
      expect(outcome(sb.state, billId, liabilityIds)).toMatchObject({ txCents: [12000] })
    })
  }

  it('the disk fills after the transaction was created: told storage, the payment stays unfinished as last written, and Retry finishes it once', async () => {
    const fs = new FaultyFs()
    const svc = service(fs)
    const { billId, liabilityIds } = openBill(sb, [80])
    const req = request(billId, liabilityIds[0]!, 8000)
    fs.fail('write', 'ENOSPC', { skip: 1 }) // the 'posting' write lands, the 'tx-created' one does not
    await expect(svc.record(req)).rejects.toMatchObject({ kind: 'storage', code: 'journal-write-failed-unfinished' })
    expect(transactionsOf(billId)).toBe(1)
    const [left] = (await svc.unfinished()).payments
    expect(left).toMatchObject({ key: req.key, state: 'pending', steps: [{ state: 'posting' }] })
    // Still locks its instalment.
    await expect(svc.record(request(billId, liabilityIds[0]!, 8000))).rejects.toMatchObject({ kind: 'conflict', code: 'instalment-locked' })
    fs.heal()
    expect((await svc.retry(req.key)).state).toBe('done')
    expect(outcome(sb.state, billId, liabilityIds)).toMatchObject({ txCents: [8000] })
    expect(outcome(sb.state, billId, liabilityIds).liabilityCents.get(liabilityIds[0]!)).toBeNull()
  })

  it('discard on a read-only disk is refused as storage and the payment is still there to finish', async () => {
    const fs = new FaultyFs()
    const svc = service(fs)
    const { req } = await leftPending(svc, 50)
    fs.readOnly()
    await expect(svc.discard(req.key)).rejects.toMatchObject({ kind: 'storage', code: 'journal-write-failed' })
    fs.heal()
    expect((await svc.get(req.key)).state).toBe('pending')
  })
})

describe('payments on a damaged journal', { timeout: 30_000 }, () => {
  it('an intact unfinished entry still locks its instalment, the desk is told, other payments go on', async () => {
    const { billId, liabilityIds, view: stuck } = await leftPending(service(), 60)
    // Damage: a garbage line and a truncated tail after the intact entry.
    const path = join(dataDir, JOURNAL_FILE)
    await writeFile(path, (await readFile(path, 'utf8')) + 'deadbeef {"key":\n{"half')

    const svc = service()
    const list = await svc.unfinished()
    expect(list.payments.map((p) => p.key)).toEqual([stuck.key])
    expect(list.notices).toMatchObject([{ kind: 'damaged-file', code: 'journal-damaged', detail: expect.stringContaining(JOURNAL_FILE) }])
    expect((await readdir(dataDir)).some((f) => f.startsWith(`${JOURNAL_FILE}.damaged-`))).toBe(true)
    await expect(svc.record(request(billId, liabilityIds[0]!, 6000))).rejects.toMatchObject({ kind: 'conflict' })
    const other = openBill(sb, [15])
    expect((await svc.record(request(other.billId, other.liabilityIds[0]!, 1500))).state).toBe('done')
    expect((await svc.retry(stuck.key)).state).toBe('done')
    expect(outcome(sb.state, billId, liabilityIds)).toMatchObject({ txCents: [6000] })
  })
})

describe('payments of another practice', { timeout: 30_000 }, () => {
  it('are not listed, resumed, retried or sent while another practice is connected, and come back with theirs', async () => {
    const { billId, liabilityIds, view: left } = await leftPending(service(), 40)

    const elsewhere = service(undefined, async () => ({ practiceId: sb.practiceId + 1, archiveId: sb.archiveId }))
    expect(await elsewhere.unfinished()).toEqual({ payments: [], notices: [] })
    expect(await elsewhere.resumeAll()).toEqual([])
    await expect(elsewhere.get(left.key)).rejects.toMatchObject({ kind: 'not-found' })
    await expect(elsewhere.retry(left.key)).rejects.toMatchObject({ kind: 'not-found' })
    await expect(elsewhere.discard(left.key)).rejects.toMatchObject({ kind: 'not-found' })
    expect(transactionsOf(billId)).toBe(0)

    const back = service()
    expect((await back.unfinished()).payments.map((p) => p.key)).toEqual([left.key])
    const [resumed] = await back.resumeAll()
    expect(resumed?.state).toBe('done')
    expect(outcome(sb.state, billId, liabilityIds)).toMatchObject({ txCents: [4000] })
  })
})
