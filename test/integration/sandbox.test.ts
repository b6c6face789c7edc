import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fillPath, routes, type RouteName } from '../../shared/alfadocs/routes'
import { startSandbox, type Sandbox } from '../../electron/sandbox'

// Real HTTP against the embedded sandbox with Node's fetch.

const TODAY = '2026-03-16'
let sb: Sandbox
let scope: string

const headers = (extra: Record<string, string> = {}) => ({ 'X-Api-Key': sb.apiKey, Accept: 'application/json', ...extra })
const get = (path: string, init: RequestInit = {}) => fetch(scope + path, { headers: headers(), ...init })
const send = (method: string, path: string, body: unknown) =>
  fetch(scope + path, { method, headers: headers({ 'Content-Type': 'application/json' }), body: JSON.stringify(body) })
const json = async (r: Response) => (await r.json()) as Record<string, any>

beforeAll(async () => {
  sb = await startSandbox({ today: TODAY, quiet: true, rateLimitPerSecond: false, apiKey: 'demo-test-key' })
  scope = `${sb.baseUrl}/practices/${sb.practiceId}/archives/${sb.archiveId}`
})
afterAll(() => sb.close())

describe('envelopes', () => {
  it('item: /me carries the practice identity', async () => {
    const r = await fetch(`${sb.baseUrl}/me`, { headers: headers() })
    expect(r.status).toBe(200)
    const body = await json(r)
    expect(body).toEqual({
      status: 'success',
      data: expect.objectContaining({
        practiceId: sb.practiceId,
        archiveId: sb.archiveId,
        practiceName: 'Studio Dentistico Demo — Bologna',
      }),
    })
    expect(body.data.userId).toEqual(expect.any(Number))
    expect(body.data.userEmail).toContain('@')
  })

  it('list: status, count (may be 0 next to items) and data', async () => {
    const body = await json(await get('/chairs'))
    expect(body.status).toBe('success')
    expect(typeof body.count).toBe('number')
    expect(body.data.length).toBe(6)
  })

  it('page: patient search with links, total, offset, limit and results', async () => {
    const body = await json(await get('/patients'))
    expect(body.limit).toBe(100)
    expect(body.offset).toBe(0)
    expect(body.total).toBeGreaterThanOrEqual(500)
    expect(body.results).toHaveLength(100)
    expect(body.links.self).toMatch(/^http:\/\//)
    const next = new URL(body.links.next)
    expect(next.searchParams.get('offset')).toBe('100')
    const page2 = await json(await fetch(next, { headers: headers() }))
    expect(page2.offset).toBe(100)
    expect(page2.results[0].id).not.toBe(body.results[0].id)
    const last = await json(await get(`/patients?offset=${body.total - 5}&limit=500`))
    expect(last.limit).toBe(100)
    expect(last.results).toHaveLength(5)
    expect(last.links.next).toBeUndefined()
  })

  it('top, file, status and delete envelopes', async () => {
    const plan = sb.state.carePlans[0]!
    expect(await json(await get(`/care-plans/${plan.id}/signature-status`))).toEqual({ status: 'success', isSigned: plan.isSigned })
    const doc = sb.state.documents[0]!
    const file = await json(await get(`/patients/${doc.patientId}/documents/${doc.id}/download`))
    expect(file).toEqual({ status: 'success', file: doc.base64 })
    const patient = sb.state.patients.find((p) => !p.deleted)!
    const cf = await send('PATCH', `/patients/${patient.id}/custom-fields`, {
      data: [{ technicalName: 'comeCiHaConosciuto', value: 'Internet' }],
    })
    expect(await json(cf)).toEqual({ status: 'success' })
    expect(patient._comeCiHaConosciuto).toBe('Internet')
    const l = sb.state.liabilities[0]!
    const del = await fetch(`${scope}/bills/${l.billId}/liabilities/${l.id}`, { method: 'DELETE', headers: headers() })
    expect(del.status).toBe(200)
    expect(await json(del)).toEqual({ status: 'success' })
    expect(sb.state.liabilities.some((x) => x.id === l.id)).toBe(false)
  })

  it('answers every GET route of the route table with its envelope', async () => {
    const s = sb.state
    const bill = s.bills.find((b) => s.liabilities.some((l) => l.billId === b.id))!
    const patient = s.patients.find((p) => !p.deleted && p.phoneNumbers.length > 0 && s.documents.some((d) => d.patientId === p.id))!
    const ids: Record<string, string | number> = {
      appointmentId: s.appointments[0]!.id,
      patientId: patient.id,
      documentId: s.documents.find((d) => d.patientId === patient.id)!.id,
      billId: bill.id,
      carePlanId: s.carePlans[0]!.id,
      phoneNumberId: patient.phoneNumbers[0]!.id,
      liabilityId: s.liabilities.find((l) => l.billId === bill.id)!.id,
    }
    const extra: Partial<Record<RouteName, string>> = { freeSlotsList: `?startDate=${TODAY}&duration=30` }
    for (const [name, def] of Object.entries(routes) as Array<[RouteName, (typeof routes)[RouteName]]>) {
      if (def.method !== 'GET') continue
      const url = (def.scoped ? scope : sb.baseUrl) + fillPath(def.path, ids) + (extra[name] ?? '')
      const r = await fetch(url, { headers: headers() })
      expect(r.status, name).toBe(200)
      const body = await json(r)
      if (def.envelope === 'list') expect(Array.isArray(body.data), name).toBe(true)
      if (def.envelope === 'item') expect(body.data, name).toBeTypeOf('object')
      if (def.envelope === 'page') expect(Array.isArray(body.results), name).toBe(true)
      if (def.envelope === 'file') expect(body.file, name).toBeTypeOf('string')
      if (def.envelope !== 'page') expect(body.status, name).toBe('success')
      if (def.schema && def.envelope === 'list') for (const item of body.data) def.schema.parse(item)
      if (def.schema && def.envelope === 'item') def.schema.parse(body.data)
    }
  })
})

describe('auth', () => {
  it('401 without a key or with a wrong one; Bearer works; both headers are a 400', async () => {
    const none = await fetch(`${scope}/chairs`)
    expect(none.status).toBe(401)
    expect((await json(none)).error).toEqual(expect.any(String))
    expect((await fetch(`${scope}/chairs`, { headers: { 'X-Api-Key': 'nope' } })).status).toBe(401)
    expect((await fetch(`${scope}/chairs`, { headers: { Authorization: `Bearer ${sb.apiKey}` } })).status).toBe(200)
    expect((await fetch(`${scope}/chairs`, { headers: { Authorization: 'Bearer nope' } })).status).toBe(401)
    const both = await fetch(`${scope}/chairs`, { headers: { 'X-Api-Key': sb.apiKey, Authorization: `Bearer ${sb.apiKey}` } })
    expect(both.status).toBe(400)
  })
})

describe('validation and lookups', () => {
  it('rejects appointment ranges over 30 days and bill ranges over 31 days', async () => {
    expect((await get('/appointments?dateStart=2026-03-01&dateEnd=2026-03-30')).status).toBe(200)
    const r = await get('/appointments?dateStart=2026-03-01&dateEnd=2026-03-31')
    expect(r.status).toBe(400)
    expect((await json(r)).error).toEqual(expect.any(String))
    expect((await get('/bills?dateStart=2026-02-01&dateEnd=2026-03-03')).status).toBe(200)
    expect((await get('/bills?dateStart=2026-02-01&dateEnd=2026-03-04')).status).toBe(400)
    expect((await get('/transactions?dateStart=2026-02-01&dateEnd=2026-03-04')).status).toBe(400)
    expect((await get('/appointments?dateStart=2026-02-30')).status).toBe(400)
  })

  it('defaults the appointment list to today → Sunday+14 and filters by state', async () => {
    const body = await json(await get('/appointments'))
    const days = body.data.map((a: { date: string }) => a.date.slice(0, 10))
    expect(days.every((d: string) => d >= TODAY && d <= '2026-04-05')).toBe(true)
    expect(days).toContain(TODAY)
    const done = await json(await get(`/appointments?dateStart=${TODAY}&dateEnd=${TODAY}&state=done`))
    expect(done.data.length).toBeGreaterThan(0)
    expect(done.data.every((a: { state: string }) => a.state === 'done')).toBe(true)
    expect((await get('/appointments?state=sleeping')).status).toBe(400)
  })

  it('400 when colorId is missing, or an id does not exist', async () => {
    const r = await send('POST', '/appointments', { date: `${TODAY} 09:00:00`, duration: 30 })
    expect(r.status).toBe(400)
    expect((await json(r)).error).toMatch(/colorId/)
    expect((await send('POST', '/appointments', { date: `${TODAY} 09:00:00`, colorId: 1 })).status).toBe(400)
    expect((await send('POST', '/appointments', { date: '16/03/2026 09:00', colorId: sb.state.colors[0]!.id })).status).toBe(400)
    expect((await send('POST', '/patients', { firstName: 'Solo' })).status).toBe(400)
    expect(
      (
        await send('POST', '/transactions', {
          amount: 10,
          date: TODAY,
          direction: 'incoming',
          paymentTypeId: 31001,
          sistemaTsExpenseType: 'sp',
        })
      ).status,
    ).toBe(400)
  })

  it('404 for unknown ids, unknown paths and another practice', async () => {
    expect((await get('/appointments/999999999')).status).toBe(404)
    expect((await get('/patients/1')).status).toBe(404)
    const r = await fetch(`${sb.baseUrl}/nothing-here`, { headers: headers() })
    expect(r.status).toBe(404)
    expect(await json(r)).toEqual({ error: 'Not found' })
    expect((await fetch(`${sb.baseUrl}/practices/1/archives/${sb.archiveId}/chairs`, { headers: headers() })).status).toBe(404)
  })

  it('finds patients by name prefix and by phone with the 0039 prefix', async () => {
    const p = sb.state.patients.find((x) => !x.deleted && x.phoneNumbers.length > 0)!
    const byName = await json(await get(`/patients?lastName=${encodeURIComponent(p.lastName.slice(0, 3).toUpperCase())}`))
    expect(byName.results.map((x: { id: number }) => x.id)).toContain(p.id)
    const phone = p.phoneNumbers[0]!
    const byPhone = await json(await get(`/patients?phoneNumberPrefix=0039&phoneNumber=${phone.number}`))
    expect(byPhone.results.map((x: { id: number }) => x.id)).toContain(p.id)
  })
})

describe('writes', () => {
  it('creates an appointment, reads it back, and PATCH moves it', async () => {
    const patient = sb.state.patients.find((p) => !p.deleted)!
    const created = await json(
      await send('POST', '/appointments', {
        date: `${TODAY} 18:30:00`,
        colorId: sb.state.colors[1]!.id,
        patientId: patient.id,
        duration: 30,
        chairId: 2285362,
        operatorId: 965561,
        description: 'Controllo',
        type: 'inPractice',
        state: 'confirmed',
      }),
    )
    const id = created.data.id as number
    expect((await json(await get(`/appointments/${id}`))).data).toMatchObject({ date: `${TODAY} 18:30:00`, patientId: patient.id })
    const moved = await send('PATCH', `/appointments/${id}`, { date: '2026-03-17 09:00:00', colorId: sb.state.colors[1]!.id })
    expect(moved.status).toBe(200)
    const after = (await json(await get(`/appointments/${id}`))).data
    expect(after).toMatchObject({ date: '2026-03-17 09:00:00', description: 'Controllo', chairId: 2285362, duration: 30 })
    expect(sb.state.appointments.find((a) => a.id === id)?.date).toBe('2026-03-17 09:00:00')
  })

  it('creates a patient and a phone number, updates a liability', async () => {
    const created = await json(
      await send('POST', '/patients', {
        firstName: 'Nicolò',
        lastName: "D'Amico",
        phoneNumbers: [{ prefix: '+39', number: '3471234567' }],
      }),
    )
    expect(created.data.phoneNumbers[0].id).toEqual(expect.any(String))
    const phone = await json(
      await send('POST', `/patients/${created.data.id}/phone-numbers`, { prefix: '+39', number: '051234567', label: 'Casa' }),
    )
    expect((await json(await get(`/patients/${created.data.id}/phone-numbers`))).data).toHaveLength(2)
    expect(phone.data.label).toBe('Casa')
    const l = sb.state.liabilities[1]!
    expect((await send('PUT', `/bills/${l.billId}/liabilities/${l.id}`, { amount: 0 })).status).toBe(400)
    const upd = await json(await send('PUT', `/bills/${l.billId}/liabilities/${l.id}`, { amount: 99.5, date: '2026-04-01' }))
    expect(upd.data).toMatchObject({ amount: '99.50', date: '2026-04-01' })
  })

  it('stores an uploaded document and downloads it byte for byte', async () => {
    const bytes = Buffer.alloc(300_000)
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 131 + (i >> 7)) & 0xff
    const patient = sb.state.patients.find((p) => !p.deleted)!
    const up = await send('POST', `/patients/${patient.id}/documents`, {
      base64Data: bytes.toString('base64'),
      type: 'xray',
      name: 'opt.png',
      folderName: 'Radiografie',
    })
    expect(up.status).toBe(200)
    const meta = (await json(up)).data
    expect(meta).toMatchObject({ name: 'opt.png', folderName: 'Radiografie', type: 'xray' })
    const file = await json(await fetch(meta.downloadUrl, { headers: headers() }))
    expect(Buffer.from(file.file, 'base64').equals(bytes)).toBe(true)
    expect(
      (await send('POST', `/patients/${patient.id}/documents`, { base64Data: 'abc', type: 'xray', name: 'x', folderName: 'y' })).status,
    ).toBe(400)
    expect(
      (await send('POST', `/patients/${patient.id}/documents`, { base64Data: 'AAAA', type: 'pdf', name: 'x', folderName: 'y' })).status,
    ).toBe(400)
  })
})

