import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WaitingStore } from '../../../../../../electron/main/services/agenda/waiting-store'
import { FaultyFs } from '../../../../../support/faulty-fs'
import { freshTempFile } from '../../../../../support/temp-file'

const NOW = 1_000_000_000_000
let dir: string
let file: string
beforeEach(async () => {
  ;({ dir, file } = await freshTempFile('waiting-', 'agenda-waiting.json'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

describe('waiting-since store under faults', () => {
  for (const [name, inject] of [
    ['a full disk', (fs: FaultyFs) => fs.full()],
    ['a read-only disk', (fs: FaultyFs) => fs.readOnly()],
  ] as const) {
    it(`${name}: the mark is refused as storage and not kept; once the disk works the next mark is written (no stuck store)`, async () => {
      const fs = new FaultyFs()
      const s = new WaitingStore(file, () => NOW, fs)
      await s.record(1, true)
      inject(fs)
      await expect(s.record(2, true)).rejects.toMatchObject({
        kind: 'storage',
        code: 'waiting-write-failed',
        detail: expect.stringContaining('agenda-waiting.json'),
      })
      await expect(s.record(3, true)).rejects.toMatchObject({ kind: 'storage' })
      expect(await s.get([1, 2, 3])).toEqual([{ appointmentId: 1, since: NOW }])
      fs.heal()
      await s.record(4, true)
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ 1: NOW, 4: NOW })
      expect(await new WaitingStore(file, () => NOW).get([1, 2, 3, 4])).toEqual([
        { appointmentId: 1, since: NOW },
        { appointmentId: 4, since: NOW },
      ])
    })
  }

  it('a damaged file is set aside, its readable marks kept', async () => {
    await writeFile(file, JSON.stringify({ 5: NOW - 1000, x: 'y', 6: 'soon' }))
    const s = new WaitingStore(file, () => NOW)
    expect(await s.get([5, 6])).toEqual([{ appointmentId: 5, since: NOW - 1000 }])
    const aside = (await readdir(dir)).filter((f) => f.startsWith('agenda-waiting.json.damaged-'))
    expect(aside).toHaveLength(1)
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ 5: NOW - 1000 })
  })

  it('clear forgets every mark, on disk too (the desk disconnected)', async () => {
    const s = new WaitingStore(file, () => NOW)
    await s.record(7, true)
    await s.clear()
    expect(await s.get([7])).toEqual([])
    expect(await new WaitingStore(file, () => NOW).get([7])).toEqual([])
  })

  it('first seen: a patient already waiting without a mark gets one when this desk first sees it, kept across a restart', async () => {
    let now = NOW
    const s = new WaitingStore(file, () => now)
    await s.record(1, true)
    expect(await s.seen([1, 2])).toEqual([{ appointmentId: 1, since: NOW }])
    now = NOW + 60_000
    expect(await s.seen([1, 2], now)).toEqual([
      { appointmentId: 1, since: NOW },
      { appointmentId: 2, since: NOW + 60_000 },
    ])
    now = NOW + 600_000
    const restarted = new WaitingStore(file, () => now)
    expect(await restarted.seen([2, 3])).toEqual([{ appointmentId: 2, since: NOW + 60_000 }])
    expect(await restarted.seen([2], now)).toEqual([{ appointmentId: 2, since: NOW + 60_000 }])
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ 1: NOW, 2: NOW + 60_000 })
  })

  it("the desk's clock behind main's: a mark written at the desk's time is kept, not dropped as two days old", async () => {
    const s = new WaitingStore(file, () => NOW)
    const desk = NOW - 30 * 24 * 3600 * 1000
    expect(await s.seen([1], desk)).toEqual([{ appointmentId: 1, since: desk }])
    expect(await s.record(2, true, desk)).toEqual({ appointmentId: 2, since: desk })
    expect(await new WaitingStore(file, () => NOW).get([1, 2])).toEqual([
      { appointmentId: 1, since: desk },
      { appointmentId: 2, since: desk },
    ])
  })
})
