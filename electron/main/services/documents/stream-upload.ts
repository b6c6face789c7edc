import type { FileHandle } from 'node:fs/promises'
import http from 'node:http'
import https from 'node:https'
import { routes } from '../../../../shared/alfadocs/routes'
import type { DocumentMeta, DocumentType } from '../../../../shared/alfadocs/schemas'
import { base64Length } from '../../../../shared/patients/upload-rules'
import type { AlfaDocsClient } from '../../alfadocs/client'
import { AlfaDocsError, kindForStatus, redact, serverExplanation } from '../../alfadocs/errors'
import { parseEnvelope } from '../../alfadocs/parse'
import { AppError } from '../app-error'

/** Read size: a multiple of 3, so each chunk encodes to base64 on its own without padding. */
export const CHUNK_BYTES = 3 * 64 * 1024
const IDLE_TIMEOUT_MS = 60_000
/** An answer to an upload is a document's metadata: anything much bigger is not one. */
const MAX_ANSWER_BYTES = 1024 * 1024
const DEADLINE_BASE_MS = 120_000
/** The slowest upstream line the default deadline allows for (about 0.5 Mbit/s). */
const DEADLINE_MIN_BYTES_PER_S = 64 * 1024

/**
 * The default overall deadline of an upload: two minutes, plus the time the base64 body takes at the
 * slowest line allowed for. It bounds a server that keeps the exchange alive by trickling (the idle timeout
 * alone never fires then).
 */
export const defaultUploadDeadlineMs = (fileBytes: number) =>
  DEADLINE_BASE_MS + Math.ceil((base64Length(fileBytes) / DEADLINE_MIN_BYTES_PER_S) * 1000)

/** A file opened once by the caller (who closes it), or bytes the page sent. */
export type UploadSource = { handle: FileHandle; size: number } | { base64: string; size: number }

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
  /** From the moment the request is sent to the end of the answer; then it fails as 'timeout'. */
  deadlineMs: number
}

export class UploadCancelled extends Error {
  constructor() {
    super('upload cancelled')
  }
}

/**
 * POST /patients/{id}/documents with the JSON body streamed: the file is read in chunks, each encoded to
 * base64 and written as it goes, so main holds a few hundred KB of it at a time, not the whole file. Same
 * auth header and rate limiter as the API client; no retry (a POST may have been applied). Every error is
 * redacted of the credentials (a server may echo them); the server's own words go in `detail`.
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
  const secrets = credentialsIn(prepared.headers)
  const error = (kind: AlfaDocsError['kind'], message: string, status?: number, detail?: string) =>
    new AlfaDocsError(kind, message, {
      route: 'documentCreate',
      ...(status !== undefined ? { status } : {}),
      ...(detail ? { detail } : {}),
    })

  const lib = url.protocol === 'https:' ? https : http
  return new Promise<DocumentMeta>((resolve, reject) => {
    let settled = false
    const done = () => {
      settled = true
      clearTimeout(deadline)
      a.signal.removeEventListener('abort', onAbort)
    }
    const fail = (e: unknown) => {
      if (settled) return
      done()
      req.destroy()
      reject(scrubbed(e, secrets))
    }
    const onAbort = () => fail(new UploadCancelled())
    a.signal.addEventListener('abort', onAbort, { once: true })
    const deadline = setTimeout(
      () => fail(error('timeout', `AlfaDocs did not take "${a.name}" within ${Math.round(a.deadlineMs / 1000)} s.`)),
      a.deadlineMs,
    )

    const req = lib.request(url, { method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = []
      let received = 0
      res.on('data', (c: Buffer) => {
        received += c.length
        if (received > MAX_ANSWER_BYTES) {
          fail(error('too-large', `AlfaDocs answered the upload of "${a.name}" with more data than Sportello accepts.`, res.statusCode))
        } else chunks.push(c)
      })
      res.on('error', fail)
      res.on('end', () => {
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
            throw error(kind, `AlfaDocs refused the upload of "${a.name}" (HTTP ${status})${said ? `: ${said}` : ''}.`, status, said)
          }
          if (json === undefined) throw error('bad-response', `AlfaDocs answered the upload of "${a.name}" without JSON.`, status)
          const document = parseEnvelope('documentCreate', routes.documentCreate, status, json) as DocumentMeta
          done()
          resolve(document)
        } catch (e) {
          fail(e)
        }
      })
    })
    req.setTimeout(IDLE_TIMEOUT_MS, () => fail(error('timeout', `AlfaDocs stopped answering while "${a.name}" was uploading.`)))
    req.on('error', (e) =>
      fail(a.signal.aborted ? new UploadCancelled() : error('offline', `Could not reach AlfaDocs to upload "${a.name}" (${e.message}).`)),
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
      else await sendFile(a.source.handle, a.source.size, a.name, write, a.onProgress)
      await write(tail)
      req.end()
    })().catch(fail)
  })
}

/** The credentials a prepared request carries, to be kept out of every error. */
function credentialsIn(headers: Record<string, string>): string[] {
  const out: string[] = []
  for (const [k, v] of Object.entries(headers)) {
    const name = k.toLowerCase()
    if (name === 'x-api-key') out.push(v)
    else if (name === 'authorization') out.push(v, v.replace(/^Bearer\s+/i, ''))
  }
  return out
}

