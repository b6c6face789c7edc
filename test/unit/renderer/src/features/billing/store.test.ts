import { STORE_TODAY, startStoreHarness, type StoreHarness } from '../../../../../support/store-harness'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createPinia, setActivePinia } from 'pinia'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Liability } from '../../../../../../shared/alfadocs/schemas'
import { addDaysIso } from '../../../../../../shared/dates'
import { db } from '../../../../../../renderer/src/cache/db'
import { useBillingStore, type BillsQuery } from '../../../../../../renderer/src/features/billing/store'

// (The harness first: it installs fake-indexeddb before the cache's database is made.)
// The billing store against the real main handlers and the demo sandbox (real HTTP), IndexedDB from fake-indexeddb.

const cents = (n: number) => Math.round(n * 100)

// Real HTTP under the client's request budget: several AlfaDocs calls per test take seconds on two busy cores.
describe('billing store', { timeout: 60_000 }, () => {
  let h: StoreHarness
  /** Open liabilities (≥ 20 €) of different incoming bills that name a patient, one per test that pays. */
  const targets: Array<{ billId: number; liability: Liability }> = []
  const last60: BillsQuery = { from: addDaysIso(STORE_TODAY, -60), to: STORE_TODAY, direction: 'incoming' }

  beforeAll(async () => {
    h = await startStoreHarness()
    const { bills } = await h.invoke('billsList', last60)
    for (const b of bills) {
      if (targets.length >= 2) break
      if (!b.patientId) continue
      const d = await h.invoke('billDetail', { billId: b.id })
      const l = d.liabilities.find((x) => cents(x.amount) >= 2000)
      if (l) targets.push({ billId: b.id, liability: l })
    }
    expect(targets.length).toBe(2)
    // Each unpaid bill of the list costs one more read for its summary (remaining, status).
  }, 60_000)
  afterAll(async () => {
    await h?.close()
  })
  afterEach(async () => {
    h.sandbox().faults.clear()
    useBillingStore().reset()
    await db.wipe()
  })

  async function request(billId: number, l: Liability) {
    const store = useBillingStore()
    await store.loadReference()
    return {
      key: crypto.randomUUID(),
      billId,
      liabilityId: l.id,
      amountCents: cents(l.amount),
      date: STORE_TODAY,
      paymentTypeId: store.paymentTypes.find((p) => !p.deleted)!.id,
      accountId: store.accounts.find((a) => !a.deleted)!.id,
      sistemaTsExpenseType: 'sp' as const,
      relatedToInsurance: false,
      spread: false,
    }
  }

  it("lists a range's bills: loading until main answers, then fresh with its answer", async () => {
    const store = useBillingStore()
    const loading = store.loadBills(last60)
    expect(store.bills.status).toBe('loading')
    expect(store.bills.value).toBeNull()
    await loading
    expect(store.bills.status).toBe('fresh')
    expect(store.bills.syncedAt).not.toBeNull()
    expect(store.bills.value).toEqual(await h.invoke('billsList', last60))
  })

  it("a patient's bills come through billsList with the patient's id", async () => {
    const store = useBillingStore()
    const { bills } = await h.invoke('billsList', last60)
    const patientId = bills.find((b) => b.patientId)!.patientId!
    const q: BillsQuery = { from: addDaysIso(STORE_TODAY, -365), to: STORE_TODAY, patientId }
    const before = h.calls.length
    await store.loadBills(q)
    expect(h.calls.slice(before)).toEqual(['billsList'])
    expect(store.bills.value!.bills.length).toBeGreaterThan(0)
    expect(store.bills.value).toEqual(await h.invoke('billsList', q))
  })

  it('a bill comes with its patient, asked by id', async () => {
    const store = useBillingStore()
    const { billId } = targets[0]!
    const before = h.calls.length
    await store.loadBill(billId)
    expect(h.calls.slice(before)).toEqual(['billDetail', 'patientsByIds'])
    const d = await h.invoke('billDetail', { billId })
    const [p] = await h.invoke('patientsByIds', { ids: [d.bill.patientId!] })
    expect(store.bill.status).toBe('fresh')
    expect(store.bill.value).toMatchObject({
      bill: d.bill,
      liabilities: d.liabilities,
      patient: { id: p!.id, firstName: p!.firstName, lastName: p!.lastName },
    })
  })

  it('after a reload, shows the saved bills when AlfaDocs cannot answer, with when they were synced and why, as data', async () => {
    await useBillingStore().loadBills(last60)
    const synced = useBillingStore().bills.syncedAt
    const saved = useBillingStore().bills.value
    // A new page: a new Pinia, the same IndexedDB.
    setActivePinia(createPinia())
    h.sandbox().faults.failNext('billsList', 1000, { status: 503 })
    const store = useBillingStore()
    await store.loadBills(last60)
    expect(store.bills.status).toBe('cached')
    expect(store.bills.syncedAt).toBe(synced)
    expect(store.bills.value).toEqual(saved)
    expect(store.bills.error).toMatchObject({ kind: 'server' })
    // Another range was never seen: nothing to show, not an empty list.
    await store.loadBills({ ...last60, from: addDaysIso(STORE_TODAY, -90) })
    expect(store.bills.status).toBe('error')
    expect(store.bills.value).toBeNull()
  })

  it('asks for payment types, accounts and operators once per session', async () => {
    const store = useBillingStore()
    const before = h.calls.length
    await Promise.all([store.loadReference(), store.loadReference()])
    await store.loadReference()
    expect(h.calls.slice(before).sort()).toEqual(['billingReference', 'referenceData'])
    const ref = await h.invoke('billingReference', {})
    expect(store.paymentTypeName(ref.paymentTypes[0]!.id)).toBe(ref.paymentTypes[0]!.name)
    const { operators } = await h.invoke('referenceData', {})
    expect(store.operatorName(operators[0]!.id)).toBe(operators[0]!.name)
  })

  it("records a payment: the bill on screen is read again, the receipt has its bill's number and patient, the day's takings show it", async () => {
    const store = useBillingStore()
    const { billId, liability } = targets[0]!
    await store.loadBill(billId)
    const txBefore = store.bill.value!.transactions.length
    const v = await store.record(await request(billId, liability))
    expect(store.recordError).toBeNull()
    expect(v?.state).toBe('done')
    // Done: the receipt follows at once, the bill is read again behind it.
    await vi.waitFor(() => expect(store.bill.value!.transactions.length).toBe(txBefore + 1), { timeout: 20_000 })
    expect(store.bill.value!.liabilities.find((l) => l.id === liability.id)).toBeUndefined()
    expect(store.unfinished).toEqual([])

    await store.loadReceipt(v!.key)
    expect(store.receipt.status).toBe('fresh')
    expect(store.receipt.value).toMatchObject({
      payment: { key: v!.key, state: 'done' },
      billNumber: store.bill.value!.bill.numberIncludingPrefix,
      patient: store.bill.value!.patient,
    })

    await store.loadTakings(STORE_TODAY)
    expect(store.takings.value).toEqual(await h.invoke('takingsDay', { date: STORE_TODAY }))
    expect(store.takings.value!.transactions.some((t) => t.billId === billId && cents(t.amount) === cents(liability.amount))).toBe(true)
  })

  it('a refused payment leaves its reason as error data, nothing recorded', async () => {
    const store = useBillingStore()
    // targets[0]'s liability was paid in full above: it no longer exists.
    const { billId, liability } = targets[0]!
    const txBefore = (await h.invoke('billDetail', { billId })).transactions.length
    const v = await store.record(await request(billId, liability))
    expect(v).toBeNull()
    expect(store.recording).toBeNull()
    expect(store.recordError).toMatchObject({ kind: 'conflict' })
    expect(typeof store.recordError!.message).toBe('string')
    expect((await h.invoke('billDetail', { billId })).transactions.length).toBe(txBefore)
  })

  it('a payment that cannot finish: unfinished, its liability locked, polled; discard refused as data; reset forgets all and stops polling; Retry finishes it', async () => {
    const store = useBillingStore()
    const { billId, liability } = targets[1]!
    await store.loadBill(billId)
    h.sandbox().faults.failNext('liabilityDelete', 1000, { status: 503 })
    const v = await store.record(await request(billId, liability))
    expect(v?.state).toBe('pending')
    expect(store.unfinished.map((p) => p.key)).toEqual([v!.key])
    expect(store.lockedLiabilities.has(liability.id)).toBe(true)
    expect(store.polling()).toBe(true)
    // The banner names the bill by its number.
    await vi.waitFor(() => expect(store.billNumbers[billId]).toBe(store.bill.value!.bill.numberIncludingPrefix), { timeout: 20_000 })
    // The bill was read again: it shows the transaction made before the DELETE failed.
    expect(store.bill.value!.transactions.some((t) => cents(t.amount) === cents(liability.amount) && t.date === STORE_TODAY)).toBe(true)

    // It has a transaction: it cannot be discarded, only finished.
    expect(await store.discard(v!.key)).toBeNull()
    expect(store.actionError).toMatchObject({ key: v!.key, error: { kind: 'conflict' } })
    expect(store.acting).toBeNull()

    // Disconnect while a look at the unfinished payments is on its way: nothing comes back, no timer is left.
    const inFlight = store.refreshUnfinished()
    store.reset()
    await inFlight
    expect(store.polling()).toBe(false)
    expect(store.unfinished).toEqual([])
    expect(store.unfinishedState.status).toBe('idle')
    expect(store.bill.status).toBe('idle')
    expect(store.billNumbers).toEqual({})
    expect(store.actionError).toBeNull()

    // AlfaDocs is back: Retry finishes it, the list empties, polling stops, the bill no longer has the liability.
    h.sandbox().faults.clear()
    await store.loadBill(billId)
    const done = await store.retry(v!.key)
    expect(done?.state).toBe('done')
    expect(store.unfinished).toEqual([])
    expect(store.polling()).toBe(false)
    expect(store.bill.value!.liabilities.find((l) => l.id === liability.id)).toBeUndefined()
  })
})

describe('billing store, damaged payment journal', { timeout: 60_000 }, () => {
  let h: StoreHarness

  beforeAll(async () => {
    h = await startStoreHarness()
  })
  afterAll(async () => {
    await h?.close()
  })

  it("carries main's notice about a damaged journal as error data, beside an empty list", async () => {
    // A line whose checksum does not match, written before main first reads the journal.
    await writeFile(join(h.dataDir, 'payments-journal.jsonl'), 'sportello-payments-journal 2\n0000 {"key":"x"}\n')
    const store = useBillingStore()
    await store.refreshUnfinished()
    expect(store.unfinishedState.status).toBe('fresh')
    expect(store.unfinished).toEqual([])
    expect(store.journalNotices).toEqual([expect.objectContaining({ kind: 'damaged-file', code: 'journal-damaged' })])
    expect(store.polling()).toBe(false)
    store.reset()
    expect(store.journalNotices).toEqual([])
  })
})
