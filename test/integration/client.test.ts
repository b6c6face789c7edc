import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox } from '../../electron/sandbox'
import { AlfaDocsClient, createLimiter, type ClientOptions, type RequestEvent } from '../../electron/main/alfadocs/client'
import { failure } from '../support/alfadocs-failure'

// The API client against the real sandbox over real HTTP: auth, rate limits, windows, parsing, faults.

type Sandbox = Awaited<ReturnType<typeof startSandbox>>
let sb: Sandbox
// The sandbox counts requests per API key, like AlfaDocs: every client of that key shares one limiter.
const limiter = createLimiter(10)

beforeAll(async () => {
  sb = await startSandbox({ port: 0, apiKey: 'test-key', today: '2026-03-10', rateLimitPerSecond: 10, quiet: true })
})
afterAll(async () => {
  await sb?.close()
})
afterEach(() => {
  sb.faults.clear()
})

function makeClient(opts: Partial<ClientOptions> = {}) {
  const events: RequestEvent[] = []
  const client = new AlfaDocsClient({
    baseUrl: sb.baseUrl,
    auth: { apiKey: sb.apiKey },
    retryBaseMs: 20,
    limiter,
    onRequest: (e) => events.push(e),
    ...opts,
  })
  return { client, events, of: (route: string) => events.filter((e) => e.route === route) }
}

describe('client vs sandbox: auth', () => {
  it('a wrong key is an auth error, not retried, and the key is not in the message', async () => {
    const { client, events } = makeClient({ auth: { apiKey: 'wrong-key-123' } })
    const e = await failure(client.request('chairsList'))
    expect(e.kind).toBe('auth')
    expect(e.status).toBe(401)
    expect(e.message).not.toContain('wrong-key-123')
    expect(sb.requestLog.filter((r) => r.status === 401)).toHaveLength(1)
    expect(events).toHaveLength(1)
    expect(client.stats()).toEqual({ requests: 1, retries: 0 })
  })

  it('the right key reads /me and scoped data', async () => {
    const { client } = makeClient()
    const me = await client.me()
    expect(me.practiceId).toBe(sb.state.practice.practiceId)
    expect(me.archiveId).toBe(sb.state.practice.archiveId)
    const chairs = await client.request('chairsList')
    expect(chairs.map((c) => c.id).sort()).toEqual(sb.state.chairs.map((c) => c.id).sort())
  })
})

describe('client vs sandbox: rate limits', () => {
  it('backs off on a 429 with Retry-After, then succeeds', async () => {
    const { client, of } = makeClient()
    await client.me()
    sb.faults.failNext('colorsList', 1, { status: 429, retryAfterSec: 1 })
    const colors = await client.request('colorsList')
    expect(colors.length).toBe(sb.state.colors.length)
    expect(of('colorsList').map((e) => e.status)).toEqual([429, 200])
    expect(client.stats().retries).toBe(1)
  })

  it('a burst of 40 GETs never meets the sandbox limiter thanks to the client limiter', async () => {
    const { client, events } = makeClient()
    await client.me()
    const logStart = sb.requestLog.length
    const results = await Promise.all(Array.from({ length: 40 }, () => client.request('operatorsList')))
    expect(results).toHaveLength(40)
    expect(events.filter((e) => e.status === 429)).toEqual([])
    expect(client.stats().retries).toBe(0)
    expect(events.filter((e) => e.route === 'operatorsList')).toHaveLength(40)
    const seen = sb.requestLog.slice(logStart)
    expect(seen.filter((e) => e.route === 'operatorsList')).toHaveLength(40)
    expect(seen.filter((e) => e.status === 429)).toEqual([])
  })
})

describe('client vs sandbox: date windows', () => {
  it('a 70-day appointment range takes 3 requests and equals the sandbox state in range, without duplicates', async () => {
    const { client, of } = makeClient()
    const from = '2026-02-01'
    const to = '2026-04-11' // 70 days inclusive
    const got = await client.listWindowed('appointmentsList', from, to)
    expect(of('appointmentsList')).toHaveLength(3)
    const ids = got.map((a) => a.id)
    expect(new Set(ids).size).toBe(ids.length)
    const expected = sb.state.appointments.filter((a) => a.date.slice(0, 10) >= from && a.date.slice(0, 10) <= to).map((a) => a.id)
    expect(expected.length).toBeGreaterThan(0)
    expect([...ids].sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b))
    // merged in window order
    const days = got.map((a) => a.date.slice(0, 10))
    expect(days).toEqual([...days].sort())
  })

  it('bills and transactions over 62 days take 31-day windows', async () => {
    const { client, of } = makeClient()
    await client.listWindowed('billsList', '2026-01-08', '2026-03-10')
    await client.listWindowed('transactionsList', '2026-01-08', '2026-03-10')
    expect(of('billsList')).toHaveLength(2)
    expect(of('transactionsList')).toHaveLength(2)
  })
})

