import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { channelNames, contract, errorKinds, type ChannelInput, type ChannelName, type Result } from '../../../../../shared/contract'
import { createMainApp, type MainApp } from '../../../../../electron/main/app'
import { MemorySecretStore } from '../../../../../electron/main/keychain/memory-store'
import type { Sandbox } from '../../../../../electron/sandbox'

// Every channel, fed what a hostile or broken page could send, through the same door Electron uses, with a
// connected demo practice behind it: the answer is a typed 'invalid' error, no request reaches the sandbox,
// and Object.prototype is untouched.

const TODAY = '2026-03-11'
let app: MainApp
let sandbox: Sandbox
let dataDir: string

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'sportello-fuzz-'))
  app = createMainApp({ secretStore: new MemorySecretStore(), dataDir, sandbox: { today: TODAY, onStart: (sb) => (sandbox = sb) } })
  const r = await app.invoke('sessionConnectDemo', {})
  expect(r.ok).toBe(true)
})
afterAll(async () => {
  await app?.dispose()
  await rm(dataDir, { recursive: true, force: true })
})

const draft = {
  firstName: 'Mario',
  lastName: 'Rossi',
  email: 'mario@example.com',
  gender: 'm' as const,
  dateOfBirth: '1980-01-01',
  placeOfBirth: 'Roma',
  street: 'Via Roma 1',
  city: 'Roma',
  postcode: '00100',
  province: 'RM',
  italianFiscalCode: 'RSSMRA80A01H501U',
  phoneNumbers: [{ id: 'p1', prefix: '+39', number: '3331234567', label: 'cellulare', smsEnabled: true }],
  customFields: { allergie: 'nessuna' },
}
const upload = { uploadId: 'upload-0001', patientId: 1, name: 'referto.pdf', type: 'other' as const, folderName: 'Documenti' }

