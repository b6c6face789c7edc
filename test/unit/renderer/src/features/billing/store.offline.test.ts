import { STORE_TODAY, startStoreHarness, type StoreHarness } from '../../../../../support/store-harness'
import { createPinia, setActivePinia } from 'pinia'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { addDaysIso } from '../../../../../../shared/dates'
import { db } from '../../../../../../renderer/src/cache/db'
import { useBillingStore, type BillsQuery } from '../../../../../../renderer/src/features/billing/store'
import { useConnectivityStore } from '../../../../../../renderer/src/features/session/connectivity-store'

// Billing offline, after a reload: a bill seen only in a list (its detail never opened) shows what the list said,
// and a bill opened shows its liabilities and transactions from the cache.

describe('billing store offline', { timeout: 60_000 }, () => {
  let h: StoreHarness
  const last31: BillsQuery = { from: addDaysIso(STORE_TODAY, -30), to: STORE_TODAY }

  beforeAll(async () => {
    h = await startStoreHarness()
  })
  afterAll(async () => {
    await h?.close()
  })
  afterEach(async () => {
    useBillingStore().reset()
    await db.wipe()
  })

  async function reloadDisconnected(run: (store: ReturnType<typeof useBillingStore>) => Promise<void>) {
    const pinia = createPinia()
    setActivePinia(pinia)
    await h.invoke('sessionDisconnect', {})
    try {
      await run(useBillingStore(pinia))
    } finally {
      await h.invoke('sessionConnectDemo', {})
      setActivePinia(h.pinia)
    }
  }

  it('a bill seen only in a list: its facts from the list, with the list’s time; never one that was not listed', async () => {
    const store = useBillingStore(h.pinia)
    await store.loadBills(last31)
    const listed = store.bills.value!.bills[0]!
    const syncedAt = store.bills.syncedAt
    await reloadDisconnected(async (offline) => {
      await offline.loadBill(listed.id)
      expect(offline.bill).toMatchObject({ status: 'error', value: null, error: { kind: 'not-connected' } })
      expect(offline.billSeen).toEqual({ bill: listed, syncedAt })
      await offline.loadBill(999_999_999)
      expect(offline.billSeen).toBeNull()
    })
  })

  it('a bill opened: liabilities and transactions from the cache, and no list stand-in', async () => {
    const store = useBillingStore(h.pinia)
    await store.loadBills(last31)
    const id = store.bills.value!.bills[0]!.id
    await store.loadBill(id)
    const detail = store.bill.value!
    await reloadDisconnected(async (offline) => {
      await offline.loadBill(id)
      expect(offline.bill).toMatchObject({ status: 'cached', value: detail })
      expect(offline.billSeen).toBeNull()
    })
  })

  it('AlfaDocs known unreachable: what the list said shows at once, not once the detail gives up; the detail replaces it', async () => {
    const store = useBillingStore(h.pinia)
    await store.loadBills(last31)
    const listed = store.bills.value!.bills[1]!
    const syncedAt = store.bills.syncedAt
    const link = useConnectivityStore(h.pinia)
    // Main says AlfaDocs does not answer, and the detail's request is held (as behind other requests' retries).
    link.state = 'offline'
    h.sandbox().faults.setLatency(3000)
    try {
      const loading = store.loadBill(listed.id)
      await expect.poll(() => store.billSeen, { timeout: 2000, interval: 20 }).toEqual({ bill: listed, syncedAt })
      expect(store.bill.status).toBe('loading')
      await loading
      expect(store.bill).toMatchObject({ status: 'fresh', value: { bill: { id: listed.id } } })
      expect(store.billSeen).toBeNull()
    } finally {
      h.sandbox().faults.clear()
      link.reset()
    }
  })

  it('online, a bill loading shows no stand-in from the list', async () => {
    const store = useBillingStore(h.pinia)
    await store.loadBills(last31)
    const listed = store.bills.value!.bills[2]!
    h.sandbox().faults.setLatency(1000)
    try {
      const loading = store.loadBill(listed.id)
      await expect.poll(() => h.calls.filter((c) => c === 'billDetail').length).toBeGreaterThan(0)
      expect(store.billSeen).toBeNull()
      await loading
      expect(store.billSeen).toBeNull()
    } finally {
      h.sandbox().faults.clear()
    }
  })
})
