import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdir, readFile, symlink, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DocumentsService } from '../../electron/main/services/documents'
import type { Sandbox } from '../../electron/sandbox'
import { startDocumentsOnSandbox, type DocumentsOnSandbox } from '../support/documents-sandbox'

// Exploit-style: a page that knows (or guesses) paths and tries to make main upload files the desk never
// handed over, through links in a dropped folder, `link/..`, files swapped after inspect, and FIFOs.
// Real files, real links, a real FIFO, the real sandbox as the receiving end.

let env: DocumentsOnSandbox
let sb: Sandbox
let base: string
let drop: string
let outside: string
let docs: DocumentsService
let patientId: number
let seq = 0
const SECRET = `PRIVATE-${randomBytes(8).toString('hex')}`
const uploadId = () => `escape-${++seq}-${randomBytes(4).toString('hex')}`
const upload = (path: string, name = 'x.txt') =>
  docs.uploadPath({ uploadId: uploadId(), patientId, path, name, type: 'text', folderName: 'Documenti' })
/** Every document the sandbox holds, decoded: the secret must never be among them. */
const storedTexts = () => sb.state.documents.map((d) => JSON.stringify(d))

beforeAll(async () => {
  env = await startDocumentsOnSandbox('escape')
  ;({ sb, docs, patientId, dir: base } = env)
  drop = join(base, 'Dropped')
  outside = join(base, 'home-of-the-desk')
  await mkdir(join(drop, 'sub'), { recursive: true })
  await mkdir(join(outside, '.ssh'), { recursive: true })
  await writeFile(join(outside, '.ssh', 'id_rsa'), SECRET)
  await writeFile(join(outside, 'secret.txt'), SECRET)
  await writeFile(join(drop, 'sub', 'a.txt'), 'Allergia alla penicillina\n')
  await symlink(join(outside, 'secret.txt'), join(drop, 'out-file.txt')) // leaves the dropped tree
  await symlink(join(outside, '.ssh'), join(drop, 'out-dir')) // a folder outside
  await symlink(join(drop, 'sub', 'a.txt'), join(drop, 'in-link.txt')) // stays inside
  docs.grants.grant(drop) // the desk dropped this folder, nothing else
})
afterAll(async () => {
  await env?.close()
})

