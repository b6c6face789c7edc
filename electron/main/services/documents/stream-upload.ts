import { open } from 'node:fs/promises'
import http from 'node:http'
import https from 'node:https'
import { routes } from '../../../../shared/alfadocs/routes'
import type { DocumentMeta, DocumentType } from '../../../../shared/alfadocs/schemas'
import { base64Length } from '../../../../shared/patients/upload-rules'
import type { AlfaDocsClient } from '../../alfadocs/client'
import { AlfaDocsError, kindForStatus, serverExplanation } from '../../alfadocs/errors'
import { parseEnvelope } from '../../alfadocs/parse'
import { AppError } from '../app-error'

/** Read size: a multiple of 3, so each chunk encodes to base64 on its own without padding. */
export const CHUNK_BYTES = 3 * 64 * 1024
const IDLE_TIMEOUT_MS = 60_000

export type UploadSource = { path: string; size: number } | { base64: string; size: number }

export interface StreamUploadArgs {
  client: AlfaDocsClient
  patientId: number
  name: string
  type: DocumentType
  folderName: string
  source: UploadSource
  signal: AbortSignal
  /** Bytes of the file sent so far. */
  onProgress?: (sent: number) => void
}

export class UploadCancelled extends Error {
  constructor() {
    super('upload cancelled')
  }
}

/**
 * POST /patients/{id}/documents with the JSON body streamed: the file is read in chunks, each encoded to
 * base64 and written as it goes, so main holds a few hundred KB of it at a time, not the whole file. Same
 * auth header and rate limiter as the API client; no retry (a POST may have been applied).
 */
export async function streamDocumentCreate(a: StreamUploadArgs): Promise<DocumentMeta> {
  // Key order puts the big field last, so the small ones can be written up front.
  const head = Buffer.from(
    `{"type":${JSON.stringify(a.type)},"name":${JSON.stringify(a.name)},"folderName":${JSON.stringify(a.folderName)},"base64Data":"`,
  )
  const tail = Buffer.from('"}')
  const b64Len = 'base64' in a.source ? a.source.base64.length : base64Length(a.source.size)

  let prepared
  try {
    prepared = await a.client.prepareStreamed('documentCreate', { patientId: a.patientId }, a.signal)
  } catch (e) {
    if (a.signal.aborted) throw new UploadCancelled()
    throw e
  }
  if (a.signal.aborted) throw new UploadCancelled()
  const url = new URL(prepared.url)
  const headers = { ...prepared.headers, 'Content-Length': String(head.length + b64Len + tail.length) }

  const lib = url.protocol === 'https:' ? https : http
  return new Promise<DocumentMeta>((resolve, reject) => {
    let settled = false
    const fail = (e: unknown) => {
      if (settled) return
      settled = true
      req.destroy()
      reject(e)
    }
    const onAbort = () => fail(new UploadCancelled())
    a.signal.addEventListener('abort', onAbort, { once: true })

    const req = lib.request(url, { method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('error', fail)
      res.on('end', () => {
        a.signal.removeEventListener('abort', onAbort)
        if (settled) return
        const text = Buffer.concat(chunks).toString('utf8')
        const status = res.statusCode ?? 0
        let json: unknown
        try {
          json = text.trim() === '' ? undefined : JSON.parse(text)
        } catch {
          json = undefined
        }
        try {
          if (status < 200 || status >= 300) {
            const said = serverExplanation(text, json)
            const kind = status >= 300 && status < 400 ? 'bad-response' : kindForStatus(status)
            throw new AlfaDocsError(kind, `AlfaDocs refused the upload of "${a.name}" (HTTP ${status})${said ? `: ${said}` : ''}.`, {
              route: 'documentCreate',
              status,
            })
          }
          if (json === undefined) throw new AlfaDocsError('bad-response', `AlfaDocs answered the upload of "${a.name}" without JSON.`, { route: 'documentCreate', status })
          settled = true
          resolve(parseEnvelope('documentCreate', routes.documentCreate, status, json) as DocumentMeta)
        } catch (e) {
          fail(e)
        }
      })
    })
    req.setTimeout(IDLE_TIMEOUT_MS, () =>
      fail(new AlfaDocsError('timeout', `AlfaDocs stopped answering while "${a.name}" was uploading.`, { route: 'documentCreate' })),
    )
    req.on('error', (e) =>
      fail(a.signal.aborted ? new UploadCancelled() : new AlfaDocsError('offline', `Could not reach AlfaDocs to upload "${a.name}" (${e.message}).`, { route: 'documentCreate', cause: e })),
    )

    const write = (chunk: Buffer | string) =>
      new Promise<void>((ok, ko) => {
        if (settled) return ko(new UploadCancelled())
        if (req.write(chunk)) ok()
        else {
          const cleanup = () => {
            req.off('drain', onDrain)
            req.off('close', onClose)
          }
          const onDrain = () => (cleanup(), ok())
          const onClose = () => (cleanup(), ko(new UploadCancelled()))
          req.once('drain', onDrain)
          req.once('close', onClose)
        }
      })

    void (async () => {
      await write(head)
      if ('base64' in a.source) await sendBase64(a.source.base64, write, a.onProgress)
      else await sendFile(a.source.path, a.source.size, write, a.onProgress)
      await write(tail)
      req.end()
    })().catch(fail)
  })
}

async function sendFile(path: string, size: number, write: (c: Buffer | string) => Promise<void>, onProgress?: (n: number) => void) {
  const fh = await open(path, 'r')
  try {
    const buf = Buffer.allocUnsafe(CHUNK_BYTES)
    let pos = 0
    let carry = Buffer.alloc(0)
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, CHUNK_BYTES, pos)
      if (bytesRead === 0) break
      pos += bytesRead
      if (pos > size) throw new AppError('invalid', `The file "${path}" grew while it was being uploaded.`)
      // fh.read may return less than asked: a remainder that is not a multiple of 3 waits for the next round.
      const data = carry.length > 0 ? Buffer.concat([carry, buf.subarray(0, bytesRead)]) : buf.subarray(0, bytesRead)
      const whole = data.length - (data.length % 3)
      await write(data.subarray(0, whole).toString('base64'))
      carry = Buffer.from(data.subarray(whole))
      onProgress?.(pos - carry.length)
    }
    if (carry.length > 0) await write(carry.toString('base64'))
    if (pos !== size) throw new AppError('invalid', `The file "${path}" changed while it was being uploaded.`)
    onProgress?.(pos)
  } finally {
    await fh.close()
  }
}

async function sendBase64(b64: string, write: (c: Buffer | string) => Promise<void>, onProgress?: (n: number) => void) {
  const step = 4 * 64 * 1024
  for (let i = 0; i < b64.length; i += step) {
    await write(b64.slice(i, i + step))
    onProgress?.(Math.floor((Math.min(b64.length, i + step) / 4) * 3))
  }
}
