import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PathGrants } from '../../../../../../electron/main/services/documents/path-grants'

// Real folders and links: a grant holds where the dropped path really is.

let root: string
beforeAll(async () => {
  root = await realpath(await mkdtemp(join(tmpdir(), 'sportello-grants-')))
  await mkdir(join(root, 'Scansioni', '2026'), { recursive: true })
  await mkdir(join(root, 'Scansioni-old'))
  await mkdir(join(root, 'altrove'))
  await writeFile(join(root, 'referto.pdf'), '%PDF')
  await writeFile(join(root, 'altro.pdf'), '%PDF')
  await writeFile(join(root, 'altrove', 'segreto.txt'), 'x')
  await symlink(join(root, 'altrove', 'segreto.txt'), join(root, 'link-segreto.txt'))
})
afterAll(() => rm(root, { recursive: true, force: true }))

describe('PathGrants', () => {
  it('allows a granted file and what lies inside a granted folder, nothing beside or above', () => {
    const g = new PathGrants()
    expect(g.grant(join(root, 'Scansioni'))).toBe(true)
    expect(g.grant(join(root, 'referto.pdf'))).toBe(true)
    expect(g.allowsReal(join(root, 'Scansioni'))).toBe(true)
    expect(g.allowsReal(join(root, 'Scansioni', '2026', 'cbct.dcm'))).toBe(true)
    expect(g.allowsReal(join(root, 'referto.pdf'))).toBe(true)
    expect(g.allowsReal(join(root, 'Scansioni-old', 'x.dcm'))).toBe(false)
    expect(g.allowsReal(join(root, 'altro.pdf'))).toBe(false)
    expect(g.allowsReal('Scansioni/cbct.dcm')).toBe(false)
    expect(g.wasGiven(join(root, 'Scansioni', '..', 'altro.pdf'))).toBe(false)
  })

  it('holds a dropped link as the file it points to', () => {
    const g = new PathGrants()
    expect(g.grant(join(root, 'link-segreto.txt'))).toBe(true)
    expect(g.allowsReal(join(root, 'altrove', 'segreto.txt'))).toBe(true)
    expect(g.allowsReal(join(root, 'altrove'))).toBe(false)
    expect(g.wasGiven(join(root, 'link-segreto.txt'))).toBe(true)
  })

  it('refuses to grant what is not an absolute path', () => {
    const g = new PathGrants()
    expect(g.grant('')).toBe(false)
    expect(g.grant('relative/file')).toBe(false)
    expect(g.grant(`${root}/a\0b`)).toBe(false)
    expect(g.allowsReal('/')).toBe(false)
    expect(g.wasGiven('/')).toBe(false)
  })
})
