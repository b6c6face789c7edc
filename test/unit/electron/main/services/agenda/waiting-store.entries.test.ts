import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WaitingStore } from '../../../../../../electron/main/services/agenda/waiting-store'

describe('waiting-since store (main, JSON in the data folder)', () => {
  let dir: string
  const now = 1_000_000_000_000
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sportello-waiting-'))
  })
  afterEach(() => rm(dir, { recursive: true, force: true }))

  it('records when the desk marked waiting, keeps the first mark, clears it for other states, survives a restart', async () => {
    const file = join(dir, 'w.json')
    const s = new WaitingStore(file, () => now)
    expect(await s.record(7, true, now - 60_000)).toEqual({ appointmentId: 7, since: now - 60_000 })
    expect(await s.record(7, true, now)).toEqual({ appointmentId: 7, since: now - 60_000 })
    await s.record(8, true)
    expect(await new WaitingStore(file, () => now).get([7, 8, 9])).toEqual([
      { appointmentId: 7, since: now - 60_000 },
      { appointmentId: 8, since: now },
    ])
    await s.record(7, false)
    expect(await s.get([7, 8])).toEqual([{ appointmentId: 8, since: now }])
  })

  it('forgets marks older than two days and starts afresh from an unreadable file', async () => {
    const file = join(dir, 'w.json')
    await writeFile(file, '{not json')
    const s = new WaitingStore(file, () => now)
    expect(await s.get([1])).toEqual([])
    await s.record(1, true, now - 3 * 24 * 3600_000)
    await s.record(2, true)
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ 2: now })
  })
})
