import { basename } from 'node:path'
import { PathGrants } from './path-grants'
import type { DocumentMeta, DocumentType } from '../../../../shared/alfadocs/schemas'
import { refusalForSize, type RefusalReason } from '../../../../shared/patients/upload-rules'
import type { AlfaDocsClient } from '../../alfadocs/client'
import { AppError } from '../app-error'
import { inspectPaths, resolveRegular } from './inspect'
import type { DocumentsSettingsStore } from './settings'
import { streamDocumentCreate, UploadCancelled, type UploadSource } from './stream-upload'
import { UploadRegistry } from './upload-registry'

type Outcome = { state: 'done'; document: DocumentMeta } | { state: 'cancelled' }
interface UploadMeta {
  uploadId: string
  patientId: number
  name: string
  type: DocumentType
  folderName: string
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
  ) {}

  private checkGranted(paths: readonly string[]) {
    const refused = paths.find((p) => !this.grants.allows(p))
    if (refused !== undefined) throw new AppError('invalid', `"${basename(refused)}" was not dropped or chosen here, so Sportello will not read it.`)
  }

  async list(patientId: number): Promise<DocumentMeta[]> {
    const docs = await (await this.client()).request('documentsList', { params: { patientId } })
    return [...docs].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''))
  }

  async download(patientId: number, documentId: number): Promise<{ base64: string }> {
    const r = await (await this.client()).request('documentDownload', { params: { patientId, documentId } })
    return { base64: r.file }
  }

  async inspect(paths: readonly string[], asXray: boolean) {
    this.checkGranted(paths)
    const { maxUploadMb } = await this.settings.get()
    return inspectPaths(paths, { maxMb: maxUploadMb, asXray })
  }

  /** Uploads a file from disk; the path is checked again here (regular file after links, size limit). */
  async uploadPath(m: UploadMeta & { path: string }): Promise<Outcome> {
    this.checkGranted([m.path])
    const { maxUploadMb } = await this.settings.get()
    const r = await resolveRegular(m.path)
    if (r.kind === 'dir') throw new AppError('invalid', `"${m.name}" is a folder: drop it to upload the files inside.`)
    if (r.kind === 'refused') throw new AppError('invalid', refusalMessage(m.name, r.reason, maxUploadMb))
    const refusal = refusalForSize(r.file.size, maxUploadMb)
    if (refusal) throw new AppError('invalid', refusalMessage(m.name, refusal, maxUploadMb))
    return this.run(m, { path: r.file.path, size: r.file.size })
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
