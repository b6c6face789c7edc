import { randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createPinia, setActivePinia } from 'pinia'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DocumentMeta, Patient } from '../../shared/alfadocs/schemas'
import { channelNames } from '../../shared/contract'
import { createMainApp, type MainApp } from '../../electron/main/app'
import { MemorySecretStore } from '../../electron/main/keychain/memory-store'
import { useUploadStore } from '../../renderer/src/features/documents/upload-store'

// The Electron path of an upload, without Electron: the renderer's upload queue with a window.api whose
// channels are main's real invoke (as the preload forwards them) and whose pathForFile answers like
// webUtils.getPathForFile. Dropped: a folder (with a nested file and a link) and a file over the limit.

let app: MainApp
let dir: string
const invoke = async <T>(channel: string, input: unknown = {}): Promise<T> => {
  const r = await app.invoke(channel, input)
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`)
  return r.value as T
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sportello-electron-path-'))
  app = createMainApp({ secretStore: new MemorySecretStore(), dataDir: join(dir, 'data'), sandbox: { today: '2026-03-11' } })
  await invoke('sessionConnectDemo')
})
afterAll(async () => {
  await app?.dispose()
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('uploads through dropped paths (the Electron flow)', () => {
  it('expands a dropped folder in main, streams each file from disk, and refuses the too-large one by name', async () => {
    const paths = new Map<object, string>()
    const api: Record<string, unknown> = Object.fromEntries(channelNames.map((c) => [c, (input: unknown) => app.invoke(c, input ?? {})]))
    // As the preload does: resolve the path and tell main the user handed it over.
    api.pathForFile = (f: object) => {
      const p = paths.get(f) ?? ''
      if (p) app.grantPath(p)
      return p
    }
    ;(globalThis as { window?: unknown }).window = { api }
    setActivePinia(createPinia())

    await invoke('documentsSettingsSet', { maxUploadMb: 1 })
    const folder = join(dir, 'Esami')
    await mkdir(join(folder, 'vecchi'), { recursive: true })
    const dicom = randomBytes(300_000)
    dicom.write('DICM', 128, 'ascii')
    await writeFile(join(folder, 'cbct.dcm'), dicom)
    await writeFile(join(folder, 'vecchi', 'referto.pdf'), '%PDF-1.4\n%%EOF\n')
    await symlink(join(folder, 'cbct.dcm'), join(folder, 'link-a-cbct.dcm'))
    const big = join(dir, 'enorme.tif')
    await writeFile(big, Buffer.concat([Buffer.from([0x49, 0x49, 0x2a, 0x00]), Buffer.alloc(2 * 1024 * 1024)]))
    const folderFile = new File([], 'Esami')
    const bigFile = new File([], 'enorme.tif')
    paths.set(folderFile, folder)
    paths.set(bigFile, big)

    const patient = (await invoke<{ results: Patient[] }>('patientsSearch', { text: 'g', limit: 1 })).results[0]!
    const store = useUploadStore()
    await store.addFiles(patient.id, 'Paziente', [folderFile, bigFile])
    const rows = () =>
      store.rows.map((r: { name: string; state: string; type: string; folderName: string; refusal: string | null }) => [
        r.name,
        r.state,
        r.type,
        r.folderName,
        r.refusal,
      ])
    for (let i = 0; i < 200 && store.active > 0; i++) await new Promise((r) => setTimeout(r, 25))
    expect(rows()).toEqual([
      ['cbct.dcm', 'done', 'xray', 'Radiografie', null],
      ['referto.pdf', 'done', 'text', 'Documenti', null],
      ['enorme.tif', 'refused', 'image', 'Immagini', 'too-large'],
    ])
    const docs = await invoke<DocumentMeta[]>('documentsList', { patientId: patient.id })
    const cbct = docs.find((d) => d.name === 'cbct.dcm')!
    const back = await invoke<{ base64: string }>('documentsDownload', { patientId: patient.id, documentId: cbct.id })
    expect(Buffer.from(back.base64, 'base64').equals(dicom)).toBe(true)
    expect(store.landed[patient.id]).toBe(2)
  })

  it('refuses to read a path the user did not drop or pick, even an existing regular file', async () => {
    const secret = join(dir, 'not-dropped.txt')
    await writeFile(secret, 'private')
    const patient = (await invoke<{ results: Patient[] }>('patientsSearch', { text: 'g', limit: 1 })).results[0]!
    for (const [channel, input] of [
      ['documentsInspectPaths', { paths: [secret] }],
      [
        'documentsUploadPaths',
        { uploadId: 'u-not-granted', patientId: patient.id, path: secret, name: 'x.txt', type: 'text', folderName: 'Documenti' },
      ],
    ] as const) {
      const r = await app.invoke(channel, input)
      expect(r.ok, channel).toBe(false)
      if (!r.ok) expect(r.error.message).toMatch(/not dropped or chosen/)
    }
    expect(app.grantPath('relative/path.txt')).toBe(false)
    expect(app.grantPath(secret)).toBe(true)
    const ok = await app.invoke('documentsInspectPaths', { paths: [secret] })
    expect(ok.ok).toBe(true)
  })
})
