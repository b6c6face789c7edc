import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { documentsSettingsSchema } from '../../../../shared/contract/documents'
import { DEFAULT_MAX_UPLOAD_MB } from '../../../../shared/patients/upload-rules'

export type DocumentsSettings = { maxUploadMb: number }

/** The documents settings (largest upload), in a small JSON file in the app's data folder. */
export class DocumentsSettingsStore {
  private cached: DocumentsSettings | null = null
  private readonly file: string

  constructor(private readonly dataDir: string) {
    this.file = join(dataDir, 'documents-settings.json')
  }

  async get(): Promise<DocumentsSettings> {
    if (this.cached) return this.cached
    try {
      const parsed = documentsSettingsSchema.safeParse(JSON.parse(await readFile(this.file, 'utf8')))
      this.cached = parsed.success ? parsed.data : { maxUploadMb: DEFAULT_MAX_UPLOAD_MB }
    } catch {
      this.cached = { maxUploadMb: DEFAULT_MAX_UPLOAD_MB }
    }
    return this.cached
  }

  async set(s: DocumentsSettings): Promise<DocumentsSettings> {
    await mkdir(this.dataDir, { recursive: true })
    const tmp = `${this.file}.tmp`
    await writeFile(tmp, JSON.stringify(s))
    await rename(tmp, this.file)
    this.cached = { ...s }
    return this.cached
  }
}
