import { afterEach, describe, expect, it, vi } from 'vitest'
import { AlfaDocsClient, LIMITER_WINDOW_MS, type ClientOptions, type RequestEvent } from '../../../../../electron/main/alfadocs/client'
import { AlfaDocsError } from '../../../../../electron/main/alfadocs/errors'
import { item, list, SCOPE, startCanned, type CannedServer, type Handler } from '../../../../support/client-server'
import { failure } from '../../../../support/alfadocs-failure'

const KEY = 'sk-test-0123456789abcdef'

let server: CannedServer | undefined
afterEach(async () => {
  vi.useRealTimers()
  await server?.close()
  server = undefined
})

async function setup(handler: Handler, opts: Partial<ClientOptions> = {}) {
  server = await startCanned(handler)
  const client = new AlfaDocsClient({ baseUrl: server.baseUrl, auth: { apiKey: KEY }, retryBaseMs: 1, ...opts })
  return { client, server }
}

const chairs = list([{ id: 1, name: 'Poltrona 1' }])

describe('requests: URL, headers, /me scoping', () => {
  it('scopes data paths under the practice and archive from a memoised /me', async () => {
    const { client, server } = await setup(() => ({ body: chairs }))
    await Promise.all([client.request('chairsList'), client.request('chairsList'), client.me()])
    await client
      .request('freeSlotsList', { query: { startDate: '2026-03-10 08:00:00', duration: 30, operatorIds: [1, 2, 3] } })
      .catch(() => {})
    expect(server.hits('/me')).toHaveLength(1)
    expect(server.hits('/chairs').map((r) => r.path)).toEqual([`${SCOPE}/chairs`, `${SCOPE}/chairs`])
    const slots = server.hits('/free-slots')[0]!
    expect(slots.url).toBe(`${SCOPE}/free-slots?startDate=2026-03-10%2008%3A00%3A00&duration=30&operatorIds=1,2,3`)
  })

  it('fills path parameters', async () => {
    const { client, server } = await setup(() => ({ body: item({ id: 5, billId: 12, date: '2026-03-01', amount: '12.23' }) }))
    const l = await client.request('liabilityUpdate', { params: { billId: 12, liabilityId: 5 }, body: { amount: 10 } })
    expect(l).toMatchObject({ id: 5, amount: 12.23 })
    expect(server.requests.at(-1)!.path).toBe(`${SCOPE}/bills/12/liabilities/5`)
    expect(server.requests.at(-1)!.method).toBe('PUT')
  })

  it('sends exactly one credential, and Content-Type only with a body', async () => {
    const { client, server } = await setup(() => ({ body: item({ id: 3, date: '2026-03-10 09:00:00', state: 'confirmed' }) }))
    await client.request('appointmentGet', { params: { appointmentId: 3 } })
    await client.request('appointmentCreate', { body: { date: '2026-03-10 09:00:00', colorId: 1 } })
    const [me, get, post] = server.requests
    for (const r of [me!, get!, post!]) {
      expect(r.headers.accept).toBe('application/json')
      expect(r.headers['x-api-key']).toBe(KEY)
      expect(r.headers.authorization).toBeUndefined()
    }
    expect(get!.headers['content-type']).toBeUndefined()
    expect(post!.headers['content-type']).toBe('application/json')
    expect(JSON.parse(post!.body)).toEqual({ date: '2026-03-10 09:00:00', colorId: 1 })

    const bearer = new AlfaDocsClient({ baseUrl: server.baseUrl, auth: { bearerToken: 'tok-abcdef' } })
    await bearer.request('appointmentGet', { params: { appointmentId: 3 } })
    const last = server.requests.at(-1)!
    expect(last.headers.authorization).toBe('Bearer tok-abcdef')
    expect(last.headers['x-api-key']).toBeUndefined()
  })

  it('refuses zero or two credentials', () => {
    expect(() => new AlfaDocsClient({ baseUrl: 'https://x.test/api/v1', auth: { apiKey: 'a', bearerToken: 'b' } as never })).toThrow(
      AlfaDocsError,
    )
    expect(() => new AlfaDocsClient({ baseUrl: 'https://x.test/api/v1', auth: { apiKey: ' ' } })).toThrow(/exactly one credential/)
  })

  it('reports each attempt to onRequest', async () => {
    const events: RequestEvent[] = []
    const { client } = await setup((_r, i) => (i === 1 ? { status: 503 } : { body: chairs }), { onRequest: (e) => events.push(e) })
    await client.request('chairsList')
    expect(events.map((e) => [e.route, e.method, e.status, e.attempt])).toEqual([
      ['me', 'GET', 200, 1],
      ['chairsList', 'GET', 503, 1],
      ['chairsList', 'GET', 200, 2],
    ])
    expect(events[1]!.url).toBe(`${server!.baseUrl.replace('/api/v1', '')}${SCOPE}/chairs`)
  })
})

