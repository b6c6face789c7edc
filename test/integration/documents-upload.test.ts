import { randomBytes } from 'node:crypto'
import { mkdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DocumentsService } from '../../electron/main/services/documents'
import { AppError } from '../../electron/main/services/app-error'
import type { Sandbox } from '../../electron/sandbox'
import { startDocumentsOnSandbox, type DocumentsOnSandbox } from '../support/documents-sandbox'

// Uploads streamed from disk (and from bytes) into the sandbox over real HTTP, then downloaded back.

let env: DocumentsOnSandbox
let sb: Sandbox
let dir: string
let docs: DocumentsService
let patientId: number

const dicom = (size: number) => {
  const b = randomBytes(size)
  b.write('DICM', 128, 'ascii')
  return b
}
let seq = 0
const uploadId = () => `test-upload-${++seq}-${randomBytes(4).toString('hex')}`

beforeAll(async () => {
  env = await startDocumentsOnSandbox('docs')
  ;({ sb, dir, docs, patientId } = env)
  // As if the desk had dropped these (the preload grants each dropped path).
  docs.grants.grant(dir)
  docs.grants.grant('/dev/null')
})
afterAll(async () => {
  await env?.close()
})

describe('document uploads against the sandbox', () => {
  it('streams a file from disk and gets it back byte for byte (odd size, several chunks)', async () => {
    const bytes = dicom(1_000_001)
    const path = join(dir, 'panoramica.dcm')
    await writeFile(path, bytes)
    const { files } = await docs.inspect([path], false)
    expect(files).toEqual([
      { path, name: 'panoramica.dcm', size: bytes.length, kind: 'dicom', type: 'xray', folderName: 'Radiografie', refusal: null },
    ])
    const id = uploadId()
    const out = await docs.uploadPath({ uploadId: id, patientId, path, name: 'panoramica.dcm', type: 'xray', folderName: 'Radiografie' })
    expect(out.state).toBe('done')
    if (out.state !== 'done') return
    expect(out.document).toMatchObject({ name: 'panoramica.dcm', type: 'xray', folderName: 'Radiografie' })
    expect(docs.uploads.progress([id])).toEqual([{ uploadId: id, state: 'done', sent: bytes.length, total: bytes.length }])
    const back = await docs.download(patientId, out.document.id)
    expect(Buffer.from(back.base64, 'base64').equals(bytes)).toBe(true)
    expect((await docs.list(patientId)).map((d) => d.id)).toContain(out.document.id)
  })

  it('lists newest first, and documents stamped in the same second newest first too (by id), whatever order AlfaDocs sends', async () => {
    const stamp = '2026-03-09 10:00:00'
    const base = sb.state.documents.find((d) => d.patientId === patientId) ?? sb.state.documents[0]!
    const top = sb.state.nextId
    sb.state.nextId += 4
    for (const id of [top + 1, top + 3, top + 2])
      sb.state.documents.push({ ...base, id, patientId, name: `stesso-secondo-${id}.pdf`, createdAt: stamp })
    const listed = (await docs.list(patientId)).filter((d) => d.createdAt === stamp).map((d) => d.id)
    expect(listed).toEqual([top + 3, top + 2, top + 1])
  })

  it('uploads bytes the page holds (the harness path) with the same result', async () => {
    const bytes = Buffer.from('%PDF-1.4\nConsenso informato\n%%EOF\n')
    const out = await docs.uploadBytes({
      uploadId: uploadId(),
      patientId,
      name: 'consenso.pdf',
      type: 'text',
      folderName: 'Documenti',
      base64: bytes.toString('base64'),
    })
    expect(out.state).toBe('done')
    if (out.state !== 'done') return
    expect(Buffer.from((await docs.download(patientId, out.document.id)).base64, 'base64').equals(bytes)).toBe(true)
    await expect(
      docs.uploadBytes({ uploadId: uploadId(), patientId, name: 'x.bin', type: 'other', folderName: 'Documenti', base64: 'not base64!' }),
    ).rejects.toThrow(/base64/)
  })

  it('expands folders, follows links to regular files, and refuses empty, unreadable and too-large files by name', async () => {
    const root = join(dir, 'drop')
    await mkdir(join(root, 'sub'), { recursive: true })
    await writeFile(join(root, 'a.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]))
    await writeFile(join(root, 'sub', 'note.txt'), 'Allergia alla penicillina\n')
    await writeFile(join(root, 'empty.pdf'), '')
    await writeFile(join(root, '.DS_Store'), 'x')
    await symlink(join(root, 'a.png'), join(root, 'link-to-a.png')) // same target: listed once
    await symlink(root, join(root, 'sub', 'loop')) // a loop back up: not followed twice
    await symlink(join(root, 'nowhere'), join(root, 'broken'))
    const { files, skipped } = await docs.inspect([root, '/dev/null'], true)
    const byName = Object.fromEntries(files.map((f) => [f.name, f]))
    expect(Object.keys(byName).sort()).toEqual(['a.png', 'broken', 'empty.pdf', 'note.txt', 'null'])
    expect(byName['a.png']).toMatchObject({ kind: 'png', type: 'xray', folderName: 'Radiografie', refusal: null })
    expect(byName['note.txt']).toMatchObject({ kind: 'text', type: 'text', folderName: 'Documenti', refusal: null })
    expect(byName['empty.pdf']!.refusal).toBe('empty')
    expect(byName['broken']!.refusal).toBe('unreadable')
    expect(byName['null']!.refusal).toBe('not-a-file')
    expect(skipped).toBeGreaterThanOrEqual(3) // .DS_Store, the duplicate link, the loop

    await docs.settings.set({ maxUploadMb: 0.5 })
    try {
      const big = join(dir, 'big.jpg')
      await writeFile(big, Buffer.alloc(600 * 1024, 0xff))
      expect((await docs.inspect([big], false)).files[0]!.refusal).toBe('too-large')
      const err = await docs
        .uploadPath({ uploadId: uploadId(), patientId, path: big, name: 'big.jpg', type: 'image', folderName: 'Immagini' })
        .catch((e: unknown) => e)
      expect(err).toBeInstanceOf(AppError)
      expect((err as AppError).message).toMatch(/"big\.jpg" is larger than the 0\.5 MB limit/)
      await expect(
        docs.uploadPath({ uploadId: uploadId(), patientId, path: root, name: 'drop', type: 'image', folderName: 'Immagini' }),
      ).rejects.toThrow(/folder/)
    } finally {
      await docs.settings.set({ maxUploadMb: 50 })
    }
  })

  it('cancels an upload before it starts and while it is streaming; nothing is stored', async () => {
    const before = sb.state.documents.length
    const early = uploadId()
    expect(docs.uploads.cancel(early)).toBe(true)
    const path = join(dir, 'large.tif')
    await writeFile(path, Buffer.concat([Buffer.from([0x49, 0x49, 0x2a, 0x00]), randomBytes(40 * 1024 * 1024)]))
    expect(await docs.uploadPath({ uploadId: early, patientId, path, name: 'large.tif', type: 'image', folderName: 'Immagini' })).toEqual({
      state: 'cancelled',
    })

    const id = uploadId()
    const running = docs.uploadPath({ uploadId: id, patientId, path, name: 'large.tif', type: 'image', folderName: 'Immagini' })
    for (let i = 0; i < 500; i++) {
      const p = docs.uploads.progress([id])[0]
      if (p && p.sent > 0) break
      await new Promise((r) => setTimeout(r, 5))
    }
    expect(docs.uploads.cancel(id)).toBe(true)
    expect(await running).toEqual({ state: 'cancelled' })
    expect(docs.uploads.progress([id])[0]?.state).toBe('cancelled')
    await new Promise((r) => setTimeout(r, 100))
    expect(sb.state.documents.length).toBe(before)
  })
})
