import type { DocumentType } from '../alfadocs/schemas'

/** What a file's first bytes say it is. */
export type FileKind = 'dicom' | 'jpeg' | 'png' | 'tiff' | 'bmp' | 'gif' | 'webp' | 'pdf' | 'text' | 'unknown'

/** How many leading bytes detection needs (the DICOM marker sits at byte 128). */
export const SNIFF_BYTES = 512

const startsWith = (b: Uint8Array, sig: number[], at = 0) => b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v)
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0))

const TEXT_EXT = /\.(txt|csv|md|rtf|log|xml|json|html?)$/i
const DICOM_EXT = /\.(dcm|dicom)$/i

/** Text when the head has no NUL and decodes as UTF-8 with almost only printable characters. */
function looksLikeText(head: Uint8Array): boolean {
  if (head.length === 0 || head.includes(0)) return false
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(head.length === SNIFF_BYTES ? trimPartialUtf8(head) : head)
  } catch {
    return false
  }
  let control = 0
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++
  }
  return control / text.length < 0.02
}

/** A head cut at SNIFF_BYTES may end mid-character: drop an incomplete UTF-8 tail. */
function trimPartialUtf8(b: Uint8Array): Uint8Array {
  let i = b.length - 1
  let back = 0
  while (i >= 0 && back < 3 && ((b[i] ?? 0) & 0xc0) === 0x80) {
    i--
    back++
  }
  const lead = b[i] ?? 0
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1
  return need > back + 1 ? b.subarray(0, i) : b
}

export function sniffFileKind(head: Uint8Array, name = ''): FileKind {
  if (startsWith(head, ascii('DICM'), 128)) return 'dicom'
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff'
  if (startsWith(head, ascii('BM')) && head.length >= 14) return 'bmp'
  if (startsWith(head, ascii('GIF8'))) return 'gif'
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'webp'
  if (startsWith(head, ascii('%PDF-'))) return 'pdf'
  // DICOM written without the 128-byte preamble still carries the .dcm name.
  if (DICOM_EXT.test(name) && head.length > 0) return 'dicom'
  if (TEXT_EXT.test(name) ? !head.includes(0) : looksLikeText(head)) return 'text'
  return 'unknown'
}

export const isImageKind = (k: FileKind) => k === 'jpeg' || k === 'png' || k === 'tiff' || k === 'bmp' || k === 'gif' || k === 'webp'

/** Kinds a browser can draw as a thumbnail (TIFF and DICOM cannot). */
export const previewableKind = (k: FileKind) => k === 'jpeg' || k === 'png' || k === 'bmp' || k === 'gif' || k === 'webp'

/**
 * The AlfaDocs document type for a file: DICOM → xray; an image → image, or xray when dropped on the
 * x-ray area / chosen so; PDF and text → text; anything else → other.
 */
export function documentTypeFor(kind: FileKind, opts: { asXray?: boolean } = {}): DocumentType {
  if (kind === 'dicom') return 'xray'
  if (isImageKind(kind)) return opts.asXray ? 'xray' : 'image'
  if (kind === 'pdf' || kind === 'text') return 'text'
  return 'other'
}

/** Default folder per type; the AlfaDocs folders are Italian practice data, whatever the UI language. */
export function defaultFolderFor(type: DocumentType): string {
  switch (type) {
    case 'xray':
      return 'Radiografie'
    case 'image':
      return 'Immagini'
    default:
      return 'Documenti'
  }
}

/** A guess from the name alone, for listing documents we have not downloaded. */
export function kindFromName(name: string): FileKind {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? ''
  const map: Record<string, FileKind> = {
    dcm: 'dicom',
    dicom: 'dicom',
    jpg: 'jpeg',
    jpeg: 'jpeg',
    png: 'png',
    tif: 'tiff',
    tiff: 'tiff',
    bmp: 'bmp',
    gif: 'gif',
    webp: 'webp',
    pdf: 'pdf',
    txt: 'text',
    csv: 'text',
    md: 'text',
    rtf: 'text',
  }
  return map[ext] ?? 'unknown'
}

export const MIME_OF_KIND: Record<FileKind, string> = {
  dicom: 'application/dicom',
  jpeg: 'image/jpeg',
  png: 'image/png',
  tiff: 'image/tiff',
  bmp: 'image/bmp',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  text: 'text/plain; charset=utf-8',
  unknown: 'application/octet-stream',
}
