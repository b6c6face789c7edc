import { createHash } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { JOURNAL_FILE, LEGACY_JOURNAL_FILE, PaymentJournal } from '../../../../../../electron/main/services/billing/journal'
import { JOURNAL_HEADER } from '../../../../../../electron/main/services/billing/journal-codec'
import { FaultyFs, type FsStep } from '../../../../../support/faulty-fs'
import { paymentEntry } from '../../../../../support/payment-entry'

const entry = (key: string, liabilityId = 5) => paymentEntry(key, { liabilityId, state: 'posting', preexistingTxIds: [] })

const sha = (t: string) => createHash('sha256').update(t).digest('hex')
const line = (e: unknown) => {
  const json = JSON.stringify(e)
  return `${sha(json)} ${json}`
}

let dir: string
const path = () => join(dir, JOURNAL_FILE)
const keys = async (j: PaymentJournal) => (await j.all()).map((e) => e.key).sort()
const asideFiles = async () => (await readdir(dir)).filter((f) => f.includes('.damaged-'))

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'journal-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('payment journal: a write the disk refuses changes nothing', () => {
  const steps: Array<[FsStep, string]> = [
    ['open', 'EROFS'],
    ['open', 'EACCES'],
    ['write', 'ENOSPC'],
    ['sync', 'EIO'],
    ['rename', 'EROFS'],
    ['syncDir', 'EIO'],
  ]
  for (const [step, code] of steps) {
    it(`${code} at ${step}: the put fails as 'storage', memory and file keep the last written state, the next put does not carry it`, async () => {
      const fs = new FaultyFs()
      const j = new PaymentJournal(dir, { fs })
      await j.put(entry('a', 1))
      const before = await readFile(path(), 'utf8')
      fs.fail(step, code, { times: 1 })
      await expect(j.put(entry('refused', 2))).rejects.toMatchObject({
        kind: 'storage',
        code: 'journal-write-failed',
        detail: expect.stringContaining(code),
      })
      expect(await j.get('refused')).toBeUndefined()
      expect(await keys(j)).toEqual(['a'])
      expect(await readFile(path(), 'utf8')).toBe(before)
      // The next, unrelated write goes through and does not save the refused entry.
      await j.put(entry('b', 3))
      expect(await keys(j)).toEqual(['a', 'b'])
      expect(await keys(new PaymentJournal(dir))).toEqual(['a', 'b'])
      expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([])
    })
  }

  it('a read-only data folder: every put fails as storage, nothing is kept; once writable again, puts work', async () => {
    const fs = new FaultyFs().readOnly()
    const j = new PaymentJournal(dir, { fs })
    await expect(j.put(entry('a'))).rejects.toMatchObject({ kind: 'storage', code: 'journal-write-failed' })
    await expect(j.put(entry('b'))).rejects.toMatchObject({ kind: 'storage' })
    expect(await j.all()).toEqual([])
    expect(await readdir(dir)).toEqual([])
    fs.heal()
    await j.put(entry('c'))
    expect(await keys(new PaymentJournal(dir))).toEqual(['c'])
  })

  it('an unreadable journal is a storage error, not an empty one, and is read again on the next call', async () => {
    await new PaymentJournal(dir).put(entry('a'))
    const fs = new FaultyFs().fail('readFile', 'EACCES', { times: 1 })
    const j = new PaymentJournal(dir, { fs })
    await expect(j.all()).rejects.toMatchObject({ kind: 'storage', code: 'journal-read-failed' })
    expect(await keys(j)).toEqual(['a'])
  })
})