describe('client vs sandbox: lenient parsing of sandbox data', () => {
  it('parses every reference list and the seeded records', async () => {
    const { client } = makeClient()
    for (const name of [
      'chairsList',
      'colorsList',
      'operatorsList',
      'specialtiesList',
      'bookingReasonsList',
      'paymentTypesList',
      'accountsList',
      'customFieldsList',
    ] as const) {
      const out = await client.request(name)
      expect(Array.isArray(out), name).toBe(true)
    }
    const reasons = await client.request('bookingReasonsList')
    for (const r of reasons) expect(typeof r.duration === 'number' || r.duration === null).toBe(true)

    const patients = await client.searchPatients()
    expect(patients.length).toBe(sb.state.patients.filter((p) => !p.deleted).length)
    for (const p of patients) {
      expect(typeof p.id).toBe('number')
      expect(p.dateOfBirth === null || /^\d{4}-\d{2}-\d{2}/.test(p.dateOfBirth)).toBe(true)
      expect('dateBirth' in p).toBe(false)
    }
    const appts = await client.listWindowed('appointmentsList', '2026-03-01', '2026-03-31')
    for (const a of appts) {
      expect(typeof a.duration).toBe('number')
      expect(typeof a.firstVisit).toBe('boolean')
    }
    const bills = await client.listWindowed('billsList', '2026-02-08', '2026-03-10')
    const bill = bills[0]
    if (bill) {
      const liabilities = await client.request('liabilitiesList', { params: { billId: bill.id } })
      for (const l of liabilities) expect(typeof l.amount).toBe('number')
    }
    const plan = sb.state.carePlans[0]
    if (plan) {
      expect((await client.request('carePlanGet', { params: { carePlanId: plan.id } })).id).toBe(plan.id)
      expect(typeof (await client.request('carePlanSignatureStatus', { params: { carePlanId: plan.id } })).isSigned).toBe('boolean')
    }
    const withDocs = sb.state.documents[0]
    if (withDocs) {
      const docs = await client.request('documentsList', { params: { patientId: withDocs.patientId } })
      expect(docs.map((d) => d.id)).toContain(withDocs.id)
    }
  })
})

describe('client vs sandbox: fault injection', () => {
  it('a 503 on a GET is retried to success', async () => {
    const { client, of } = makeClient()
    sb.faults.failNext('chairsList', 2, { status: 503 })
    expect((await client.request('chairsList')).length).toBe(sb.state.chairs.length)
    expect(of('chairsList').map((e) => e.status)).toEqual([503, 503, 200])
  })

  it('a dropped connection on a GET is retried to success', async () => {
    const { client, of } = makeClient()
    sb.faults.failNext('chairsList', 1, { kind: 'drop' })
    expect((await client.request('chairsList')).length).toBe(sb.state.chairs.length)
    expect(of('chairsList').map((e) => e.status)).toEqual([null, 200])
  })

  it('a timeout on a GET is retried; a persistent one ends as timeout', async () => {
    const { client, of } = makeClient({ timeoutMs: 300, maxRetries: 2 })
    await client.me()
    sb.faults.failNext('colorsList', 1, { kind: 'timeout' })
    expect((await client.request('colorsList')).length).toBe(sb.state.colors.length)
    expect(of('colorsList').map((e) => e.status)).toEqual([null, 200])

    sb.faults.failNext('operatorsList', 3, { kind: 'timeout' })
    const e = await failure(client.request('operatorsList'))
    expect(e.kind).toBe('timeout')
    expect(of('operatorsList')).toHaveLength(3)
  })

  it('a POST whose answer is lost fails as offline, is NOT retried, and the sandbox holds exactly one new record', async () => {
    const { client, of } = makeClient()
    const before = sb.state.appointments.length
    const logStart = sb.requestLog.length
    const maxIdBefore = Math.max(0, ...sb.state.appointments.map((a) => a.id))
    sb.faults.failNext('appointmentCreate', 1, { kind: 'drop' }, { afterApply: true })
    const e = await failure(
      client.request('appointmentCreate', {
        body: { date: '2026-03-12 10:00:00', colorId: sb.state.colors[0]!.id, duration: 30, description: 'lost answer' },
      }),
    )
    expect(e.kind).toBe('offline')
    expect(of('appointmentCreate')).toHaveLength(1)
    expect(sb.requestLog.slice(logStart).filter((e) => e.route === 'appointmentCreate')).toHaveLength(1)
    expect(sb.state.appointments.length).toBe(before + 1)
    expect(sb.state.appointments.filter((a) => a.id > maxIdBefore && a.description === 'lost answer')).toHaveLength(1)
  })
})
