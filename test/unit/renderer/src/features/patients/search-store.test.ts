import { beforeAll, describe, expect, it, vi } from 'vitest'
import type { Patient } from '../../../../../../shared/alfadocs/schemas'
import { startStoreHarness, type StoreHarness } from '../../../../../support/store-harness'
import { afterStoreTests } from '../../../../../support/store-suite'
import { db } from '../../../../../../renderer/src/cache/db'
import { usePatientSearch } from '../../../../../../renderer/src/features/patients/search-store'

// The search box's store against the real main handlers and the demo sandbox, IndexedDB from fake-indexeddb.

const api = () => (globalThis as unknown as { window: { api: Record<string, (i: unknown) => Promise<unknown>> } }).window.api

describe('patient search store', () => {
  let h: StoreHarness
  let sample: Patient

  beforeAll(async () => {
    h = await startStoreHarness()
    const page = await h.invoke('patientsSearch', { text: '', offset: 0, limit: 100 })
    sample = page.results.find((p) => page.results.filter((q) => q.lastName === p.lastName).length === 1 && !p.deleted)!
  })
  afterStoreTests(
    () => h,
    () => usePatientSearch().reset(),
  )

  const settled = (s: ReturnType<typeof usePatientSearch>) =>
    vi.waitFor(() => expect(s.loading).toBe(false), { timeout: 15_000, interval: 20 })

  it('shows cached matches first, then AlfaDocs’ answer', async () => {
    const s = usePatientSearch()
    await db.storePatients([sample])
    s.setText(sample.lastName)
    await vi.waitFor(() => expect(s.source).toBe('cache'), { timeout: 5_000, interval: 5 })
    expect(s.results.map((p) => p.id)).toEqual([sample.id])
    await settled(s)
    expect(s.source).toBe('server')
    expect(s.results.map((p) => p.id)).toContain(sample.id)
    expect(s.error).toBeNull()
  })

  it('a search AlfaDocs cannot answer holds the error as data, not words', async () => {
    const s = usePatientSearch()
    h.sandbox().faults.failNext('patientsSearch', 50, { kind: 'drop' })
    s.setText(sample.lastName)
    await settled(s)
    expect(s.error).toMatchObject({ kind: 'offline' })
    expect(typeof s.error).toBe('object')
  })

  it('reset forgets the search and stops the background fill: nothing of the practice left is cached after it', async () => {
    const s = usePatientSearch()
    s.setText(sample.lastName)
    await settled(s)
    // The fill's first page is on its way when the desk disconnects.
    const real = api().patientsSearch!
    let release!: () => void
    const gate = new Promise<void>((ok) => (release = ok))
    let asked!: () => void
    const sent = new Promise<void>((ok) => (asked = ok))
    api().patientsSearch = async (input) => {
      const answer = await real(input)
      asked()
      await gate
      return answer
    }
    try {
      const filling = s.fillCache()
      await sent
      s.reset()
      await db.wipe()
      release()
      await filling
    } finally {
      api().patientsSearch = real
    }
    expect({ text: s.text, results: s.results, total: s.total, source: s.source, error: s.error }).toEqual({
      text: '',
      results: [],
      total: 0,
      source: 'none',
      error: null,
    })
    expect(await db.patients.count()).toBe(0)
    expect(await db.meta.get('patients:filled')).toBeUndefined()
  })
})
