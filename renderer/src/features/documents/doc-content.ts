import type { DocumentMeta } from '../../../../shared/alfadocs/schemas'
import {
  kindFromName,
  MIME_OF_KIND,
  previewableKind,
  SNIFF_BYTES,
  sniffFileKind,
  type FileKind,
} from '../../../../shared/patients/file-type'

/** A downloaded document: its sniffed kind, its bytes as a blob and a blob URL for <img> and "save a copy". */
export interface DocContent {
  kind: FileKind
  blob: Blob
  url: string
}

export function decode(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64)
  const out = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
  return out
}

/** The content of a document main sent as base64, typed by its first bytes (the name only if they say nothing). */
export function docContentOf(base64: string, name: string): DocContent {
  return docContentOfBytes(decode(base64), name)
}

/** The same from bytes (a document kept in the cache). */
export function docContentOfBytes(bytes: Uint8Array, name: string): DocContent {
  const sniffed = sniffFileKind(bytes.subarray(0, SNIFF_BYTES), name)
  const kind = sniffed === 'unknown' ? kindFromName(name) : sniffed
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: MIME_OF_KIND[kind] })
  return { kind, blob, url: URL.createObjectURL(blob) }
}

export const isPdfName = (name: string) => kindFromName(name) === 'pdf'

/** Whether to fetch a thumbnail at all: types that may be pictures, and PDFs (their first page, by pdf.js). */
export function mayHavePreview(doc: Pick<DocumentMeta, 'type' | 'name'>): boolean {
  const byName = kindFromName(doc.name)
  if (byName === 'pdf') return true
  // DICOM and TIFF have no browser preview: not worth downloading for a thumbnail.
  if (byName === 'dicom' || byName === 'tiff' || byName === 'text') return false
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

/** Runs at most `max` tasks at once; the others wait their turn in order. */
export function limiter(max: number) {
  let running = 0
  const waiting: Array<() => void> = []
  return async function slot<T>(fn: () => Promise<T>): Promise<T> {
    if (running >= max) await new Promise<void>((ok) => waiting.push(ok))
    running++
    try {
      return await fn()
    } finally {
      running--
      waiting.shift()?.()
    }
  }
}
