import { PathGrants } from './path-grants'
import type { DocumentMeta, DocumentType } from '../../../../shared/alfadocs/schemas'
import { refusalForSize, type RefusalReason } from '../../../../shared/patients/upload-rules'
import type { AlfaDocsClient } from '../../alfadocs/client'
import { AppError } from '../app-error'
import { openGranted } from './granted-file'
import { inspectPaths, notGranted } from './inspect'
import type { DocumentsSettingsStore } from './settings'
import { defaultUploadDeadlineMs, streamDocumentCreate, UploadCancelled, type UploadSource } from './stream-upload'
import { UploadRegistry } from './upload-registry'

type Outcome = { state: 'done'; document: DocumentMeta } | { state: 'cancelled' }
interface UploadMeta {
  uploadId: string
  patientId: number
  name: string
  type: DocumentType
  folderName: string
}

export interface DocumentsServiceOptions {
  /** The overall deadline of one upload, in ms, from the size of the file (tests make it short). */
  uploadDeadlineMs?: (fileBytes: number) => number
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

function refusalMessage(name: string, reason: RefusalReason, maxMb: number): string {
  switch (reason) {
    case 'too-large':
      return `"${name}" is larger than the ${maxMb} MB limit.`
    case 'empty':
      return `"${name}" is empty.`
    case 'unreadable':
      return `"${name}" cannot be read.`
    case 'not-a-file':
      return `"${name}" is not a regular file.`
  }
}

/** A patient's documents: list, download, and uploads streamed from disk (or from bytes the page holds). */
export class DocumentsService {
  readonly uploads = new UploadRegistry()

  constructor(
    private readonly client: () => Promise<AlfaDocsClient>,
    readonly settings: DocumentsSettingsStore,
    readonly grants: PathGrants = new PathGrants(),
    private readonly options: DocumentsServiceOptions = {},
  ) {}

  async list(patientId: number): Promise<DocumentMeta[]> {
    const docs = await (await this.client()).request('documentsList', { params: { patientId } })
    // Newest first; AlfaDocs stamps to the second, so uploads of one second are told apart by id (newer is higher).
    return [...docs].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '') || b.id - a.id)
  }

  async download(patientId: number, documentId: number): Promise<{ base64: string }> {
    const r = await (await this.client()).request('documentDownload', { params: { patientId, documentId } })
    return { base64: r.file }
  }

  async inspect(paths: readonly string[], asXray: boolean) {
    const { maxUploadMb } = await this.settings.get()
    return inspectPaths(paths, this.grants, { maxMb: maxUploadMb, asXray })
  }

  /**
   * Uploads a file from disk. The path is checked again here (where it really is, a regular file, the size
   * limit) and the file opened once: what is sent is read from that descriptor, never from the path again.
   */
  async uploadPath(m: UploadMeta & { path: string }): Promise<Outcome> {
    const { maxUploadMb } = await this.settings.get()
    const o = await openGranted(m.path, this.grants)
    if (o.kind === 'not-granted') throw notGranted(m.path)
    if (o.kind === 'dir') throw new AppError('invalid', `"${m.name}" is a folder: drop it to upload the files inside.`)
    if (o.kind === 'refused') throw new AppError('invalid', refusalMessage(m.name, o.reason, maxUploadMb))
    try {
      const refusal = refusalForSize(o.size, maxUploadMb)
      if (refusal) throw new AppError('invalid', refusalMessage(m.name, refusal, maxUploadMb))
      return await this.run(m, { handle: o.handle, size: o.size })
    } finally {
      await o.handle.close().catch(() => undefined)
    }
  }

  /** Uploads bytes the page already holds, with the same checks. */
  async uploadBytes(m: UploadMeta & { base64: string }): Promise<Outcome> {
    const { maxUploadMb } = await this.settings.get()
    if (m.base64.length % 4 !== 0 || !BASE64.test(m.base64)) throw new AppError('invalid', `"${m.name}" did not arrive as base64 data.`)
    const padding = m.base64.endsWith('==') ? 2 : m.base64.endsWith('=') ? 1 : 0
    const size = (m.base64.length / 4) * 3 - padding
    const refusal = refusalForSize(size, maxUploadMb)
    if (refusal) throw new AppError('invalid', refusalMessage(m.name, refusal, maxUploadMb))
    return this.run(m, { base64: m.base64, size })
  }

  private async run(m: UploadMeta, source: UploadSource): Promise<Outcome> {
    if (this.uploads.wasCancelledEarly(m.uploadId)) return { state: 'cancelled' }
    const job = this.uploads.begin(m.uploadId, source.size)
    try {
      const document = await streamDocumentCreate({
        client: await this.client(),
        patientId: m.patientId,
        name: m.name,
        type: m.type,
        folderName: m.folderName,
        source,
        signal: job.signal,
        onProgress: job.progress,
        deadlineMs: (this.options.uploadDeadlineMs ?? defaultUploadDeadlineMs)(source.size),
      })
      job.end('done')
      return { state: 'done', document }
    } catch (e) {
      if (e instanceof UploadCancelled || job.signal.aborted) {
        job.end('cancelled')
        return { state: 'cancelled' }
      }
      job.end('failed')
      throw e
    }
  }
}