/** Every error of an upload goes through the one redaction before it can reach the page. */
function scrubbed(e: unknown, secrets: readonly string[]): unknown {
  if (e instanceof AlfaDocsError) {
    return new AlfaDocsError(e.kind, redact(e.message, secrets), {
      ...(e.route !== undefined ? { route: e.route } : {}),
      ...(e.status !== undefined ? { status: e.status } : {}),
      ...(e.retryAfterMs !== undefined ? { retryAfterMs: e.retryAfterMs } : {}),
      ...(e.detail !== undefined ? { detail: redact(e.detail, secrets) } : {}),
    })
  }
  if (e instanceof AppError) {
    return new AppError(e.kind, redact(e.message, secrets), {
      ...(e.code !== undefined ? { code: e.code } : {}),
      ...(e.detail !== undefined ? { detail: redact(e.detail, secrets) } : {}),
    })
  }
  return e
}

async function sendFile(
  fh: FileHandle,
  size: number,
  name: string,
  write: (c: Buffer | string) => Promise<void>,
  onProgress?: (n: number) => void,
) {
  const buf = Buffer.allocUnsafe(CHUNK_BYTES)
  let pos = 0
  let carry = Buffer.alloc(0)
  for (;;) {
    const { bytesRead } = await fh.read(buf, 0, CHUNK_BYTES, pos)
    if (bytesRead === 0) break
    pos += bytesRead
    if (pos > size) throw new AppError('invalid', `The file "${name}" grew while it was being uploaded.`)
    // fh.read may return less than asked: a remainder that is not a multiple of 3 waits for the next round.
    const data = carry.length > 0 ? Buffer.concat([carry, buf.subarray(0, bytesRead)]) : buf.subarray(0, bytesRead)
    const whole = data.length - (data.length % 3)
    await write(data.subarray(0, whole).toString('base64'))
    carry = Buffer.from(data.subarray(whole))
    onProgress?.(pos - carry.length)
  }
  if (carry.length > 0) await write(carry.toString('base64'))
  if (pos !== size) throw new AppError('invalid', `The file "${name}" changed while it was being uploaded.`)
  onProgress?.(pos)
}

async function sendBase64(b64: string, write: (c: Buffer | string) => Promise<void>, onProgress?: (n: number) => void) {
  const step = 4 * 64 * 1024
  for (let i = 0; i < b64.length; i += step) {
    await write(b64.slice(i, i + step))
    onProgress?.(Math.floor((Math.min(b64.length, i + step) / 4) * 3))
  }
}
