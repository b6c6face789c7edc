import { join } from 'node:path'
import { documentsSettingsSchema } from '../../../../shared/contract/documents'
import { DEFAULT_MAX_UPLOAD_MB } from '../../../../shared/patients/upload-rules'
import { DurableFile, type FileCodec, warnDamaged } from '../../storage/durable-file'
import type { Fs } from '../../storage/fs-layer'

export type DocumentsSettings = { maxUploadMb: number }

export const DOCUMENTS_SETTINGS_FILE = 'documents-settings.json'

const codec: FileCodec<DocumentsSettings> = {
  empty: () => ({ maxUploadMb: DEFAULT_MAX_UPLOAD_MB }),
  encode: (s) => JSON.stringify(s),
  decode(text) {
    const parsed = documentsSettingsSchema.safeParse(JSON.parse(text))
    return parsed.success ? { value: parsed.data, intact: true } : { value: codec.empty(), intact: false, note: 'not valid settings' }
  },
}

/**
 * The documents settings (largest upload), in a small JSON file in the app's data folder. They are this
 * computer's, not a practice's: they stay across a change of practice. A damaged file is set aside and the
 * defaults apply; a failed write changes nothing and is a 'storage' error.
 */
export class DocumentsSettingsStore {
  private readonly file: DurableFile<DocumentsSettings>

  constructor(dataDir: string, fs?: Fs) {
    this.file = new DurableFile(join(dataDir, DOCUMENTS_SETTINGS_FILE), {
      codec,
      writeCode: 'settings-write-failed',
      readCode: 'settings-read-failed',
      onDamaged: warnDamaged,
      ...(fs ? { fs } : {}),
    })
  }

  async get(): Promise<DocumentsSettings> {
    return { ...(await this.file.read()) }
  }

  async set(s: DocumentsSettings): Promise<DocumentsSettings> {
    return { ...(await this.file.update(() => ({ ...s }))) }
  }
}