/** One valid input per channel (the type makes a new channel add its own). */
const samples: { [C in ChannelName]: ChannelInput<C> } = {
  sessionStatus: {},
  sessionConnectDemo: {},
  sessionConnect: { apiKey: 'demo-key', baseUrl: 'http://127.0.0.1:1/api/v1' },
  sessionDisconnect: {},
  sessionConnectivity: {},
  sessionLockState: {},
  sessionLock: {},
  sessionUnlock: { pin: '482916' },
  sessionSetPin: { pin: '482916' },
  patientsByIds: { ids: [1, 2] },
  patientsSearch: { text: 'rossi', offset: 0, limit: 20 },
  patientGet: { patientId: 1 },
  patientDuplicates: {
    patientId: 1,
    firstName: 'Mario',
    lastName: 'Rossi',
    italianFiscalCode: 'RSSMRA80A01H501U',
    dateOfBirth: '1980-01-01',
  },
  patientCreate: { draft, fiscalCodeOverride: false },
  patientUpdate: { patientId: 1, draft, fiscalCodeOverride: false },
  patientCustomFieldDefs: {},
  patientCarePlans: { patientId: 1 },
  documentsList: { patientId: 1 },
  documentsDownload: { patientId: 1, documentId: 2 },
  documentsSettings: {},
  documentsSettingsSet: { maxUploadMb: 25 },
  settingsGet: {},
  printPreview: {},
  printPrint: {},
  printSave: { base64: 'JVBERi0xLjQK', fileName: 'foglio-del-giorno-2026-03-11' },
  agendaArrivals: { after: 0, today: '2026-03-11' },
  listsConfirmations: { date: '2026-03-12' },
  listsConfirmationSet: { appointmentId: 1, outcome: 'confirmed' },
  listsFollowUps: { now: '2026-03-11 09:00:00' },
  listsFollowUpContacted: { patientId: 1, contacted: true },
  listsAsap: { now: '2026-03-11 09:00' },
  listsAsapForSlot: { now: '2026-03-11 09:00:00', date: '2026-03-12 10:00:00', duration: 30, operatorId: 2, appointmentId: 5 },
  settingsUpdate: { lateAfterMinutes: 15, alertFields: ['allergie'], updateFeedUrl: 'https://updates.example.test/sportello' },
  documentsInspectPaths: { paths: ['/tmp/referto.pdf'], asXray: false },
  documentsUploadPaths: { ...upload, path: '/tmp/referto.pdf' },
  documentsUploadBytes: { ...upload, base64: 'aGVsbG8=' },
  documentsUploadProgress: { uploadIds: ['upload-0001'] },
  documentsUploadCancel: { uploadId: 'upload-0001' },
  referenceData: {},
  appointmentsRange: { from: '2026-03-01', to: '2026-03-31', patientId: 1 },
  agendaBookingData: {},
  agendaSetState: { id: 1, state: 'waiting', at: 1_773_000_000_000, seen: { state: 'confirmed', date: '2026-03-11 09:00:00' } },
  agendaOutbox: { acknowledge: ['k1'] },
  agendaUpdate: {
    seen: {
      id: 1,
      date: '2026-03-11 09:00:00',
      duration: 30,
      chairId: 1,
      operatorId: 2,
      patientId: 3,
      colorId: 4,
      state: 'confirmed',
      description: 'Visita',
      type: 'inPractice',
      allDay: false,
      emailReminder: true,
      smsReminder: false,
    },
    changes: {
      date: '2026-03-11 10:00:00',
      duration: 45,
      chairId: 2,
      operatorId: 2,
      patientId: 3,
      colorId: 4,
      description: 'Controllo',
      type: 'inPractice',
      allDay: false,
      emailReminder: true,
      smsReminder: true,
      state: 'waiting',
    },
    force: false,
  },
  agendaCreate: { date: '2026-03-11 09:00:00', duration: 30, colorId: 1, chairId: 1, description: 'Visita' },
  agendaFreeSlots: { from: TODAY, fromMinutes: 480, days: 14, duration: 30, operatorIds: [1] },
  agendaWaiting: { ids: [1] },
  billingReference: {},
  billsList: { from: '2026-01-01', to: TODAY, type: 'full', direction: 'incoming', carePlanId: 1, patientId: 1 },
  billDetail: { billId: 1 },
  paymentRecord: {
    key: '0b6f8a1e-3c4d-4e5f-8a9b-0c1d2e3f4a5b',
    billId: 1,
    liabilityId: 2,
    amountCents: 1000,
    date: TODAY,
    paymentTypeId: 3,
    accountId: 4,
    sistemaTsExpenseType: 'sp',
    relatedToInsurance: false,
    spread: false,
  },
  paymentsUnfinished: {},
  paymentGet: { key: 'k1' },
  paymentRetry: { key: 'k1' },
  paymentDiscard: { key: 'k1' },
  takingsDay: { date: TODAY },
  patientBalance: { patientId: 1 },
  appointmentTreatments: { appointmentId: 1, patientId: 2 },
  paymentsRecordMany: {
    key: '1c7f9b2e-4d5e-4f60-9bac-1d2e3f4a5b6c',
    patientId: 1,
    amountCents: 12000,
    instalments: [
      { billId: 1, liabilityId: 2 },
      { billId: 3, liabilityId: 4 },
    ],
    date: TODAY,
    paymentTypeId: 5,
    accountId: 6,
    sistemaTsExpenseType: 'sp',
    relatedToInsurance: false,
    cashSplitConfirmed: false,
  },
  dayCloseGet: { date: TODAY },
  dayCloseSave: { date: TODAY, countedCash: 15000, note: 'Fondo cassa 100 €' },
}