describe('a page trying to read outside what was dropped', () => {
  it('inspect refuses links leaving the dropped folder, without telling where they lead or how big the target is', async () => {
    const { files } = await docs.inspect([drop], false)
    const byName = Object.fromEntries(files.map((f) => [f.name, f]))
    expect(byName['out-file.txt']).toMatchObject({ path: join(drop, 'out-file.txt'), size: 0, refusal: 'unreadable' })
    expect(byName['out-dir']).toMatchObject({ path: join(drop, 'out-dir'), size: 0, refusal: 'unreadable' })
    expect(byName['id_rsa']).toBeUndefined() // the outside folder is not listed
    // A link that stays inside is named by the link, as the page would name it.
    expect(byName['in-link.txt']).toMatchObject({ path: join(drop, 'in-link.txt'), refusal: null })
    expect(JSON.stringify(files)).not.toContain(outside)
    for (const f of files) expect(f.path.startsWith(drop + '/')).toBe(true)
  })

  it('uploads nothing through a link, `link/..`, or a path the page made up', async () => {
    const before = sb.state.documents.length
    for (const path of [
      join(drop, 'out-file.txt'),
      join(drop, 'out-dir', 'id_rsa'),
      `${drop}/out-dir/../secret.txt`, // lexically inside the drop; the kernel goes through the link first
      `${drop}/out-dir/../../home-of-the-desk/secret.txt`,
      `${drop}/../home-of-the-desk/secret.txt`,
      join(outside, 'secret.txt'),
      '/etc/passwd',
    ]) {
      await expect(upload(path), path).rejects.toThrow(/was not dropped or chosen here/)
      await expect(docs.inspect([path], false), path).rejects.toThrow(/was not dropped or chosen here/)
    }
    expect(sb.state.documents.length).toBe(before)
    expect(storedTexts().join('')).not.toContain(Buffer.from(SECRET).toString('base64'))
  })

  it('does not tell whether a file exists beside where a link leads', async () => {
    const refusal = async (path: string) => ((await upload(path).catch((e: unknown) => e)) as Error).message
    const there = await refusal(`${drop}/out-dir/../secret.txt`)
    const notThere = await refusal(`${drop}/out-dir/../no-such-file.txt`)
    expect(there).toMatch(/was not dropped or chosen here/)
    expect(notThere).toBe(there.replace('secret.txt', 'no-such-file.txt'))
  })

  it('refuses a file swapped for a link to outside between inspect and upload', async () => {
    const path = join(drop, 'referto.txt')
    await writeFile(path, 'Referto\n')
    expect((await docs.inspect([path], false)).files[0]).toMatchObject({ path, refusal: null })
    await unlink(path)
    await symlink(join(outside, 'secret.txt'), path)
    const before = sb.state.documents.length
    await expect(upload(path, 'referto.txt')).rejects.toThrow(/was not dropped or chosen here/)
    expect(sb.state.documents.length).toBe(before)
  })

  it('opens a FIFO without waiting for a writer and refuses it, dropped or swapped in', async () => {
    const fifo = join(drop, 'pipe.pdf')
    execFileSync('mkfifo', [fifo])
    expect((await docs.inspect([drop], false)).files.find((f) => f.name === 'pipe.pdf')).toMatchObject({ size: 0, refusal: 'not-a-file' })
    await expect(upload(fifo, 'pipe.pdf')).rejects.toThrow(/is not a regular file/)

    const swapped = join(drop, 'scan.pdf')
    await writeFile(swapped, '%PDF-1.4\n%%EOF\n')
    expect((await docs.inspect([swapped], false)).files[0]!.refusal).toBeNull()
    await unlink(swapped)
    execFileSync('mkfifo', [swapped])
    await expect(upload(swapped, 'scan.pdf')).rejects.toThrow(/is not a regular file/)
    await unlink(fifo)
    await unlink(swapped)
  })
})

describe('what the desk did hand over', () => {
  it('a dropped link to a file is that file: inspected under the link name, uploaded byte for byte', async () => {
    const elsewhere = join(base, 'Desktop')
    await mkdir(elsewhere)
    const target = join(outside, 'panoramica.txt')
    const bytes = `Panoramica ${randomBytes(4).toString('hex')}\n`
    await writeFile(target, bytes)
    const link = join(elsewhere, 'collegamento.txt')
    await symlink(target, link)
    expect(docs.grants.grant(link)).toBe(true) // the desk dropped the link itself

    const { files } = await docs.inspect([link], false)
    expect(files).toEqual([
      { path: link, name: 'collegamento.txt', size: bytes.length, kind: 'text', type: 'text', folderName: 'Documenti', refusal: null },
    ])
    const out = await upload(link, 'collegamento.txt')
    expect(out.state).toBe('done')
    if (out.state !== 'done') return
    expect(Buffer.from((await docs.download(patientId, out.document.id)).base64, 'base64').toString()).toBe(bytes)
    // Only that file: its neighbours stay out of reach.
    await expect(upload(join(outside, 'secret.txt'))).rejects.toThrow(/was not dropped or chosen here/)
  })

  it('a dropped link to a folder is listed under the link, and its files upload', async () => {
    const real = join(base, 'nas-scans')
    await mkdir(real)
    await writeFile(join(real, 'cbct.txt'), 'CBCT\n')
    const link = join(base, 'Scansioni')
    await symlink(real, link)
    docs.grants.grant(link)
    const { files } = await docs.inspect([link], false)
    expect(files.map((f) => f.path)).toEqual([join(link, 'cbct.txt')])
    const out = await upload(join(link, 'cbct.txt'), 'cbct.txt')
    expect(out.state).toBe('done')
    expect(await readFile(join(real, 'cbct.txt'), 'utf8')).toBe('CBCT\n')
  })
})