describe('error mapping', () => {
  it.each([
    [401, 'auth'],
    [403, 'auth'],
    [404, 'not-found'],
    [400, 'invalid'],
    [409, 'invalid'],
    [422, 'invalid'],
    [500, 'server'],
  ] as const)('HTTP %i → %s, not retried', async (status, kind) => {
    const { client, server } = await setup(() => ({ status, body: { error: 'Error message' } }))
    const e = await failure(client.request('chairsList'))
    expect(e.kind).toBe(kind)
    expect(e.status).toBe(status)
    expect(e.route).toBe('chairsList')
    expect(server.hits('/chairs')).toHaveLength(1)
    expect(client.stats().retries).toBe(0)
  })

  it('puts the server explanation in the message, reads non-JSON bodies, never leaks the key', async () => {
    const { client } = await setup((r) =>
      r.path.endsWith('/appointments')
        ? { status: 422, body: { error: 'invalid_request', error_description: `colorId is required (key ${KEY})` } }
        : { status: 401, raw: 'Invalid access token' },
    )
    const invalid = await failure(client.request('appointmentCreate', { body: { date: '2026-03-10 09:00:00' } }))
    expect(invalid.kind).toBe('invalid')
    expect(invalid.message).toContain('colorId is required')
    expect(invalid.message).not.toContain(KEY)
    const auth = await failure(client.request('chairsList'))
    expect(auth.kind).toBe('auth')
    expect(auth.message).toContain('Invalid access token')
  })

  it('a 2xx body that is not JSON is a bad-response', async () => {
    const { client } = await setup(() => ({ raw: '<html>maintenance</html>' }))
    const e = await failure(client.request('chairsList'))
    expect(e.kind).toBe('bad-response')
    expect(e.message).toContain('chairsList')
  })

  it('a list with an item of the wrong shape is a bad-response naming the field', async () => {
    const { client } = await setup(() => ({ body: list([{ id: 1, name: 'ok' }, { id: 2 }]) }))
    const e = await failure(client.request('chairsList'))
    expect(e.kind).toBe('bad-response')
    expect(e.message).toContain('data[1].name')
  })

  it('a /me failure surfaces on the scoped call and is not memoised', async () => {
    let meCalls = 0
    const { createServer } = await import('node:http')
    const s = createServer((req, res) => {
      meCalls++
      if (meCalls === 1) res.writeHead(401).end('Access token scopes are empty')
      else
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ status: 'success', data: { practiceId: 1, archiveId: 2 } }))
    })
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r))
    const port = (s.address() as { port: number }).port
    const client = new AlfaDocsClient({ baseUrl: `http://127.0.0.1:${port}/api/v1`, auth: { apiKey: KEY } })
    expect((await failure(client.me())).kind).toBe('auth')
    expect(await client.me()).toMatchObject({ practiceId: 1, archiveId: 2 })
    s.closeAllConnections()
    await new Promise((r) => s.close(r))
  })
})