describe('faults', () => {
  it('fails the next n calls with a status, then recovers', async () => {
    sb.faults.failNext('chairsList', 2, { status: 503, retryAfterSec: 2 })
    const a = await get('/chairs')
    expect(a.status).toBe(503)
    expect(a.headers.get('retry-after')).toBe('2')
    expect((await json(a)).error).toEqual(expect.any(String))
    expect((await get('/chairs')).status).toBe(503)
    expect((await get('/chairs')).status).toBe(200)
    expect(
      sb.requestLog
        .filter((e) => e.route === 'chairsList')
        .map((e) => e.status)
        .slice(-3),
    ).toEqual([503, 503, 200])
  })

  it('timeout: never answers, so the client gives up', async () => {
    sb.faults.failNext('colorsList', 1, { kind: 'timeout' })
    await expect(get('/colors', { signal: AbortSignal.timeout(300) })).rejects.toThrow()
    expect((await get('/colors')).status).toBe(200)
  })

  it('drop: the socket is closed without an answer', async () => {
    sb.faults.failNext('operatorsList', 1, { kind: 'drop' })
    await expect(get('/operators')).rejects.toThrow()
    expect((await get('/operators')).status).toBe(200)
  })

  it('afterApply: the write happens, the answer is lost', async () => {
    const before = sb.state.appointments.length
    sb.faults.failNext('appointmentCreate', 1, { status: 500 }, { afterApply: true })
    const r = await send('POST', '/appointments', { date: `${TODAY} 12:00:00`, colorId: sb.state.colors[0]!.id, description: 'Persa' })
    expect(r.status).toBe(500)
    expect(sb.state.appointments.length).toBe(before + 1)
    expect(sb.state.appointments.at(-1)!.description).toBe('Persa')
  })

  it('HTTP controls: faults, latency, clear, state', async () => {
    const ctl = (path: string, body?: unknown) =>
      fetch(`${new URL(sb.baseUrl).origin}/__sandbox/${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: headers({ 'Content-Type': 'application/json' }),
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    expect((await fetch(`${new URL(sb.baseUrl).origin}/__sandbox/state`)).status).toBe(401)
    expect((await ctl('faults', { route: 'nope', n: 1, fault: { status: 500 } })).status).toBe(400)
    expect((await ctl('faults', { route: 'specialtiesList', n: 1, fault: { status: 502, body: { error: 'bad gateway' } } })).status).toBe(
      200,
    )
    const failed = await get('/specialties')
    expect(failed.status).toBe(502)
    expect(await json(failed)).toEqual({ error: 'bad gateway' })
    expect((await ctl('latency', { ms: 20 })).status).toBe(200)
    expect((await get('/specialties')).status).toBe(200)
    expect((await ctl('faults', { route: 'specialtiesList', n: 3, fault: { status: 500 } })).status).toBe(200)
    expect((await ctl('clear', {})).status).toBe(200)
    expect((await get('/specialties')).status).toBe(200)
    const state = await json(await ctl('state'))
    expect(state.patients.length).toBeGreaterThanOrEqual(500)
    expect(state.today).toBe(TODAY)
  })
})

describe('rate limit', () => {
  it('answers 429 with Retry-After: 1 past 10 requests per second, then recovers', async () => {
    const rl = await startSandbox({ today: TODAY, quiet: true, apiKey: 'rl-key' })
    try {
      const url = `${rl.baseUrl}/me`
      const res = await Promise.all(Array.from({ length: 15 }, () => fetch(url, { headers: { 'X-Api-Key': 'rl-key' } })))
      const limited = res.filter((r) => r.status === 429)
      expect(limited.length).toBeGreaterThanOrEqual(5)
      expect(limited[0]!.headers.get('retry-after')).toBe('1')
      expect(await limited[0]!.json()).toEqual({ error: 'Too many requests' })
      await Promise.all(res.filter((r) => !r.bodyUsed).map((r) => r.text()))
      await new Promise((ok) => setTimeout(ok, 1100))
      expect((await fetch(url, { headers: { 'X-Api-Key': 'rl-key' } })).status).toBe(200)
    } finally {
      await rl.close()
    }
  })
})
