import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SETTINGS_FILE, SettingsStore } from '../../../../../../electron/main/services/settings/settings-store'
import { COMPUTER_DEFAULTS, PRACTICE_DEFAULTS, settingsChannels } from '../../../../../../shared/contract/settings'
import { FaultyFs } from '../../../../../support/faulty-fs'

let dir: string
let practice: { practiceId: number; archiveId: number } | null
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'desk-settings-'))
  practice = { practiceId: 1, archiveId: 10 }
})
afterEach(() => rm(dir, { recursive: true, force: true }))

const store = (fs?: FaultyFs) => new SettingsStore({ dataDir: dir, practice: async () => practice, ...(fs ? { fs } : {}) })

describe('desk settings', () => {
  it('defaults until something is chosen', async () => {
    expect(await store().get()).toEqual({ ...COMPUTER_DEFAULTS, ...PRACTICE_DEFAULTS })
  })

  it("practice settings are the connected practice's; computer settings stay across practices", async () => {
    const s = store()
    await s.update({ alertFields: ['allergie'], lockAfterMinutes: 9 })
    practice = { practiceId: 2, archiveId: 20 }
    expect(await s.get()).toMatchObject({ alertFields: [], lockAfterMinutes: 9 })
    practice = { practiceId: 1, archiveId: 10 }
    expect(await store().get()).toMatchObject({ alertFields: ['allergie'], lockAfterMinutes: 9 })
  })

  it('practice settings are refused with no practice connected; computer ones are kept', async () => {
    practice = null
    const s = store()
    await expect(s.update({ lateAfterMinutes: 20 })).rejects.toMatchObject({ kind: 'not-connected', code: 'settings-need-practice' })
    expect((await s.update({ notifications: false })).notifications).toBe(false)
  })

  it('a write the disk refuses changes nothing, in memory or on disk, and tells no listener', async () => {
    const fs = new FaultyFs()
    const s = store(fs)
    const heard: number[] = []
    s.onChange((v) => heard.push(v.lateAfterMinutes))
    await s.update({ lateAfterMinutes: 12 })
    fs.fail('rename', 'ENOSPC', { times: 1 })
    await expect(s.update({ lateAfterMinutes: 40 })).rejects.toMatchObject({ kind: 'storage', code: 'settings-write-failed' })
    expect((await s.get()).lateAfterMinutes).toBe(12)
    expect((await store().get()).lateAfterMinutes).toBe(12)
    expect(heard).toEqual([12])
  })

  it('a damaged value falls back to its default and the rest is kept; the file is set aside', async () => {
    await writeFile(
      join(dir, SETTINGS_FILE),
      JSON.stringify({
        computer: { lockAfterMinutes: -3, notifications: false },
        practices: { '1:10': { lateAfterMinutes: 25, alertFields: 'x' }, bad: {} },
      }),
    )
    expect(await store().get()).toMatchObject({ lockAfterMinutes: 5, notifications: false, lateAfterMinutes: 25, alertFields: [] })
    expect((await readdir(dir)).some((f) => f.startsWith(`${SETTINGS_FILE}.damaged-`))).toBe(true)
  })

  it('the door refuses unknown keys, http feeds and bad field names', () => {
    const input = settingsChannels.settingsUpdate.input
    expect(input.safeParse({ lateAfterMinutes: 5 }).success).toBe(true)
    expect(input.safeParse({ colour: 'red' }).success).toBe(false)
    expect(input.safeParse({ updateFeedUrl: 'http://updates.example.test/' }).success).toBe(false)
    expect(input.safeParse({ alertFields: ['__proto__'] }).success).toBe(false)
    expect(input.safeParse({ followUpDays: 91 }).success).toBe(false)
  })
})
