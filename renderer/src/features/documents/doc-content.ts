import type { DocumentMeta } from '../../../../shared/alfadocs/schemas'
import { kindFromName, MIME_OF_KIND, previewableKind, SNIFF_BYTES, sniffFileKind, type FileKind } from '../../../../shared/patients/file-type'
import { call } from '../../api'

export interface DocContent {
  kind: FileKind
  blob: Blob
  url: string
}

const cache = new Map<string, Promise<DocContent>>()

// Downloads go through main one after another, three at a time: a folder of large x-rays must not
// pull all of them into memory at once.
const MAX_PARALLEL = 3
let running = 0
const waiting: Array<() => void> = []
async function slot<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= MAX_PARALLEL) await new Promise<void>((ok) => waiting.push(ok))
  running++
  try {
    return await fn()
  } finally {
    running--
    waiting.shift()?.()
  }
}

function decode(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64)
  const out = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
  return out
}

/** A document's bytes as a blob URL (downloaded through main once per session), with its sniffed kind. */
export function loadDocContent(patientId: number, doc: Pick<DocumentMeta, 'id' | 'name'>): Promise<DocContent> {
  const key = `${patientId}:${doc.id}`
  let p = cache.get(key)
  if (!p) {
    p = slot(() => call('documentsDownload', { patientId, documentId: doc.id })).then(({ base64 }) => {
      const bytes = decode(base64)
      const sniffed = sniffFileKind(bytes.subarray(0, SNIFF_BYTES), doc.name)
      const kind = sniffed === 'unknown' ? kindFromName(doc.name) : sniffed
      const blob = new Blob([bytes], { type: MIME_OF_KIND[kind] })
      return { kind, blob, url: URL.createObjectURL(blob) }
    })
    p.catch(() => cache.delete(key))
    cache.set(key, p)
  }
  return p
}

/** Whether to fetch a thumbnail at all: only types that may be pictures. */
export function mayHavePreview(doc: Pick<DocumentMeta, 'type' | 'name'>): boolean {
  const byName = kindFromName(doc.name)
  // DICOM and TIFF have no browser preview: not worth downloading for a thumbnail.
  if (byName === 'dicom' || byName === 'tiff' || byName === 'pdf' || byName === 'text') return false
  return doc.type === 'image' || doc.type === 'xray' || doc.type === 'identification' || previewableKind(byName)
}

/** "Save a copy": the browser's download, which Electron turns into a save dialog. */
export function saveCopy(c: DocContent, name: string) {
  const a = document.createElement('a')
  a.href = c.url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
}
