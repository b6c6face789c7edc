import 'fake-indexeddb/auto'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import type { ErrorData, Result } from '../../shared/contract'
import type { Appointment, Chair, Patient } from '../../shared/alfadocs/schemas'
import { db } from '../../renderer/src/cache/db'
import { useDayStore } from '../../renderer/src/stores/day'

// The day store against a scripted IPC boundary (window.api): what it reads from Dexie first, what it asks
// main for, and what it shows when main cannot reach the server.

const DAY = '2026-03-11'

const chair = (id: number, name: string, deleted = false): Chair => ({ id, name, deleted })
const appt = (id: number, time: string, chairId: number | null, patientId: number | null, state = 'confirmed'): Appointment => ({
  id,
  date: `${DAY} ${time}:00`,
  patientId,
  emailReminder: false,
  smsReminder: false,
  description: 'Igiene',
  allDay: false,
  type: 'inPractice',
  state,
  duration: 30,
  colorId: null,
  chairId,
  operatorId: null,
  createdThroughBooking: false,
  createdThroughApi: false,
  firstVisit: false,
  carePlanId: null,
})
const patient = (id: number, firstName: string, lastName: string): Patient => ({
  id,
  firstName,
  lastName,
  email: null,
  emailEnabled: false,
  emailValid: false,
  phoneNumbers: [],
  gender: null,
  street: null,
  city: null,
  postcode: null,
  province: null,
  dateOfBirth: null,
  placeOfBirth: null,
  italianFiscalCode: null,
  deleted: false,
})

const practice = {
  chairs: [chair(1, 'Poltrona 1'), chair(2, 'Poltrona 2'), chair(3, 'Vecchia', true), chair(4, 'Dismessa', true)],
  colors: [],
  operators: [],
}
const appointments = [appt(11, '10:00', 1, 100), appt(10, '09:00', 1, 101), appt(12, '09:30', 3, 100), appt(13, '11:00', null, null)]
const patients = [patient(100, 'Mario', 'Rossi'), patient(101, 'Giulia', 'Bianchi')]

let calls: Array<{ channel: string; input: unknown }> = []
let failWith: ErrorData | null = null

function installApi(): void {
  const answer = (channel: string, input: unknown): Result<unknown> => {
    calls.push({ channel, input })
    if (failWith) return { ok: false, error: failWith }
    if (channel === 'referenceData') return { ok: true, value: practice }
    if (channel === 'appointmentsRange') return { ok: true, value: appointments }
    if (channel === 'patientsByIds') {
      const ids = (input as { ids: number[] }).ids
      return { ok: true, value: patients.filter((p) => ids.includes(p.id)) }
    }
    return { ok: false, error: { kind: 'invalid', message: `unexpected ${channel}` } }
  }
  const api = new Proxy({}, { get: (_t, channel: string) => async (input: unknown) => answer(channel, input) })
  ;(globalThis as unknown as { window: { api: unknown } }).window = { api }
}

describe('renderer day store', () => {
  beforeEach(async () => {
    await db.wipe()
    calls = []
    failWith = null
    installApi()
    setActivePinia(createPinia())
  })

  it('groups the day by chair in time order, keeps deleted chairs only when they hold appointments', async () => {
    const day = useDayStore()
    await day.load(DAY)

    expect(day.columns.map((c) => c.key)).toEqual(['chair-1', 'chair-2', 'chair-3', 'no-chair'])
    expect(day.columns[0]!.appointments.map((a) => a.id)).toEqual([10, 11])
    expect(day.patients.get(100)?.lastName).toBe('Rossi')
    expect(day.offline).toBe(false)
    expect(day.syncedAt).not.toBeNull()
    // Patients asked for once, together.
    expect(calls.filter((c) => c.channel === 'patientsByIds')).toEqual([{ channel: 'patientsByIds', input: { ids: [100, 101] } }])
  })

  it('fetches reference data once per session and patients only when not cached', async () => {
    const day = useDayStore()
    await day.load(DAY)
    await day.load('2026-03-12')
    await day.load(DAY)
    expect(calls.filter((c) => c.channel === 'referenceData')).toHaveLength(1)
    expect(calls.filter((c) => c.channel === 'appointmentsRange')).toHaveLength(3)
    expect(calls.filter((c) => c.channel === 'patientsByIds')).toHaveLength(1)
  })

  it('offline: shows the cached day and says so, keeping the time it was synced', async () => {
    const first = useDayStore()
    await first.load(DAY)
    const syncedAt = (await db.readDay(DAY)).syncedAt

    // A new session (app restarted) while the server is unreachable.
    setActivePinia(createPinia())
    failWith = { kind: 'offline', message: 'ECONNREFUSED' }
    const day = useDayStore()
    await day.load(DAY)

    expect(day.offline).toBe(true)
    expect(day.error).toBeNull()
    expect(day.syncedAt).toBe(syncedAt)
    expect(day.appointments.map((a) => a.id).sort()).toEqual([10, 11, 12, 13])
    expect(day.patients.get(101)?.firstName).toBe('Giulia')
    expect(day.columns.map((c) => c.key)).toEqual(['chair-1', 'chair-2', 'chair-3', 'no-chair'])
  })

  it('other failures are errors with their kind, not "offline"', async () => {
    failWith = { kind: 'auth', message: 'revoked', status: 401 }
    const day = useDayStore()
    await day.load(DAY)
    expect(day.offline).toBe(false)
    expect(day.error?.kind).toBe('auth')
  })
})
