import 'fake-indexeddb/auto'
import { createPinia, setActivePinia } from 'pinia'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Patient } from '../../../../../../shared/alfadocs/schemas'
import { db } from '../../../../../../renderer/src/cache/db'
import { useDocumentsStore } from '../../../../../../renderer/src/features/documents/store'
import { useUploadStore } from '../../../../../../renderer/src/features/documents/upload-store'
import { describeError } from '../../../../../../renderer/src/i18n/describe-error'
import { startStoreHarness, type StoreHarness } from '../../../../../support/store-harness'

// The documents store and the upload queue against the real main handlers and the demo sandbox: a patient's
// list (fresh, then from the cache when AlfaDocs cannot answer), downloads once per document, and errors
// kept as data for describeError.

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000, interval: 50 })

describe('documents store', () => {
  let h: StoreHarness
  let patient: Patient

  beforeAll(async () => {
    h = await startStoreHarness()
    patient = (await h.invoke('patientsSearch', { text: 'b', limit: 1 })).results[0]!
  })
  afterAll(async () => {
    await db.wipe()
    await h?.close()
  })

  it("lists a patient's documents as AlfaDocs has them, after an upload too", async () => {
    const docs = useDocumentsStore(h.pinia)
    const uploads = useUploadStore(h.pinia)
    await uploads.addFiles(patient.id, 'Paziente', [new File(['Referto.\n'], 'referto.txt', { type: 'text/plain' })])
    await poll(() => uploads.rows.map((r) => r.state)).toEqual(['done'])
    expect(uploads.landed[patient.id]).toBe(1)

    await docs.open(patient.id)
    const expected = await h.invoke('documentsList', { patientId: patient.id })
    expect(docs.list).toMatchObject({ status: 'fresh', error: null })
    expect(docs.list.value?.map((d) => d.id)).toEqual(expected.map((d) => d.id))
    expect(docs.list.value?.some((d) => d.name === 'referto.txt')).toBe(true)
  })

  it('downloads a document once, typed by its bytes; a missing one rejects with its error data', async () => {
    const docs = useDocumentsStore(h.pinia)
    const doc = docs.list.value!.find((d) => d.name === 'referto.txt')!
    const before = h.calls.filter((c) => c === 'documentsDownload').length
    const [a, b] = await Promise.all([docs.content(patient.id, doc), docs.content(patient.id, doc)])
    expect(a).toBe(b)
    expect(a.kind).toBe('text')
    expect(await a.blob.text()).toBe('Referto.\n')
    expect(h.calls.filter((c) => c === 'documentsDownload').length).toBe(before + 1)
    await expect(docs.content(patient.id, { id: 999_999_999, name: 'none.png' })).rejects.toMatchObject({ kind: 'not-found' })
  })

  it('shows the cached list, with its time and the reason, when main cannot answer', async () => {
    const fresh = useDocumentsStore(h.pinia).list
    // Another window of the app (a new Pinia): it has only IndexedDB to go on, and the practice is gone.
    const pinia = createPinia()
    setActivePinia(pinia)
    await h.invoke('sessionDisconnect', {})
    try {
      const docs = useDocumentsStore(pinia)
      await docs.open(patient.id)
      expect(docs.list).toMatchObject({ status: 'cached', syncedAt: fresh.syncedAt, error: { kind: 'not-connected' } })
      expect(docs.list.value?.map((d) => d.id)).toEqual(fresh.value?.map((d) => d.id))
      // Another patient, never seen: an error with nothing to show, not "no documents".
      await docs.open(patient.id + 1)
      expect(docs.list).toMatchObject({ status: 'error', value: null, error: { kind: 'not-connected' } })
    } finally {
      await h.invoke('sessionConnectDemo', {})
      setActivePinia(h.pinia)
    }
  })

  it('a failed upload and a refused limit are kept as error data, worded by describeError', async () => {
    const uploads = useUploadStore(h.pinia)
    await uploads.setMaxUploadMb(100_000)
    expect(uploads.settingsError).toMatchObject({ kind: 'invalid' })
    expect(uploads.maxUploadMb).toBe(50)

    await h.invoke('sessionDisconnect', {})
    try {
      await uploads.addFiles(patient.id, 'Paziente', [new File(['x'], 'nota.txt', { type: 'text/plain' })])
      await poll(() => uploads.rows.find((r) => r.name === 'nota.txt')?.state).toBe('failed')
      const row = uploads.rows.find((r) => r.name === 'nota.txt')!
      expect(row.error).toMatchObject({ kind: 'not-connected' })
      expect(describeError(row.error!)).toBe('Lo studio non è collegato. Collegalo di nuovo.')
    } finally {
      await h.invoke('sessionConnectDemo', {})
    }
  })

  it('reset (with the wipe of a disconnect) forgets the list, the downloads and the queue', async () => {
    const docs = useDocumentsStore(h.pinia)
    const uploads = useUploadStore(h.pinia)
    await docs.open(patient.id)
    expect(docs.list.value).not.toBeNull()
    docs.reset()
    uploads.reset()
    expect(docs.list).toMatchObject({ status: 'idle', value: null })
    expect(uploads.rows).toEqual([])
    await uploads.addFiles(patient.id, 'Paziente', [new File(['Di nuovo.\n'], 'di-nuovo.txt', { type: 'text/plain' })])
    await poll(() => uploads.rows.map((r) => r.state)).toEqual(['done'])
    const doc = (await h.invoke('documentsList', { patientId: patient.id })).find((d) => d.name === 'di-nuovo.txt')!
    await docs.content(patient.id, doc)
    // Disconnect: the stores are reset and IndexedDB wiped (forgetPractice); the kept bytes go with it.
    docs.reset()
    await db.wipe()
    const before = h.calls.filter((c) => c === 'documentsDownload').length
    await docs.content(patient.id, doc)
    expect(h.calls.filter((c) => c === 'documentsDownload').length).toBe(before + 1)
  })
})