describe('retries', () => {
  it('retries a GET on 503/502/504 and succeeds', async () => {
    const statuses = [503, 502, 504]
    const { client, server } = await setup(() => (statuses.length ? { status: statuses.shift()! } : { body: chairs }))
    expect(await client.request('chairsList')).toHaveLength(1)
    expect(server.hits('/chairs')).toHaveLength(4)
    expect(client.stats().retries).toBe(3)
  })

  it('gives up after maxRetries with the last kind', async () => {
    const { client, server } = await setup(() => ({ status: 502, raw: 'Bad Gateway' }), { maxRetries: 2 })
    const e = await failure(client.request('chairsList'))
    expect(e.kind).toBe('server')
    expect(e.message).toContain('gave up after 3 attempts')
    expect(server.hits('/chairs')).toHaveLength(3)
  })

  it('honours Retry-After on 429 and then succeeds', async () => {
    const { client, server } = await setup((_r, i) => (i === 1 ? { status: 429, headers: { 'Retry-After': '0' } } : { body: chairs }))
    expect(await client.request('chairsList')).toHaveLength(1)
    expect(server.hits('/chairs')).toHaveLength(2)
  })

  it('does not wait for an unreasonably long Retry-After: rate-limited with retryAfterMs', async () => {
    const { client, server } = await setup(() => ({ status: 429, headers: { 'Retry-After': '120' } }), { maxRetryAfterMs: 5000 })
    const e = await failure(client.request('chairsList'))
    expect(e.kind).toBe('rate-limited')
    expect(e.retryAfterMs).toBe(120_000)
    expect(server.hits('/chairs')).toHaveLength(1)
  })

  it('sends a POST again only when it was refused with 429 (nothing was applied)', async () => {
    const { client, server } = await setup((_r, i) =>
      i === 1
        ? { status: 429, headers: { 'Retry-After': '0' } }
        : { body: { status: 'success', data: { id: 9, direction: 'incoming', amount: 1, date: '2026-01-01' } } },
    )
    expect(await client.request('transactionCreate', { body: { amount: 1 } })).toMatchObject({ id: 9 })
    expect(server.hits('/transactions')).toHaveLength(2)
  })

  it('never retries a POST on any other failure', async () => {
    const { client, server } = await setup((r) => (r.body.includes('"drop"') ? 'drop' : { status: 503 }))
    expect((await failure(client.request('transactionCreate', { body: { amount: 1 } }))).kind).toBe('server')
    expect((await failure(client.request('transactionCreate', { body: { amount: 'drop' } }))).kind).toBe('offline')
    expect(server.hits('/transactions')).toHaveLength(2)
    expect(client.stats().retries).toBe(0)
  })

  it('retries a GET after a dropped connection', async () => {
    const { client, server } = await setup((_r, i) => (i === 1 ? 'drop' : { body: chairs }))
    expect(await client.request('chairsList')).toHaveLength(1)
    expect(server.hits('/chairs')).toHaveLength(2)
  })

  it('times out per attempt: GET retried then timeout; POST not retried', async () => {
    const { client, server } = await setup(() => 'hang', { timeoutMs: 150, maxRetries: 1 })
    await client.me()
    const e = await failure(client.request('chairsList'))
    expect(e.kind).toBe('timeout')
    expect(server.hits('/chairs')).toHaveLength(2)
    const p = await failure(client.request('patientCreate', { body: { firstName: 'A', lastName: 'B' }, timeoutMs: 100 }))
    expect(p.kind).toBe('timeout')
    expect(server.hits('/patients')).toHaveLength(1)
  })

  it('reports a refused connection as offline', async () => {
    const { client, server } = await setup(() => ({ body: chairs }), { maxRetries: 1 })
    await server.close()
    const e = await failure(client.request('me'))
    expect(e.kind).toBe('offline')
    expect(e.message).toMatch(/Could not reach AlfaDocs/)
    expect(client.stats().requests).toBe(2)
  })

  it('a caller abort rejects with its reason and is not retried', async () => {
    const { client, server } = await setup(() => 'hang')
    await client.me()
    const ctrl = new AbortController()
    const p = client.request('chairsList', { signal: ctrl.signal })
    while (server.hits('/chairs').length === 0) await new Promise((r) => setImmediate(r))
    ctrl.abort(new Error('screen closed'))
    await expect(p).rejects.toThrow('screen closed')
    expect(client.stats().retries).toBe(0)
  })
})