type Path = Array<string | number>
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Paths to every leaf, every object and every array of a sample. */
function nodes(v: unknown, path: Path = [], out = { leaves: [] as Path[], objects: [] as Path[], arrays: [] as Path[] }) {
  if (Array.isArray(v)) {
    out.arrays.push(path)
    v.forEach((x, i) => nodes(x, [...path, i], out))
  } else if (isObj(v)) {
    out.objects.push(path)
    for (const [k, x] of Object.entries(v)) nodes(x, [...path, k], out)
  } else out.leaves.push(path)
  return out
}
const get = (v: unknown, path: Path): unknown => path.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], v)
function withValue(sample: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value
  const copy = structuredClone(sample)
  const parent = get(copy, path.slice(0, -1)) as Record<string | number, unknown>
  Object.defineProperty(parent, path[path.length - 1]!, { value, enumerable: true, writable: true, configurable: true })
  return copy
}
/** An own key, as JSON.parse or structured clone make it (`__proto__` included), not a prototype change. */
function withKey(sample: unknown, path: Path, key: string, value: unknown): unknown {
  const copy = structuredClone(sample)
  Object.defineProperty(get(copy, path), key, { value, enumerable: true, writable: true, configurable: true })
  return copy
}

const huge = 'é'.repeat(200_000)
const oddNumbers = [NaN, Infinity, -Infinity, 1e308, -1e308, 2 ** 53, -0, 0.5, -1.5]
/** The only number fields where a fraction is a real value. */
const fractional = new Set(['documentsSettingsSet:maxUploadMb'])
/** Records keyed by the page: any well-formed name is a valid key there. */
const records = new Set(['patientCreate:draft.customFields', 'patientUpdate:draft.customFields'])
const prototypeKeys = ['__proto__', 'constructor', 'prototype']

function badValuesFor(channel: ChannelName, path: Path, sampleValue: unknown): unknown[] {
  const field = `${channel}:${path.filter((k) => typeof k === 'string').join('.')}`
  if (typeof sampleValue === 'number') {
    const odd = fractional.has(field) ? oddNumbers.filter((n) => !Number.isFinite(n) || Math.abs(n) > 1e6 || Object.is(n, -0)) : oddNumbers
    return [...odd, '7', true, [], {}, huge]
  }
  if (typeof sampleValue === 'string') return [huge, 12345, NaN, [], {}, { toString: 'x' }]
  if (typeof sampleValue === 'boolean') return ['yes', 1, 0, [], {}, huge]
  return [NaN, huge, [], {}]
}

interface Mutation {
  channel: ChannelName
  what: string
  input: unknown
}

/** The catalogue: each leaf replaced by each odd value, each object given each prototype key, each array made huge, each input of the wrong type. */
function mutations(): Mutation[] {
  const out: Mutation[] = []
  for (const channel of channelNames) {
    const sample = samples[channel]
    const { leaves, objects, arrays } = nodes(sample)
    for (const path of leaves) {
      for (const bad of badValuesFor(channel, path, get(sample, path)))
        out.push({ channel, what: `${path.join('.')} = ${show(bad)}`, input: withValue(sample, path, bad) })
    }
    for (const path of objects) {
      const isRecord = records.has(`${channel}:${path.join('.')}`)
      for (const key of isRecord ? prototypeKeys : [...prototypeKeys, 'extra']) {
        out.push({ channel, what: `${path.join('.') || '(input)'}[${key}]`, input: withKey(sample, path, key, { polluted: 'yes' }) })
        out.push({ channel, what: `${path.join('.') || '(input)'}[${key}] = 1`, input: withKey(sample, path, key, 1) })
      }
    }
    for (const path of arrays) {
      const first = (get(sample, path) as unknown[])[0]
      out.push({
        channel,
        what: `${path.join('.')} × 10 001`,
        input: withValue(
          sample,
          path,
          Array.from({ length: 10_001 }, () => first),
        ),
      })
    }
    for (const bad of [1, 'x', [], true, NaN, huge]) out.push({ channel, what: `input = ${show(bad)}`, input: bad })
  }
  return out
}
function show(v: unknown): string {
  if (typeof v === 'string') return v.length > 20 ? `string(${v.length})` : JSON.stringify(v)
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v)
  return Array.isArray(v) ? `array(${v.length})` : typeof v === 'object' ? 'object' : String(v)
}