describe('payment journal: a damaged file is set aside, its intact entries salvaged', () => {
  const good = [entry('a', 1), entry('b', 2), entry('c', 3)]
  const clean = [JOURNAL_HEADER, ...good.map(line)].join('\n') + '\n'
  const shapes: Array<[string, string, string[]]> = [
    ['an empty file', '', []],
    ['a truncated tail', clean.slice(0, clean.length - 40), ['a', 'b']],
    ['trailing NULs', clean + '\0'.repeat(4096), ['a', 'b', 'c']],
    ['NULs over the last entry', clean.slice(0, clean.lastIndexOf('\n', clean.length - 2) + 1) + '\0'.repeat(300) + '\n', ['a', 'b']],
    ['a BOM', '\uFEFF' + clean, ['a', 'b', 'c']],
    ['one malformed entry', clean.replace('"billId":10', '"billId":99'), ['b', 'c']],
    [
      'an entry of the wrong shape (checksum right)',
      [JOURNAL_HEADER, line(good[0]), line({ key: 'x', steps: 'none' }), line(good[2])].join('\n') + '\n',
      ['a', 'c'],
    ],
    ['invalid JSON in a line', [JOURNAL_HEADER, line(good[0]), `${sha('{oops')} {oops`, line(good[2])].join('\n') + '\n', ['a', 'c']],
    ['a whole file of invalid JSON', '{not json at all', []],
    ['a file of the wrong shape', '[]\n', []],
    ['a missing header', good.map(line).join('\n') + '\n', ['a', 'b', 'c']],
  ]
  for (const [name, text, salvaged] of shapes) {
    it(`${name}: kept under another name, ${salvaged.length} entries salvaged, the desk told, payments go on`, async () => {
      await writeFile(path(), text)
      const j = new PaymentJournal(dir)
      expect(await keys(j)).toEqual(salvaged)
      const notices = await j.notices()
      expect(notices).toHaveLength(1)
      expect(notices[0]).toMatchObject({ kind: 'damaged-file', code: 'journal-damaged', detail: expect.stringContaining(JOURNAL_FILE) })
      const aside = await asideFiles()
      expect(aside).toHaveLength(1)
      expect(notices[0]!.detail).toContain(aside[0])
      expect(await readFile(join(dir, aside[0]!), 'utf8')).toBe(text)
      // Rewritten clean: the next start reads it without a notice, and a new payment is written beside the salvaged ones.
      await j.put(entry('new', 9))
      const again = new PaymentJournal(dir)
      expect(await keys(again)).toEqual([...salvaged, 'new'].sort())
      expect(await again.notices()).toEqual([])
      expect(await asideFiles()).toHaveLength(1)
    })
  }

  it('on a read-only disk the damaged file stays where it is until it can be set aside; the first write sets it aside first', async () => {
    const text = [JOURNAL_HEADER, line(good[0]), 'garbage'].join('\n') + '\n'
    await writeFile(path(), text)
    const fs = new FaultyFs().readOnly()
    const j = new PaymentJournal(dir, { fs })
    expect(await keys(j)).toEqual(['a'])
    expect(await j.notices()).toMatchObject([{ kind: 'damaged-file', detail: expect.stringContaining('?') }])
    expect(await readFile(path(), 'utf8')).toBe(text)
    await expect(j.put(entry('b', 2))).rejects.toMatchObject({ kind: 'storage' })
    fs.heal()
    await j.put(entry('b', 2))
    const aside = await asideFiles()
    expect(aside).toHaveLength(1)
    expect(await readFile(join(dir, aside[0]!), 'utf8')).toBe(text)
    expect(await keys(new PaymentJournal(dir))).toEqual(['a', 'b'])
    expect((await j.notices())[0]!.detail).toContain(aside[0])
  })

  it('where hard links are refused the damaged file is copied aside', async () => {
    await writeFile(path(), 'broken')
    const fs = new FaultyFs().fail('link', 'EPERM')
    const j = new PaymentJournal(dir, { fs })
    expect(await j.all()).toEqual([])
    const aside = await asideFiles()
    expect(aside).toHaveLength(1)
    expect(await readFile(join(dir, aside[0]!), 'utf8')).toBe('broken')
  })
})

describe('payment journal: the first format', () => {
  it('is moved into the new file once, the old one kept renamed', async () => {
    const old = JSON.stringify({ version: 1, entries: [entry('a', 1), entry('b', 2)] }, null, 1)
    await writeFile(join(dir, LEGACY_JOURNAL_FILE), old)
    const j = new PaymentJournal(dir)
    expect(await keys(j)).toEqual(['a', 'b'])
    expect(await j.notices()).toEqual([])
    const files = await readdir(dir)
    expect(files).toContain(JOURNAL_FILE)
    expect(files).not.toContain(LEGACY_JOURNAL_FILE)
    expect(files.some((f) => f.startsWith(`${LEGACY_JOURNAL_FILE}.migrated-`))).toBe(true)
    expect(await keys(new PaymentJournal(dir))).toEqual(['a', 'b'])
  })

  it('a cut-off old journal gives up only the cut entry', async () => {
    const old = JSON.stringify({ version: 1, entries: [entry('a', 1), entry('b', 2), entry('c', 3)] }, null, 1)
    await writeFile(join(dir, LEGACY_JOURNAL_FILE), old.slice(0, old.length - 60))
    const j = new PaymentJournal(dir)
    expect(await keys(j)).toEqual(['a', 'b'])
    expect(await j.notices()).toMatchObject([{ kind: 'damaged-file', detail: expect.stringContaining(LEGACY_JOURNAL_FILE) }])
  })

  it('is not moved while the disk refuses: the journal answers storage, and the old file stays', async () => {
    await writeFile(join(dir, LEGACY_JOURNAL_FILE), JSON.stringify({ version: 1, entries: [entry('a')] }, null, 1))
    const fs = new FaultyFs().full()
    const j = new PaymentJournal(dir, { fs })
    await expect(j.all()).rejects.toMatchObject({ kind: 'storage' })
    expect(await readdir(dir)).toEqual([LEGACY_JOURNAL_FILE])
    fs.heal()
    expect(await keys(j)).toEqual(['a'])
  })
})
