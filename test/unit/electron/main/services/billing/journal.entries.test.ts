import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { JOURNAL_FILE, PaymentJournal } from '../../../../../../electron/main/services/billing/journal'
import type { PaymentEntry } from '../../../../../../electron/main/services/billing/types'
import { paymentEntry } from '../../../../../support/payment-entry'

const entry = (key: string, over: Partial<PaymentEntry> = {}) => paymentEntry(key, {}, over)

describe('payment journal', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'journal-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('starts empty when there is no file, and a put is on disk for the next process', async () => {
    const j = new PaymentJournal(dir)
    expect(await j.all()).toEqual([])
    const e = entry('a')
    await j.put(e)
    e.steps[0]!.state = 'posting' // the caller's object is not the stored one
    const again = new PaymentJournal(dir)
    const read = await again.get('a')
    expect(read?.steps[0]?.state).toBe('intent')
    expect(read?.key).toBe('a')
  })

  it('leaves no temp files behind and keeps the last of many concurrent writes', async () => {
    const j = new PaymentJournal(dir)
    await Promise.all(Array.from({ length: 25 }, (_, i) => j.put(entry(`k${i}`, { attempts: i }))))
    await j.put(entry('k3', { attempts: 99 }))
    expect(await readdir(dir)).toEqual([JOURNAL_FILE])
    const again = new PaymentJournal(dir)
    const all = await again.all()
    expect(all).toHaveLength(25)
    expect(all.find((e) => e.key === 'k3')?.attempts).toBe(99)
  })

  it('sets a damaged journal aside instead of refusing every payment, and keeps its bytes', async () => {
    const bad = '{"version":1,"entries":[{"key":'
    await writeFile(join(dir, JOURNAL_FILE), bad)
    const j = new PaymentJournal(dir)
    expect(await j.all()).toEqual([])
    expect(await j.notices()).toMatchObject([{ kind: 'damaged-file', code: 'journal-damaged' }])
    const aside = (await readdir(dir)).find((f) => f.startsWith(`${JOURNAL_FILE}.damaged-`))
    expect(aside).toBeDefined()
    // The damaged file is kept as it was for support to look at.
    expect(await readFile(join(dir, aside!), 'utf8')).toBe(bad)
  })

  it('forgets finished payments after 90 days, keeps unfinished ones forever', async () => {
    let now = new Date('2026-01-01T10:00:00Z')
    const j = new PaymentJournal(dir, () => now)
    await j.put(entry('old-done', { state: 'done' }))
    await j.put(entry('old-pending'))
    now = new Date('2026-06-01T10:00:00Z')
    const later = new PaymentJournal(dir, () => now)
    expect((await later.all()).map((e) => e.key)).toEqual(['old-pending'])
  })
})
