import { mkdtemp, readdir, rm, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DAY_CLOSE_DIR, DayCloseService } from '../../../../../../electron/main/services/billing/day-close'
import type { Takings } from '../../../../../../shared/contract/billing'
import { FaultyFs } from '../../../../../support/faulty-fs'

// The day close on real files: counted cash and note kept per practice and day; a refused write keeps nothing.

const DAY = '2026-03-11'
let dir: string
let practice = { practiceId: 1, archiveId: 10 }
const takings: Takings = {
  date: DAY,
  transactions: [],
  byPaymentType: [
    { id: 1, name: 'Contante', count: 2, totalCents: 12_000 },
    { id: 2, name: 'Bancomat', count: 1, totalCents: 30_000 },
  ],
  byAccount: [{ id: 9, name: 'Cassa', count: 3, totalCents: 42_000 }],
  totalCents: 42_000,
  billNumbers: {},
}
const service = (fs?: FaultyFs) =>
  new DayCloseService({
    dataDir: dir,
    practice: async () => practice,
    takings: async () => takings,
    paymentTypes: async () => [
      { id: 1, name: 'Contante' },
      { id: 2, name: 'Bancomat' },
    ],
    now: () => new Date('2026-03-11T18:00:00Z'),
    ...(fs ? { fs } : {}),
  })

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'day-close-'))
  practice = { practiceId: 1, archiveId: 10 }
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('day close', () => {
  it('expects the cash payment types only; saving keeps counted cash, difference and note, read again by a new start', async () => {
    expect(await service().get(DAY)).toMatchObject({ expectedCash: 12_000, countedCash: null, difference: null, savedAt: null })
    const saved = await service().save(DAY, 11_500, 'manca una moneta')
    expect(saved).toMatchObject({
      expectedCash: 12_000,
      countedCash: 11_500,
      difference: -500,
      note: 'manca una moneta',
      savedAt: '2026-03-11T18:00:00.000Z',
    })
    expect(await service().get(DAY)).toEqual(saved)
    expect(await readdir(join(dir, DAY_CLOSE_DIR))).toEqual(['1-10'])
    // Another practice on this computer has its own day close.
    practice = { practiceId: 2, archiveId: 20 }
    expect(await service().get(DAY)).toMatchObject({ countedCash: null })
  })

  it('a write the disk refuses keeps nothing: the day stays unsaved, in memory and on disk', async () => {
    const fs = new FaultyFs()
    const s = service(fs)
    fs.fail('rename', 'ENOSPC', { times: 1 })
    await expect(s.save(DAY, 100)).rejects.toMatchObject({ kind: 'storage', code: 'day-close-write-failed' })
    expect(await s.get(DAY)).toMatchObject({ countedCash: null, savedAt: null })
    expect(await service().get(DAY)).toMatchObject({ countedCash: null })
  })

  it('a damaged file is set aside and the day reads as not saved', async () => {
    await mkdir(join(dir, DAY_CLOSE_DIR, '1-10'), { recursive: true })
    await writeFile(join(dir, DAY_CLOSE_DIR, '1-10', `${DAY}.json`), '{"date": "2026-03-11", "countedCash": "x"')
    expect(await service().get(DAY)).toMatchObject({ countedCash: null })
    const names = await readdir(join(dir, DAY_CLOSE_DIR, '1-10'))
    expect(names.some((n) => n.startsWith(`${DAY}.json`) && n !== `${DAY}.json`)).toBe(true)
  })
})
