import 'fake-indexeddb/auto'
import { createPinia, setActivePinia } from 'pinia'
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import type { Patient } from '../../../../../../shared/alfadocs/schemas'
import { db } from '../../../../../../renderer/src/cache/db'
import { keptDocBytes, readDocBytes, storeDocBytes } from '../../../../../../renderer/src/features/documents/doc-bytes'
import { useDocumentsStore } from '../../../../../../renderer/src/features/documents/store'
import { useUploadStore } from '../../../../../../renderer/src/features/documents/upload-store'
import { useConnectivityStore } from '../../../../../../renderer/src/features/session/connectivity-store'
import { startStoreHarness, type StoreHarness } from '../../../../../support/store-harness'

// The bytes of documents seen stay in IndexedDB (capped per file and in all, least recently used out first), so a
// document opened or drawn as a thumbnail opens again after a reload with main unable to answer; an upload that
// cannot reach AlfaDocs waits for the network instead of failing.

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000, interval: 50 })
const bytes = (n: number, fill = 1) => new Uint8Array(n).fill(fill)

describe('document bytes kept', () => {
  afterEach(async () => {
    await db.wipe()
  })

  it('keeps up to the per-file cap; beyond the total, the least recently used go first', async () => {
    const limits = { perFile: 100, total: 250 }
    expect(await storeDocBytes(1, 1, 'a.png', bytes(101), 1, limits)).toBe(false)
    expect(await readDocBytes(1, 1)).toBeNull()
    await storeDocBytes(1, 1, 'a.png', bytes(100, 1), 10, limits)
    await storeDocBytes(1, 2, 'b.png', bytes(100, 2), 20, limits)
    // a.png is used again: b.png is now the oldest.
    expect(await readDocBytes(1, 1, 30)).toEqual(bytes(100, 1))
    await poll(async () => (await keptDocBytes()).find((k) => k.key.endsWith(':1'))?.usedAt).toBe(30)
    await storeDocBytes(1, 3, 'c.png', bytes(100, 3), 40, limits)
    expect(await readDocBytes(1, 2)).toBeNull()
    expect(await readDocBytes(1, 1)).toEqual(bytes(100, 1))
    expect(await readDocBytes(1, 3)).toEqual(bytes(100, 3))
    expect((await keptDocBytes()).reduce((s, k) => s + k.size, 0)).toBe(200)
  })

  it('two documents kept at the same time are both listed', async () => {
    await Promise.all([storeDocBytes(2, 1, 'a.png', bytes(10)), storeDocBytes(2, 2, 'b.png', bytes(20))])
    expect((await keptDocBytes()).map((k) => k.size).sort()).toEqual([10, 20])
  })
})

describe('documents offline', () => {
  let h: StoreHarness
  let patient: Patient

  beforeAll(async () => {
    h = await startStoreHarness()
    patient = (await h.invoke('patientsSearch', { text: 'c', limit: 1 })).results[0]!
  })
  afterAll(async () => {
    await db.wipe()
    await h?.close()
  })

  it('a document seen opens after a reload while AlfaDocs cannot answer, without asking main', async () => {
    const uploads = useUploadStore(h.pinia)
    await uploads.addFiles(patient.id, 'Paziente', [new File(['Visto una volta.\n'], 'visto.txt', { type: 'text/plain' })])
    await poll(() => uploads.rows.map((r) => r.state)).toEqual(['done'])
    const docs = useDocumentsStore(h.pinia)
    await docs.open(patient.id)
    const doc = docs.list.value!.find((d) => d.name === 'visto.txt')!
    await docs.content(patient.id, doc)

    // A reload (a new Pinia, only IndexedDB to go on) with AlfaDocs unreachable.
    const pinia = createPinia()
    setActivePinia(pinia)
    h.sandbox().faults.failNext('documentsList', 50, { kind: 'drop' })
    h.sandbox().faults.failNext('documentDownload', 50, { kind: 'drop' })
    try {
      const again = useDocumentsStore(pinia)
      await again.open(patient.id)
      expect(again.list).toMatchObject({ status: 'cached', error: { kind: 'offline' } })
      const before = h.calls.filter((c) => c === 'documentsDownload').length
      const c = await again.content(patient.id, doc)
      expect(c.kind).toBe('text')
      expect(await c.blob.text()).toBe('Visto una volta.\n')
      expect(h.calls.filter((c) => c === 'documentsDownload').length).toBe(before)
      // One never seen: the offline error, not an empty document.
      const other = { id: doc.id + 1_000_000, name: 'mai-visto.png' }
      await expect(again.content(patient.id, other)).rejects.toMatchObject({ kind: 'offline' })
    } finally {
      h.sandbox().faults.clear()
      setActivePinia(h.pinia)
    }
  }, 60_000)

  it('an upload that cannot reach AlfaDocs waits for the network, then goes when main says it is back', async () => {
    const uploads = useUploadStore(h.pinia)
    uploads.reset()
    const connectivity = useConnectivityStore(h.pinia)
    connectivity.start()
    onTestFinished(() => connectivity.stop())
    h.sandbox().faults.failNext('documentCreate', 1000, { kind: 'drop' })
    await uploads.addFiles(patient.id, 'Paziente', [
      new File(['Uno.\n'], 'uno.txt', { type: 'text/plain' }),
      new File(['Due.\n'], 'due.txt', { type: 'text/plain' }),
    ])
    await poll(() => uploads.rows.map((r) => r.state)).toEqual(['network', 'network'])
    expect(uploads.rows.every((r) => r.error === null)).toBe(true)
    expect(uploads.active).toBe(2)
    h.sandbox().faults.clear()
    // No resumeWaiting here: the connectivity store's back-online signal sends them.
    await poll(() => uploads.rows.map((r) => r.state)).toEqual(['done', 'done'])
    const names = (await h.invoke('documentsList', { patientId: patient.id })).map((d) => d.name)
    expect(names.filter((n) => n === 'uno.txt' || n === 'due.txt').sort()).toEqual(['due.txt', 'uno.txt'])
  })
})
