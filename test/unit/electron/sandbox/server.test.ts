import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../../electron/sandbox'

// Raw bytes on a socket, as any local process (or a rebinding web page) could send them.

let sb: Sandbox
let port: number
const KEY = 'demo-raw-socket-key'

beforeAll(async () => {
  sb = await startSandbox({ today: '2026-03-16', quiet: true, rateLimitPerSecond: false, apiKey: KEY })
  port = Number(new URL(sb.baseUrl).port)
})
afterAll(() => sb.close())

/** Sends `head` (+ `body`), returns the status code of the answer (0 when the socket closed without one). */
function raw(head: string, body: Buffer | string = ''): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    socket.on('data', (c: Buffer) => chunks.push(c))
    socket.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? undefined : reject(e)))
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1')
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text })
    })
    socket.write(head.replace(/\n/g, '\r\n') + '\r\n')
    if (body.length > 0) socket.write(body)
  })
}

const request = (line: string, headers: Record<string, string>, body = '') =>
  raw(
    `${line}\n${Object.entries({ Connection: 'close', ...headers })
      .map(([k, v]) => `${k}: ${v}`)
      .join('\n')}\n`,
    body,
  )

const me = (host: string) => request('GET /api/v1/me HTTP/1.1', { Host: host, 'X-Api-Key': KEY })

async function stillServing() {
  expect((await me(`127.0.0.1:${port}`)).status).toBe(200)
}

describe('the demo server against malformed requests', () => {
  it('answers a Host of "[" with 400 and keeps serving', async () => {
    expect((await me('[')).status).toBe(400)
    await stillServing()
  })

  it.each(['', '[::1', 'a b', 'exa mple.com:1', '127.0.0.1:99999999', '%00'])('answers Host "%s" with 400', async (host) => {
    const r = await request('GET /api/v1/me HTTP/1.1', host === '' ? { 'X-Api-Key': KEY } : { Host: host, 'X-Api-Key': KEY })
    expect(r.status).toBe(400)
    await stillServing()
  })

  it('refuses a DNS-rebinding style Host with the right key (403), accepts the loopback names', async () => {
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1:${port + 1}`, `192.168.1.10:${port}`]) {
      const r = await me(host)
      expect(r.status, host).toBe(403)
      expect(r.text).not.toContain(String(sb.practiceId) + ',')
    }
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`])
      expect((await me(host)).status, host).toBe(200)
  })

  it('answers bad request targets and bad percent-encoding with 400', async () => {
    const host = { Host: `127.0.0.1:${port}`, 'X-Api-Key': KEY }
    const scope = `/api/v1/practices/${sb.practiceId}/archives/${sb.archiveId}`
    for (const line of [
      `GET http://evil.example${scope}/chairs HTTP/1.1`,
      `GET //evil.example${scope}/chairs HTTP/1.1`,
      `GET ${scope}/patients/%E0%A4%A HTTP/1.1`,
      `GET ${scope}/patients/%ZZ HTTP/1.1`,
      `GET * HTTP/1.1`,
    ]) {
      expect((await request(line, host)).status, line).toBe(400)
    }
    await stillServing()
  })

  it('answers invalid JSON with 400 and an oversize body with 413, without reading it all', async () => {
    const scope = `/api/v1/practices/${sb.practiceId}/archives/${sb.archiveId}`
    const base = { Host: `127.0.0.1:${port}`, 'X-Api-Key': KEY, 'Content-Type': 'application/json' }
    const bad = '{"firstName": "A", '
    expect((await request(`POST ${scope}/patients HTTP/1.1`, { ...base, 'Content-Length': String(bad.length) }, bad)).status).toBe(400)
    // Declares 100 MB, sends 1 KB: the answer comes without the rest.
    const huge = await request(
      `POST ${scope}/patients HTTP/1.1`,
      { ...base, 'Content-Length': String(100 * 1024 * 1024) },
      'x'.repeat(1024),
    )
    expect(huge.status).toBe(413)
    await stillServing()
  })

  it('survives bytes that are not HTTP and header values with control characters', async () => {
    expect((await raw('\u0000\u0001garbage\n\n')).status).toBe(400)
    expect((await raw(`GET /api/v1/me HTTP/1.1\nHost: 127.0.0.1:${port}\nX-Api-Key: a\u0001b\n`)).status).toBe(400)
    expect((await raw(`GET /api/v1/me HTTP/1.1\nHost: 127.0.0.1:${port}\nContent-Length: -5\n`)).status).toBe(400)
    await stillServing()
  })
})

describe('limits of what the parser takes', () => {
  it('a header block over the parser limit gets 431, and the server keeps serving', async () => {
    expect(
      (await request('GET /api/v1/me HTTP/1.1', { Host: `127.0.0.1:${port}`, 'X-Api-Key': KEY, 'X-Pad': 'a'.repeat(64 * 1024) })).status,
    ).toBe(431)
    await stillServing()
  })
})
