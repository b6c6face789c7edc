import { defineStore } from 'pinia'
import type { DocumentMeta } from '../../../../shared/alfadocs/schemas'
import { call } from '../../api'
import { createRead } from '../../data/read'
import { readDocBytes, storeDocBytes } from './doc-bytes'
import { decode, docContentOfBytes, limiter, type DocContent } from './doc-content'

// Downloads go through main three at a time: a folder of large x-rays must not pull all of them into memory at once.
const MAX_PARALLEL_DOWNLOADS = 3

/**
 * A patient's documents: the list (shown from the cache first, then from AlfaDocs), and each document's
 * content, downloaded through main once and kept in the cache (doc-bytes.ts) so a document seen opens offline. Uploads are the upload store's (upload-store.ts).
 */
export const useDocumentsStore = defineStore('documents', () => {
  const list = createRead<number, DocumentMeta[]>({
    fetch: (patientId) => call('documentsList', { patientId }),
    cacheKey: (patientId) => `documents:${patientId}`,
  })
  const slot = limiter(MAX_PARALLEL_DOWNLOADS)
  let contents = new Map<string, Promise<DocContent>>()
  let shownPatient: number | null = null

  /** Shows `patientId`'s documents (cached at once if known, then fresh). */
  function open(patientId: number): Promise<void> {
    shownPatient = patientId
    return list.load(patientId)
  }

  /** Asks AlfaDocs again, e.g. after an upload for this patient landed. */
  function refresh(patientId: number): Promise<void> {
    return shownPatient === patientId ? list.refresh() : Promise.resolve()
  }

  /** A document's bytes as a blob URL with its sniffed kind (the kept copy first); rejects with an ApiError. */
  function content(patientId: number, doc: Pick<DocumentMeta, 'id' | 'name'>): Promise<DocContent> {
    const key = `${patientId}:${doc.id}`
    const mine = contents
    let p = mine.get(key)
    if (!p) {
      p = (async () => {
        const kept = await readDocBytes(patientId, doc.id).catch(() => null)
        if (kept) return docContentOfBytes(kept, doc.name)
        const { base64 } = await slot(() => call('documentsDownload', { patientId, documentId: doc.id }))
        const bytes = decode(base64)
        // A practice left meanwhile (reset) keeps nothing of this download.
        if (mine === contents) await storeDocBytes(patientId, doc.id, doc.name, bytes).catch(() => false)
        return docContentOfBytes(bytes, doc.name)
      })()
      p.catch(() => mine.delete(key))
      mine.set(key, p)
    }
    return p
  }

  function reset(): void {
    list.reset()
    shownPatient = null
    const old = contents
    contents = new Map()
    for (const p of old.values()) void p.then((c) => URL.revokeObjectURL(c.url)).catch(() => undefined)
  }

  return { list: list.state, open, refresh, content, reset }
})
