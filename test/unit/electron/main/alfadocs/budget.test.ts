import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { AlfaDocsClient } from '../../../../../electron/main/alfadocs/client'
import { RateLimiter } from '../../../../../electron/main/alfadocs/limiter'
import { ME } from '../../../../support/client-server'

// Several clients on one key against a server that counts the key's requests, like AlfaDocs and the
// sandbox do. Windows are short (WINDOW_MS) so the test is quick; everything is asserted from the
// server's own log: what it accepted, what it refused, and in what order requests came.

const WINDOW_MS = 200
const SERVER_LIMIT = 8

interface Logged {
  path: string
  status: number
}

let close: (() => Promise<void>) | undefined
afterEach(async () => {
  await close?.()
  close = undefined
})

async function keyServer(limit: number | false) {
  const log: Logged[] = []
  const accepted: number[] = []
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    if (path === '/api/v1/me') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(ME))
    const now = performance.now()
    while (accepted.length > 0 && accepted[0]! <= now - WINDOW_MS) accepted.shift()
    if (limit !== false && accepted.length >= limit) {
      log.push({ path, status: 429 })
      return void res
        .writeHead(429, { 'content-type': 'application/json', 'retry-after': String(WINDOW_MS / 1000) })
        .end('{"error":"Too many requests"}')
    }
    accepted.push(now)
    log.push({ path, status: 200 })
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'success', count: 0, data: [] }))
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  close = () =>
    new Promise<void>((ok) => {
      server.closeAllConnections()
      server.close(() => ok())
    })
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`, log }
}

const desk = (baseUrl: string, perWindow: number) =>
  new AlfaDocsClient({ baseUrl, auth: { apiKey: 'shared-key-123' }, limiter: new RateLimiter({ perWindow, windowMs: WINDOW_MS }) })

describe('desks sharing a key', () => {
  it('five clients on one key, each allowed 10 per window against a server allowing 8: every request answered, 429s soon rare', async () => {
    const { baseUrl, log } = await keyServer(SERVER_LIMIT)
    const desks = Array.from({ length: 5 }, () => desk(baseUrl, 10))
    await Promise.all(desks.map((d) => d.me()))
    const results = await Promise.allSettled(desks.flatMap((d) => Array.from({ length: 16 }, () => d.request('chairsList'))))
    expect(results.filter((r) => r.status === 'rejected')).toEqual([])
    const ok = log.filter((l) => l.status === 200).length
    const refused = log.filter((l) => l.status === 429).length
    expect(ok).toBe(80)
    // Without adapting, every round of 50 starts meets 8 acceptances and 42 refusals, and requests give up
    // after their retries. Adapting, the first burst is refused, then the refusals fade: the second half
    // of the log holds fewer than the first, and the last quarter is mostly acceptances.
    expect(refused).toBeLessThan(ok)
    const half = Math.floor(log.length / 2)
    const late = log.slice(half).filter((l) => l.status === 429).length
    const early = log.slice(0, half).filter((l) => l.status === 429).length
    expect(late).toBeLessThan(early)
    const lastQuarter = log.slice(Math.floor((log.length * 3) / 4))
    expect(lastQuarter.filter((l) => l.status === 429).length).toBeLessThanOrEqual(lastQuarter.length / 4)
    for (const d of desks) expect(d.stats().requests).toBeGreaterThanOrEqual(16)
  }, 30_000)
})

describe('one caller cannot starve another', () => {
  const appointmentsOf = (log: Logged[]) => log.map((l, i) => (l.path.endsWith('/appointments') ? i : -1)).filter((i) => i >= 0)

  it('a two-year listing (25 windows) lets a request made meanwhile through within a couple of its windows', async () => {
    const { baseUrl, log } = await keyServer(false)
    const c = desk(baseUrl, 3)
    await c.me()
    const listing = c.listWindowed('appointmentsList', '2025-01-01', '2026-12-31')
    while (!log.some((l) => l.path.endsWith('/appointments'))) await new Promise((r) => setImmediate(r))
    await c.request('chairsList')
    await listing
    const windows = appointmentsOf(log)
    expect(windows).toHaveLength(25)
    const chairs = log.findIndex((l) => l.path.endsWith('/chairs'))
    // Before: all 25 windows were queued ahead of it, FIFO, and it came last. Now only those started in
    // the first window and the one turn of the listing's lane before its own.
    expect(windows.filter((i) => i < chairs).length).toBeLessThanOrEqual(5)
  }, 20_000)

  it('a bulk listing waits while interactive reads are queued', async () => {
    const { baseUrl, log } = await keyServer(false)
    const c = desk(baseUrl, 1)
    await c.me()
    const fill = c.listWindowed('appointmentsList', '2025-01-01', '2025-08-31', {}, { priority: 'bulk' })
    while (!log.some((l) => l.path.endsWith('/appointments'))) await new Promise((r) => setImmediate(r))
    const reads = Promise.all([c.request('chairsList'), c.request('operatorsList'), c.request('colorsList')])
    await reads
    const windowsBefore = appointmentsOf(log).length
    await fill
    const lastRead = Math.max(...['/chairs', '/operators', '/colors'].map((p) => log.findIndex((l) => l.path.endsWith(p))))
    // Only the windows already started when the reads came (the first one, and at most one more in
    // its window) are ahead of the last read.
    expect(appointmentsOf(log).filter((i) => i < lastRead).length).toBeLessThanOrEqual(2)
    expect(windowsBefore).toBeLessThan(8)
  }, 20_000)

  it('an aborted listing stops asking for windows', async () => {
    const { baseUrl, log } = await keyServer(false)
    const c = desk(baseUrl, 1)
    await c.me()
    const ctrl = new AbortController()
    const listing = c.listWindowed('appointmentsList', '2025-01-01', '2026-12-31', {}, { signal: ctrl.signal })
    while (!log.some((l) => l.path.endsWith('/appointments'))) await new Promise((r) => setImmediate(r))
    ctrl.abort(new Error('screen closed'))
    await expect(listing).rejects.toThrow('screen closed')
    await c.request('chairsList')
    expect(appointmentsOf(log).length).toBeLessThanOrEqual(2)
  })
})