const requests = () => sandbox.requestLog.length
const protoSnapshot = () => Object.getOwnPropertyNames(Object.prototype).sort().join(',')
const untouched = protoSnapshot()
function expectPrototypeUntouched() {
  expect(protoSnapshot()).toBe(untouched)
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  expect(Object.getPrototypeOf({})).toBe(Object.prototype)
}

function expectRefused(r: Result<unknown>, what: string) {
  expect(r.ok, what).toBe(false)
  if (!r.ok) {
    expect(r.error.kind, what).toBe('invalid')
    expect(r.error.message.length, what).toBeLessThan(2000)
  }
}

describe('IPC door under hostile input', () => {
  it('has a valid sample for every channel (so each mutation is one step from valid input)', () => {
    expect(Object.keys(samples).sort()).toEqual([...channelNames].sort())
    for (const c of channelNames) expect(contract[c].input.safeParse(samples[c]).success, c).toBe(true)
  })

  it('refuses every catalogued mutation of every channel with invalid, sending nothing', async () => {
    const before = requests()
    const list = mutations()
    expect(list.length).toBeGreaterThan(1000)
    for (const m of list) expectRefused(await app.invoke(m.channel, m.input), `${m.channel}: ${m.what}`)
    expect(requests()).toBe(before)
    expectPrototypeUntouched()
  })

  it('refuses a 200-year range on every range channel before any request', async () => {
    const before = requests()
    const long = { from: '1900-01-01', to: '2100-12-31' }
    for (const [channel, input] of [
      ['appointmentsRange', long],
      ['appointmentsRange', { ...long, patientId: 1 }],
      ['billsList', long],
      ['billsList', { ...long, patientId: 1 }],
    ] as const) {
      const r = await app.invoke(channel, input)
      expect(r, channel).toMatchObject({ ok: false, error: { kind: 'invalid', code: 'range-too-long' } })
    }
    expect(requests()).toBe(before)
  })

  it('property: any value on any channel is either accepted by the contract or refused as invalid with no request', async () => {
    const key = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...prototypeKeys))
    const value = fc.anything({
      key,
      maxDepth: 3,
      withNullPrototype: true,
      withObjectString: true,
      withBigInt: true,
      withDate: true,
      withTypedArray: true,
      withSparseArray: true,
    })
    const before = requests()
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...channelNames), value, async (channel, input) => {
        fc.pre(!contract[channel].input.safeParse(input ?? {}).success)
        expectRefused(await app.invoke(channel, input), channel)
      }),
      { numRuns: 400 },
    )
    expect(requests()).toBe(before)
    expectPrototypeUntouched()
  })

  it('property: one field of a valid input set to a random odd value is refused as invalid with no request', async () => {
    const odd = fc.oneof(
      fc.double(),
      fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, Number.MAX_VALUE, Number.MIN_VALUE),
      fc.string({ minLength: 5000, maxLength: 6000 }),
      fc.anything({ key: fc.constantFrom(...prototypeKeys, 'x'), maxDepth: 2 }),
    )
    const pick = fc.constantFrom(...channelNames).chain((channel) => {
      const { leaves } = nodes(samples[channel])
      return leaves.length === 0
        ? fc.constant({ channel, path: [] as Path })
        : fc.record({ channel: fc.constant(channel), path: fc.constantFrom(...leaves) })
    })
    const before = requests()
    await fc.assert(
      fc.asyncProperty(pick, odd, async ({ channel, path }, bad) => {
        const input = withValue(samples[channel], path, bad)
        fc.pre(!contract[channel].input.safeParse(input ?? {}).success)
        expectRefused(await app.invoke(channel, input), `${channel}: ${path.join('.')}`)
      }),
      { numRuns: 400 },
    )
    expect(requests()).toBe(before)
    expectPrototypeUntouched()
  })

  it('still answers valid input afterwards, and the request counter sees it', async () => {
    const before = requests()
    const r = await app.invoke('appointmentsRange', { from: TODAY, to: TODAY })
    expect(r.ok).toBe(true)
    expect(requests()).toBeGreaterThan(before)
    expect(errorKinds).toContain('invalid')
  })
})
