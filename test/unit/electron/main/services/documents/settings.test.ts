import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DOCUMENTS_SETTINGS_FILE, DocumentsSettingsStore } from '../../../../../../electron/main/services/documents/settings'
import { DEFAULT_MAX_UPLOAD_MB } from '../../../../../../shared/patients/upload-rules'
import { FaultyFs } from '../../../../../support/faulty-fs'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'doc-settings-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

describe('documents settings file', () => {
  it('a write the disk refuses is a storage error and changes nothing; the next one is written', async () => {
    const fs = new FaultyFs()
    const s = new DocumentsSettingsStore(dir, fs)
    await s.set({ maxUploadMb: 20 })
    fs.fail('rename', 'ENOSPC', { times: 1 })
    await expect(s.set({ maxUploadMb: 40 })).rejects.toMatchObject({ kind: 'storage', code: 'settings-write-failed' })
    expect(await s.get()).toEqual({ maxUploadMb: 20 })
    expect(await new DocumentsSettingsStore(dir).get()).toEqual({ maxUploadMb: 20 })
    await s.set({ maxUploadMb: 30 })
    expect(await new DocumentsSettingsStore(dir).get()).toEqual({ maxUploadMb: 30 })
  })

  it('a damaged file is set aside and the defaults apply', async () => {
    await writeFile(join(dir, DOCUMENTS_SETTINGS_FILE), '\0\0\0\0')
    expect(await new DocumentsSettingsStore(dir).get()).toEqual({ maxUploadMb: DEFAULT_MAX_UPLOAD_MB })
    const files = await readdir(dir)
    expect(files.filter((f) => f.startsWith(`${DOCUMENTS_SETTINGS_FILE}.damaged-`))).toHaveLength(1)
    expect(JSON.parse(await readFile(join(dir, DOCUMENTS_SETTINGS_FILE), 'utf8'))).toEqual({ maxUploadMb: DEFAULT_MAX_UPLOAD_MB })
  })
})
