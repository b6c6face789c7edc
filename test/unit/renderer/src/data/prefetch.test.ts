import { STORE_TODAY, startStoreHarness, type StoreHarness } from '../../../../support/store-harness'
import { afterStoreTests } from '../../../../support/store-suite'
import { createPinia, setActivePinia } from 'pinia'
import { beforeAll, describe, expect, it } from 'vitest'
import { addDaysIso } from '../../../../../shared/dates'
import { db } from '../../../../../renderer/src/cache/db'
import { forgetPrefetch, prefetchMorning, prefetchProgress, workingDaysFrom } from '../../../../../renderer/src/data/prefetch'
import { useBillingStore } from '../../../../../renderer/src/features/billing/store'

// The morning prefetch against the real main handlers and the demo sandbox: what it fills is what the screens
// open from later with main unable to answer (same cache keys), and it stops at once when nothing answers.

describe('morning prefetch', { timeout: 60_000 }, () => {
  let h: StoreHarness

  beforeAll(async () => {
    h = await startStoreHarness()
  })
  afterStoreTests(
    () => h,
    () => forgetPrefetch(),
  )

  it('today and the next six working days (Sundays skipped)', () => {
    // 2026-03-11 is a Wednesday.
    expect(workingDaysFrom('2026-03-11')).toEqual([
      '2026-03-11',
      '2026-03-12',
      '2026-03-13',
      '2026-03-14',
      '2026-03-16',
      '2026-03-17',
      '2026-03-18',
    ])
    expect(workingDaysFrom('2026-03-15')[0]).toBe('2026-03-15')
  })

  it('fills the agenda days, their patients, the last 31 days of bills and the takings, as the screens open them', async () => {
    await prefetchMorning(h.pinia, STORE_TODAY)
    expect(prefetchProgress.value).toMatchObject({ state: 'done', done: 9, total: 9, failed: 0 })
    for (const d of workingDaysFrom(STORE_TODAY)) expect((await db.readDay(d)).syncedAt).not.toBeNull()
    const today = await h.invoke('appointmentsRange', { from: STORE_TODAY, to: STORE_TODAY })
    const ids = [...new Set(today.map((a) => a.patientId).filter((x): x is number => x != null))]
    expect((await db.readPatients(ids)).map((p) => p.id).sort()).toEqual(ids.sort())
    // A second call in the same session asks for nothing.
    const before = h.calls.length
    await prefetchMorning(h.pinia, STORE_TODAY)
    expect(h.calls.length).toBe(before)

    // A reload with the practice gone: the billing screen's default range and today's takings open from the cache.
    const pinia = createPinia()
    setActivePinia(pinia)
    await h.invoke('sessionDisconnect', {})
    try {
      const billing = useBillingStore(pinia)
      await billing.loadBills({ from: addDaysIso(STORE_TODAY, -30), to: STORE_TODAY })
      expect(billing.bills).toMatchObject({ status: 'cached', error: { kind: 'not-connected' } })
      expect(billing.bills.value?.bills.length).toBeGreaterThan(0)
      await billing.loadTakings(STORE_TODAY)
      expect(billing.takings).toMatchObject({ status: 'cached' })
    } finally {
      await h.invoke('sessionConnectDemo', {})
      setActivePinia(h.pinia)
    }
  })

  it('nothing answers: stops after the first step, offline, and a new session tries again', async () => {
    await h.invoke('sessionDisconnect', {})
    try {
      await prefetchMorning(h.pinia, STORE_TODAY)
      expect(prefetchProgress.value).toMatchObject({ state: 'offline', done: 1, failed: 1 })
    } finally {
      await h.invoke('sessionConnectDemo', {})
    }
    forgetPrefetch()
    await prefetchMorning(h.pinia, STORE_TODAY)
    expect(prefetchProgress.value.state).toBe('done')
  })
})
