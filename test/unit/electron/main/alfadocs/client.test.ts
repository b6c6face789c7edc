import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { AlfaDocsClient, DEFAULT_MAX_BODY_BYTES, type ClientOptions } from '../../../../../electron/main/alfadocs/client'
import { AlfaDocsError } from '../../../../../electron/main/alfadocs/errors'
import { ME } from '../../../../support/client-server'
import { failure } from '../../../../support/alfadocs-failure'

// Real loopback servers that misbehave the way a broken proxy or a hostile endpoint could: huge bodies,
// trickling bodies, echoed credentials. Sizes are asserted by bytes the server managed to write.

const KEY = 'sk-live-0123456789abcdef'

interface Loopback {
  baseUrl: string
  /** Paths in arrival order. */
  seen: string[]
  /** Bytes of body the server wrote before the connection closed, per request. */
  written: number[]
  closed: Promise<void>[]
  close(): Promise<void>
}

let open: Loopback | undefined
afterEach(async () => {
  await open?.close()
  open = undefined
})

type Respond = (req: http.IncomingMessage, res: http.ServerResponse, index: number) => void | Promise<void>

async function loopback(respond: Respond): Promise<Loopback> {
  const seen: string[] = []
  const written: number[] = []
  const closed: Promise<void>[] = []
  const server = http.createServer((req, res) => {
    if (req.url === '/api/v1/me') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(ME))
      return
    }
    const index = seen.push(req.url ?? '') - 1
    written[index] = 0
    closed[index] = new Promise((ok) => res.on('close', () => ok()))
    void respond(req, res, index)
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const lb: Loopback = {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`,
    seen,
    written,
    closed,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections()
        server.close(() => ok())
      }),
  }
  open = lb
  return lb
}

/** Writes `total` bytes of JSON-ish filler honouring backpressure, until done or the client goes away. */
async function stream(res: http.ServerResponse, index: number, lb: () => Loopback, total: number): Promise<void> {
  const chunk = Buffer.alloc(256 * 1024, 0x20)
  while (lb().written[index]! < total && !res.destroyed) {
    const ok = res.write(chunk)
    lb().written[index]! += chunk.length
    if (!ok) await new Promise<void>((r) => (res.once('drain', r), res.once('close', r)))
  }
  if (!res.destroyed) res.end()
}

const client = (lb: Loopback, opts: Partial<ClientOptions> = {}) =>
  new AlfaDocsClient({ baseUrl: lb.baseUrl, auth: { apiKey: KEY }, retryBaseMs: 1, ...opts })

const MB = 1024 * 1024

describe('response size', () => {
  it('refuses a 600 MB body declared by Content-Length before reading it: too-large, asked once', async () => {
    const lb: Loopback = await loopback((_req, res, i) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(600 * MB) })
      return stream(res, i, () => lb, 600 * MB)
    })
    const rssBefore = process.memoryUsage().rss
    const e = await failure(client(lb).request('chairsList'))
    await lb.closed[0]
    expect(e.kind).toBe('too-large')
    expect(e.message).toContain('32 MB')
    expect(lb.seen).toHaveLength(1)
    expect(lb.written[0]!).toBeLessThan(64 * MB)
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * MB)
  })

  it('stops a 600 MB streamed body (no length given) at the cap: too-large, asked once, memory flat', async () => {
    const lb: Loopback = await loopback((_req, res, i) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      return stream(res, i, () => lb, 600 * MB)
    })
    const rssBefore = process.memoryUsage().rss
    const e = await failure(client(lb).request('chairsList'))
    await lb.closed[0]
    expect(e.kind).toBe('too-large')
    expect(lb.seen).toHaveLength(1)
    // What crossed the socket: the cap plus what sat in buffers when reading stopped, nowhere near 600 MB.
    expect(lb.written[0]!).toBeGreaterThan(DEFAULT_MAX_BODY_BYTES)
    expect(lb.written[0]!).toBeLessThan(DEFAULT_MAX_BODY_BYTES + 32 * MB)
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * MB)
  })

  it('gives file downloads their own, larger cap', async () => {
    const body = JSON.stringify({ status: 'success', file: 'A'.repeat(int(1.5 * MB)) })
    const lb = await loopback((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(body)
    })
    const c = client(lb, { maxBodyBytes: MB, maxFileBodyBytes: 2 * MB })
    const file = await c.request('documentDownload', { params: { patientId: 1, documentId: 2 } })
    expect(file.file).toHaveLength(int(1.5 * MB))
    expect((await failure(c.request('chairsList'))).kind).toBe('too-large')
    expect(
      (await failure(client(lb, { maxFileBodyBytes: MB }).request('documentDownload', { params: { patientId: 1, documentId: 2 } }))).kind,
    ).toBe('too-large')
  })

  it('reads only the start of a huge error body: the error keeps its kind and a short detail', async () => {
    const lb: Loopback = await loopback((_req, res, i) => {
      res.writeHead(500, { 'content-type': 'text/plain' })
      res.write('database on fire ')
      return stream(res, i, () => lb, 200 * MB)
    })
    const e = await failure(client(lb).request('chairsList'))
    await lb.closed[0]
    expect(e.kind).toBe('server')
    expect(e.detail).toMatch(/^database on fire/)
    expect(e.detail!.length).toBeLessThanOrEqual(200)
    expect(lb.written[0]!).toBeLessThan(64 * MB)
  })
})

const int = (n: number) => Math.floor(n)

describe('slow answers', () => {
  const trickle: Respond = (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' })
    res.write('{"status":"success","data":[')
    const t = setInterval(() => (res.destroyed ? clearInterval(t) : res.write(' ')), 20)
    res.on('close', () => clearInterval(t))
  }

  it('a body trickling one byte at a time ends with a timeout (the deadline covers the body)', async () => {
    const lb = await loopback(trickle)
    const c = client(lb, { timeoutMs: 300, maxRetries: 1 })
    const e = await failure(c.request('chairsList'))
    expect(e.kind).toBe('timeout')
    expect(lb.seen).toHaveLength(2) // a GET is tried again once, then given up
    await Promise.all(lb.closed)
  })

  it('a POST whose answer trickles times out and is not sent again', async () => {
    const lb = await loopback(trickle)
    const e = await failure(client(lb, { timeoutMs: 300 }).request('patientCreate', { body: { firstName: 'A', lastName: 'B' } }))
    expect(e.kind).toBe('timeout')
    expect(lb.seen).toHaveLength(1)
  })
})

describe('credentials', () => {
  it.each([
    ['a line break', `${KEY}\nX-Evil: 1`],
    ['a carriage return', `abc\rdef123`],
    ['a space inside', 'abc def123'],
    ['a non-ASCII letter', 'chiavè-0123456789'],
    ['a NUL', 'abc\u0000def123'],
  ])('a key with %s is an auth error (key-malformed) before any request, never offline', async (_what, apiKey) => {
    const lb = await loopback((_req, res) => void res.writeHead(200).end('{}'))
    let e: unknown
    try {
      new AlfaDocsClient({ baseUrl: lb.baseUrl, auth: { apiKey } })
    } catch (err) {
      e = err
    }
    expect(e).toBeInstanceOf(AlfaDocsError)
    const err = e as AlfaDocsError
    expect(err.kind).toBe('auth')
    expect(err.code).toBe('key-malformed')
    expect(err.message).not.toContain(apiKey.trim())
    expect(lb.seen).toHaveLength(0)
  })

  it('setAuth refuses a malformed token the same way and keeps the old one', async () => {
    const lb = await loopback(
      (_req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'success', data: [] })),
    )
    const c = client(lb)
    expect(() => c.setAuth({ bearerToken: 'tok\nen-123' })).toThrow(expect.objectContaining({ kind: 'auth', code: 'key-malformed' }))
    await expect(c.request('chairsList')).resolves.toEqual([])
  })

  it('surrounding whitespace is still trimmed (a pasted key)', async () => {
    const lb = await loopback(
      (req, res) =>
        void res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ status: 'success', data: [{ id: 1, name: String(req.headers['x-api-key']) }] })),
    )
    const out = await new AlfaDocsClient({ baseUrl: lb.baseUrl, auth: { apiKey: `  ${KEY}\n` } }).request('chairsList')
    expect(out[0]!.name).toBe(KEY)
  })
})

describe('redaction', () => {
  it.each([
    [
      'JSON',
      401,
      (k: string) => JSON.stringify({ error: 'invalid_key', error_description: `the key ${k} is not valid` }),
      'application/json',
    ],
    ['plain text', 400, (k: string) => `Bad request for key=${k}`, 'text/plain'],
    ['percent-encoded', 422, (k: string) => JSON.stringify({ message: `see /keys?k=${encodeURIComponent(k)}` }), 'application/json'],
    ['HTML', 403, (k: string) => `<html><body><h1>Forbidden</h1><p>${k}</p></body></html>`, 'text/html'],
  ])('a server echoing the key in a %s error body: message and detail carry *** instead', async (_what, status, body, type) => {
    const key = 'sk+live/0123456789=abc'
    const lb = await loopback(
      (req, res) => void res.writeHead(status, { 'content-type': type }).end(body(String(req.headers['x-api-key']))),
    )
    const e = await failure(new AlfaDocsClient({ baseUrl: lb.baseUrl, auth: { apiKey: key } }).request('chairsList'))
    expect(e.status).toBe(status)
    for (const text of [e.message, e.detail ?? '', JSON.stringify(e)]) {
      expect(text).not.toContain(key)
      expect(text).not.toContain(encodeURIComponent(key))
    }
    expect(e.detail).toContain('***')
  })

  it('the server explanation is in detail, so nobody has to parse the message', async () => {
    const lb = await loopback(
      (_req, res) => void res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'The slot is not free' })),
    )
    const e = await failure(client(lb).request('appointmentCreate', { body: { date: '2026-03-10 09:00:00', colorId: 1 } }))
    expect(e.kind).toBe('invalid')
    expect(e.detail).toBe('The slot is not free')
  })

  it('a 2xx body echoing the key in a malformed item is redacted too', async () => {
    const lb = await loopback(
      (req, res) =>
        void res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ status: 'success', data: [{ id: String(req.headers['x-api-key']) }] })),
    )
    const e = await failure(client(lb).request('chairsList'))
    expect(e.kind).toBe('bad-response')
    expect(e.message).not.toContain(KEY)
  })

  it('answerError (for callers that read the answer themselves, like streamed uploads) redacts the same way', async () => {
    const lb = await loopback((_req, res) => void res.writeHead(200).end('{}'))
    const e = client(lb).answerError(
      'documentCreate',
      'POST documentCreate',
      401,
      new Headers(),
      JSON.stringify({ error: `key ${KEY} revoked` }),
    )
    expect(e.kind).toBe('auth')
    expect(e.message + e.detail).not.toContain(KEY)
    expect(e.detail).toBe('key *** revoked')
  })
})

describe('a malformed key at the door', () => {
  it('sessionConnect answers auth / key-malformed, sends nothing and stores nothing', async () => {
    const { mkdtemp, rm } = await import('node:fs/promises')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const { createMainApp } = await import('../../../../../electron/main/app')
    const { MemorySecretStore } = await import('../../../../../electron/main/keychain/memory-store')
    const lb = await loopback((_req, res) => void res.writeHead(200).end('{}'))
    const dataDir = await mkdtemp(join(tmpdir(), 'key-malformed-'))
    const secrets = new MemorySecretStore()
    const app = createMainApp({ secretStore: secrets, dataDir })
    try {
      const r = await app.invoke('sessionConnect', { apiKey: 'sk-live-0123\n456789', baseUrl: lb.baseUrl })
      expect(r).toMatchObject({ ok: false, error: { kind: 'auth', code: 'key-malformed' } })
      expect(JSON.stringify(r)).not.toContain('456789')
      expect(lb.seen).toHaveLength(0)
      expect(secrets.size).toBe(0)
    } finally {
      await app.dispose()
      await rm(dataDir, { recursive: true, force: true })
    }
  })
})
