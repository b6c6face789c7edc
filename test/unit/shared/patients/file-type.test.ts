import { describe, expect, it } from 'vitest'
import { defaultFolderFor, documentTypeFor, sniffFileKind } from '../../../../shared/patients/file-type'
import { refusalForSize } from '../../../../shared/patients/upload-rules'

const bytes = (...parts: Array<number[] | string>) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)))
const dicom = () => {
  const b = new Uint8Array(200)
  b.set(bytes('DICM'), 128)
  return b
}

describe('document type detection', () => {
  it('sees DICOM by "DICM" at byte 128, whatever the name, and makes it an x-ray', () => {
    expect(sniffFileKind(dicom(), 'scan.bin')).toBe('dicom')
    expect(documentTypeFor(sniffFileKind(dicom()))).toBe('xray')
    // "DICM" elsewhere is not DICOM.
    expect(sniffFileKind(bytes('DICM', [0, 0, 0]), 'x.bin')).toBe('unknown')
  })

  it('sees JPEG, PNG, TIFF (both byte orders) and BMP: image, or x-ray when asked', () => {
    const cases: Array<[Uint8Array, string]> = [
      [bytes([0xff, 0xd8, 0xff, 0xe0]), 'jpeg'],
      [bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'png'],
      [bytes([0x49, 0x49, 0x2a, 0x00]), 'tiff'],
      [bytes([0x4d, 0x4d, 0x00, 0x2a]), 'tiff'],
      [bytes('BM', new Array(20).fill(0)), 'bmp'],
    ]
    for (const [head, kind] of cases) {
      expect(sniffFileKind(head, 'file.dat')).toBe(kind)
      expect(documentTypeFor(sniffFileKind(head))).toBe('image')
      expect(documentTypeFor(sniffFileKind(head), { asXray: true })).toBe('xray')
    }
    // A PNG named .pdf is still a PNG: bytes win over names.
    expect(sniffFileKind(cases[1]![0], 'fake.pdf')).toBe('png')
  })

  it('makes PDF and text "text", and anything else "other"', () => {
    expect(documentTypeFor(sniffFileKind(bytes('%PDF-1.4\n'), 'a.bin'))).toBe('text')
    expect(documentTypeFor(sniffFileKind(new TextEncoder().encode('Anamnesi: nessuna allergia.\nCiao è'), 'note'))).toBe('text')
    expect(documentTypeFor(sniffFileKind(bytes('PK', [3, 4, 0, 0, 8]), 'archive.zip'))).toBe('other')
    expect(documentTypeFor(sniffFileKind(bytes([0xff, 0xfe, 0x00, 0x01]), 'a.bin'))).toBe('other')
    // An x-ray hint does not turn a PDF into an x-ray.
    expect(documentTypeFor('pdf', { asXray: true })).toBe('text')
    expect(sniffFileKind(new Uint8Array(0), 'empty.txt')).toBe('text')
  })

  it('suggests a folder per type and refuses empty or too-large files', () => {
    expect(defaultFolderFor('xray')).toBe('Radiografie')
    expect(defaultFolderFor('image')).toBe('Immagini')
    expect(defaultFolderFor('text')).toBe('Documenti')
    expect(defaultFolderFor('other')).toBe('Documenti')
    expect(refusalForSize(0, 50)).toBe('empty')
    expect(refusalForSize(50 * 1024 * 1024, 50)).toBeNull()
    expect(refusalForSize(50 * 1024 * 1024 + 1, 50)).toBe('too-large')
  })
})