describe('client-side limiter', () => {
  it('starts at most requestsPerSecond requests per rolling second, shared by concurrent calls', async () => {
    const { client, server } = await setup(() => ({ body: chairs }), { requestsPerSecond: 2 })
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    await client.me() // one start at t=0
    const settle = async () => {
      for (let i = 0; i < 50; i++) await new Promise((r) => setImmediate(r))
    }
    const all = Promise.all(Array.from({ length: 5 }, () => client.request('chairsList')))
    await settle()
    expect(server.hits('/chairs')).toHaveLength(1) // the second slot of this second
    // The window is a second plus a safety margin (LIMITER_WINDOW_MS ≥ 1000).
    expect(LIMITER_WINDOW_MS).toBeGreaterThanOrEqual(1000)
    await vi.advanceTimersByTimeAsync(LIMITER_WINDOW_MS - 1)
    await settle()
    expect(server.hits('/chairs')).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    await settle()
    expect(server.hits('/chairs')).toHaveLength(3)
    await vi.advanceTimersByTimeAsync(LIMITER_WINDOW_MS)
    await settle()
    expect(server.hits('/chairs')).toHaveLength(5)
    expect(await all).toHaveLength(5)
    expect(client.stats()).toEqual({ requests: 6, retries: 0 })
  })
})

describe('listWindowed', () => {
  const appt = (id: number, date: string) => ({ id, date: `${date} 09:00:00`, state: 'confirmed', duration: '30' })

  it('splits 70 days of appointments into 3 windows of ≤30 days, merges in order, drops duplicates', async () => {
    const { client, server } = await setup((r) => {
      const start = r.query.get('dateStart')
      if (start === '2026-01-01') return { body: list([appt(1, '2026-01-01'), appt(2, '2026-01-30')], 0) }
      if (start === '2026-01-31') return { body: list([appt(2, '2026-01-30'), appt(3, '2026-02-15')]) }
      return { body: list([appt(4, '2026-03-11'), appt(3, '2026-02-15')]) }
    })
    const out = await client.listWindowed('appointmentsList', '2026-01-01', '2026-03-11', { state: 'confirmed' })
    expect(out.map((a) => a.id)).toEqual([1, 2, 3, 4])
    const windows = server.hits('/appointments').map((r) => [r.query.get('dateStart'), r.query.get('dateEnd'), r.query.get('state')])
    expect(windows.sort()).toEqual([
      ['2026-01-01', '2026-01-30', 'confirmed'],
      ['2026-01-31', '2026-03-01', 'confirmed'],
      ['2026-03-02', '2026-03-11', 'confirmed'],
    ])
  })

  it('uses 31-day windows for bills', async () => {
    const { client, server } = await setup(() => ({ body: list([]) }))
    await client.listWindowed('billsList', '2026-01-01', '2026-02-01')
    expect(
      server
        .hits('/bills')
        .map((r) => r.query.get('dateEnd'))
        .sort(),
    ).toEqual(['2026-01-31', '2026-02-01'])
  })

  it('fails as a whole when one window fails, and refuses bad dates', async () => {
    const { client } = await setup((r) => (r.query.get('dateStart') === '2026-01-31' ? { status: 404 } : { body: list([]) }))
    expect((await failure(client.listWindowed('appointmentsList', '2026-01-01', '2026-03-11'))).kind).toBe('not-found')
    expect((await failure(client.listWindowed('appointmentsList', '2026-02-30', '2026-03-11'))).kind).toBe('invalid')
    expect(await client.listWindowed('appointmentsList', '2026-03-11', '2026-03-01')).toEqual([])
  })
})

describe('searchPatients', () => {
  const patients = Array.from({ length: 230 }, (_, i) => ({ id: i + 1, firstName: `P${i + 1}`, lastName: 'Rossi' }))

  it('reads every page with limit 100 and merges them', async () => {
    const { client, server } = await setup((r) => {
      const offset = Number(r.query.get('offset'))
      const limit = Number(r.query.get('limit'))
      return { body: { links: {}, total: patients.length, offset, limit, results: patients.slice(offset, offset + limit) } }
    })
    const all = await client.searchPatients({ lastName: 'Rossi' })
    expect(all).toHaveLength(230)
    expect(new Set(all.map((p) => p.id)).size).toBe(230)
    const calls = server.hits('/patients')
    expect(calls).toHaveLength(3)
    expect(calls.every((c) => c.query.get('limit') === '100' && c.query.get('lastName') === 'Rossi')).toBe(true)

    const page = await client.searchPatients({}, { offset: 200, limit: 500 })
    expect(page).toMatchObject({ total: 230, offset: 200, limit: 100 })
    expect(page.results).toHaveLength(30)
  })
})
