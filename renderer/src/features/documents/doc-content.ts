import type { DocumentMeta } from '../../../../shared/alfadocs/schemas'
import { kindFromName, MIME_OF_KIND, previewableKind, SNIFF_BYTES, sniffFileKind, type FileKind } from '../../../../shared/patients/file-type'
import { call } from '../../api'

export interface DocContent {
  kind: FileKind
  blob: Blob
  url: string
}

const cache = new Map<string, Promise<DocContent>>()

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
    p = call('documentsDownload', { patientId, documentId: doc.id }).then(({ base64 }) => {
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
export const mayHavePreview = (doc: Pick<DocumentMeta, 'type' | 'name'>) =>
  doc.type === 'image' || doc.type === 'xray' || doc.type === 'identification' || previewableKind(kindFromName(doc.name))

/** "Save a copy": the browser's download, which Electron turns into a save dialog. */
export function saveCopy(c: DocContent, name: string) {
  const a = document.createElement('a')
  a.href = c.url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
}
