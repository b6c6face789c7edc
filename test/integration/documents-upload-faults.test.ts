import { randomBytes } from 'node:crypto'
import { mkdtemp, realpath, rm, writeFile } from 'node:fs/promises'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AlfaDocsClient } from '../../electron/main/alfadocs/client'
import { AlfaDocsError } from '../../electron/main/alfadocs/errors'
import { toErrorData } from '../../electron/main/ipc/invoke'
import { createDocumentsService, type DocumentsService } from '../../electron/main/services/documents'

// A hostile or broken AlfaDocs on loopback, answering uploads: it trickles its answer one byte every 5 s
// (the idle timeout never fires), echoes the API key back, or answers with far too much.

type Mode = 'trickle' | 'echo-json' | 'echo-text' | 'huge'
const API_KEY = `sk-live-${randomBytes(12).toString('hex')}`
const ME = { status: 'success', data: { practiceId: 7, archiveId: 9, userId: 1, userEmail: 'front@studio.it' } }
let mode: Mode = 'trickle'
let server: http.Server
let baseUrl: string
let dir: string
let file: string
let docs: DocumentsService
let seq = 0
const timers = new Set<NodeJS.Timeout>()

beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      if (req.url === '/api/v1/me') return void res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(ME))
      const key = String(req.headers['x-api-key'])
      if (mode === 'trickle') {
        res.writeHead(201, { 'Content-Type': 'application/json' })
        res.write('{')
        const t = setInterval(() => res.write(' '), 5000)
        timers.add(t)
        res.on('close', () => clearInterval(t))
      } else if (mode === 'echo-json') {
        res.writeHead(400, { 'Content-Type': 'application/json' })
        res.end(JSON.stringify({ error: 'invalid_request', message: `Upload refused for key ${key}: folder unknown` }))
      } else if (mode === 'echo-text') {
        res.writeHead(401, { 'Content-Type': 'text/plain' })
        res.end(`X-Api-Key: ${key} is not valid`)
      } else {
        res.writeHead(201, { 'Content-Type': 'application/json' })
        res.end(`{"status":"success","data":{"name":"${'x'.repeat(2 * 1024 * 1024)}"}}`)
      }
    })
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`
  dir = await realpath(await mkdtemp(join(tmpdir(), 'sportello-upload-faults-')))
  file = join(dir, 'referto.pdf')
  await writeFile(file, '%PDF-1.4\nReferto\n%%EOF\n')
  const client = new AlfaDocsClient({ baseUrl, auth: { apiKey: API_KEY } })
  docs = createDocumentsService(async () => client, join(dir, 'data'), { uploadDeadlineMs: () => (mode === 'trickle' ? 400 : 60_000) })
  docs.grants.grant(dir)
})
afterAll(async () => {
  for (const t of timers) clearInterval(t)
  server?.closeAllConnections()
  await new Promise((ok) => server?.close(ok))
  if (dir) await rm(dir, { recursive: true, force: true })
})

const failure = async (m: Mode) => {
  mode = m
  const id = `faults-${++seq}-${randomBytes(4).toString('hex')}`
  const e = await docs
    .uploadPath({ uploadId: id, patientId: 3, path: file, name: 'referto.pdf', type: 'text', folderName: 'Documenti' })
    .catch((e: unknown) => e)
  expect(e).toBeInstanceOf(AlfaDocsError)
  expect(docs.uploads.progress([id])[0]?.state).toBe('failed')
  return { error: e as AlfaDocsError, page: JSON.stringify(toErrorData(e, 'documentsUploadPaths', () => undefined)) }
}

describe('an upload whose answer never finishes or misbehaves', () => {
  it('ends as a timeout at the overall deadline when the server trickles its answer', async () => {
    const { error } = await failure('trickle')
    expect(error.kind).toBe('timeout')
  })

  it('keeps the API key out of what reaches the page when the server echoes it, and gives its reason as detail', async () => {
    const json = await failure('echo-json')
    expect(json.error.kind).toBe('invalid')
    expect(json.page).not.toContain(API_KEY)
    expect(json.error.message).not.toContain(API_KEY)
    expect(json.error.detail).toBe('invalid_request: Upload refused for key ***: folder unknown')

    const text = await failure('echo-text')
    expect(text.error.kind).toBe('auth')
    expect(text.page).not.toContain(API_KEY)
    expect(text.error.detail).toBe('X-Api-Key: *** is not valid')
  })

  it('refuses an answer far bigger than a document record, as too-large', async () => {
    const { error } = await failure('huge')
    expect(error.kind).toBe('too-large')
  })
})
