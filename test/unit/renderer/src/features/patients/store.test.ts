import { beforeAll, describe, expect, it } from 'vitest'
import type { Patient } from '../../../../../../shared/alfadocs/schemas'
import type { Api } from '../../../../../../shared/contract'
import { addDaysIso } from '../../../../../../shared/dates'
import { checkFiscalCode } from '../../../../../../shared/patients/fiscal-code'
import { STORE_TODAY, startStoreHarness, type StoreHarness } from '../../../../../support/store-harness'
import { afterStoreTests } from '../../../../../support/store-suite'
import { db } from '../../../../../../renderer/src/cache/db'
import { readCached } from '../../../../../../renderer/src/cache/reads'
import { describeError } from '../../../../../../renderer/src/i18n/describe-error'
import { cacheKeys, usePatientsStore } from '../../../../../../renderer/src/features/patients/store'

// The patients store against the real main handlers and the demo sandbox (real HTTP), IndexedDB from fake-indexeddb.

const api = () => (globalThis as unknown as { window: { api: Record<string, (i: unknown) => Promise<unknown>> } }).window.api

/** Holds the answers of one channel until released: the real answer, delivered late. */
function holdAnswers(channel: keyof Api) {
  const real = api()[channel]!
  let release!: () => void
  const gate = new Promise<void>((ok) => (release = ok))
  let asked!: () => void
  const sent = new Promise<void>((ok) => (asked = ok))
  api()[channel] = async (input: unknown) => {
    const answer = await real(input)
    asked()
    await gate
    return answer
  }
  return { sent, release, restore: () => (api()[channel] = real) }
}

describe('patients store', () => {
  let h: StoreHarness
  /** A patient of today's agenda (appointments around today), with care plans if one has them. */
  let sample: Patient

  beforeAll(async () => {
    h = await startStoreHarness()
    const today = await h.invoke('appointmentsRange', { from: STORE_TODAY, to: STORE_TODAY })
    const ids = [...new Set(today.map((a) => a.patientId).filter((x): x is number => x != null))]
    let chosen = ids[0]!
    for (const id of ids.slice(0, 15)) {
      if ((await h.invoke('patientCarePlans', { patientId: id })).length > 0) {
        chosen = id
        break
      }
    }
    sample = await h.invoke('patientGet', { patientId: chosen })
  })
  afterStoreTests(
    () => h,
    () => usePatientsStore().reset(),
  )

  const patientAppointments = (from: string, to: string) => h.invoke('appointmentsRange', { patientId: sample.id, from, to })
  const ids = (xs: Array<{ id: number }>) => xs.map((x) => x.id).sort((a, b) => a - b)

  it('opens a patient fresh from main, and next time from the cache when AlfaDocs cannot answer', async () => {
    const store = usePatientsStore()
    const opening = store.openPatient(sample.id)
    expect(store.patient.status).toBe('idle')
    await opening
    expect(store.patient).toMatchObject({ status: 'fresh', value: { id: sample.id, lastName: sample.lastName }, error: null })
    expect(store.patient.syncedAt).not.toBeNull()

    store.reset()
    h.sandbox().faults.failNext('patientGet', 20, { kind: 'drop' })
    await store.openPatient(sample.id)
    expect(store.patient).toMatchObject({ status: 'cached', value: { id: sample.id }, error: { kind: 'offline' } })
    // A string is never held: the view words the error.
    expect(typeof store.patient.error).toBe('object')
    expect(describeError(store.patient.error!)).toBe('Il server non è raggiungibile. Controlla la connessione a internet.')
  })

  it('a patient the search has cached shows at once, without its search keys, even offline', async () => {
    const store = usePatientsStore()
    await db.storePatients([sample])
    h.sandbox().faults.failNext('patientGet', 20, { kind: 'drop' })
    await store.openPatient(sample.id)
    expect(store.patient.status).toBe('cached')
    expect(store.patient.value).toEqual(sample)
  })

  it('offline with nothing cached is offline, never an empty patient', async () => {
    const store = usePatientsStore()
    h.sandbox().faults.failNext('patientGet', 20, { kind: 'drop' })
    await store.openPatient(sample.id)
    expect(store.patient).toMatchObject({ status: 'offline', value: null, error: { kind: 'offline' } })
  })

  it("shows the patient's appointments around today; earlier and later ask only for the days added", async () => {
    const store = usePatientsStore()
    await store.loadAppointments(sample.id, STORE_TODAY)
    const w = store.appointments.value!
    expect(w).toMatchObject({ patientId: sample.id, from: addDaysIso(STORE_TODAY, -90), to: addDaysIso(STORE_TODAY, 90) })
    expect(ids(w.items)).toEqual(ids(await patientAppointments(w.from, w.to)))
    expect(w.items.some((a) => a.date.startsWith(STORE_TODAY))).toBe(true)

    const before = h.calls.length
    await store.extendAppointments('earlier')
    await store.extendAppointments('later')
    const asked = h.calls.slice(before).filter((c) => c === 'appointmentsRange')
    expect(asked).toHaveLength(2)
    const wide = store.appointments.value!
    expect(wide).toMatchObject({ from: addDaysIso(STORE_TODAY, -180), to: addDaysIso(STORE_TODAY, 180), patientId: sample.id })
    expect(ids(wide.items)).toEqual(ids(await patientAppointments(wide.from, wide.to)))
    expect(store.appointments.status).toBe('fresh')
  })

  it('a refresh of the appointments that fails keeps what was shown, marked cached with the reason', async () => {
    const store = usePatientsStore()
    await store.loadAppointments(sample.id, STORE_TODAY)
    const shown = store.appointments.value!
    h.sandbox().faults.failNext('appointmentsList', 50, { status: 503 })
    await store.loadAppointments(sample.id, STORE_TODAY)
    expect(store.appointments).toMatchObject({ status: 'cached', value: shown, error: { kind: 'server' } })
    expect(await readCached(cacheKeys.appointments(sample.id))).toMatchObject({ value: shown })
  })

  it("shows the patient's bills of the last six months (newest first), care plans and custom field definitions", async () => {
    const store = usePatientsStore()
    await Promise.all([store.loadBills(sample.id, STORE_TODAY), store.loadCarePlans(sample.id), store.loadCustomFieldDefs()])
    const { bills } = await h.invoke('billsList', { patientId: sample.id, from: addDaysIso(STORE_TODAY, -180), to: STORE_TODAY })
    expect(store.bills.status).toBe('fresh')
    expect(ids(store.bills.value!)).toEqual(ids(bills))
    const dates = store.bills.value!.map((b) => b.date)
    expect(dates).toEqual([...dates].sort().reverse())
    const plans = await h.invoke('patientCarePlans', { patientId: sample.id })
    expect(plans.length).toBeGreaterThan(0)
    expect(store.carePlans.value).toEqual(plans)
    expect(store.customFieldDefs.value).toEqual(await h.invoke('patientCustomFieldDefs', {}))
    // Half a year of bills twice over, each with its status (a liability read per unpaid bill at 10 requests/s).
  }, 30_000)

  it('warns of duplicates, creates, then updates: the page and the search cache show the answer at once', async () => {
    const store = usePatientsStore()
    const dupes = await store.findDuplicates({
      firstName: sample.firstName,
      lastName: sample.lastName,
      italianFiscalCode: sample.italianFiscalCode ?? '',
      dateOfBirth: sample.dateOfBirth?.slice(0, 10) ?? '',
    })
    expect(dupes.map((d) => d.patient.id)).toContain(sample.id)

    const draft = { firstName: 'Ettore', lastName: 'Collaudo', phoneNumbers: [{ prefix: '+39', number: '333 765 4321' }] }
    const created = await store.save({ patientId: null, draft, fiscalCodeOverride: false })
    expect(await h.invoke('patientGet', { patientId: created.id })).toMatchObject({ lastName: 'Collaudo', firstName: 'Ettore' })
    expect((await db.readPatients([created.id]))[0]).toMatchObject({ id: created.id, lastName: 'Collaudo' })

    await store.openPatient(created.id)
    const changed = { ...draft, phoneNumbers: [{ prefix: '+39', number: '3331112222' }] }
    const saving = store.save({ patientId: created.id, draft: changed, fiscalCodeOverride: false })
    expect(store.saving).toBe(true)
    await saving
    expect(store.saving).toBe(false)
    expect(store.patient.value!.phoneNumbers.map((n) => n.number)).toEqual(['3331112222'])
    expect((await readCached<Patient>(cacheKeys.patient(created.id)))!.value.phoneNumbers.map((n) => n.number)).toEqual(['3331112222'])
  })

  it('a refused save holds the error as data with main’s reason; the next attempt clears it', async () => {
    const store = usePatientsStore()
    const wrong = 'RSSMRA85T10A562X'
    expect(checkFiscalCode(wrong).ok).toBe(false)
    const draft = { firstName: 'Ettore', lastName: 'Collaudo', italianFiscalCode: wrong }
    await expect(store.save({ patientId: null, draft, fiscalCodeOverride: false })).rejects.toMatchObject({ kind: 'invalid' })
    expect(store.saveError).toMatchObject({ kind: 'invalid' })
    expect(describeError(store.saveError!)).toMatch(/^La richiesta non è valida\./)
    expect((await h.invoke('patientsSearch', { text: 'collaudo ettore' })).results.some((p) => p.italianFiscalCode === wrong)).toBe(false)
    const kept = await store.save({ patientId: null, draft, fiscalCodeOverride: true })
    expect(store.saveError).toBeNull()
    expect(kept.italianFiscalCode).toBe(wrong)
  })

  it('reset forgets every read, and an answer for the practice just left is not cached', async () => {
    const store = usePatientsStore()
    await Promise.all([store.openPatient(sample.id), store.loadAppointments(sample.id, STORE_TODAY), store.loadCarePlans(sample.id)])
    store.reset()
    for (const r of [store.patient, store.appointments, store.bills, store.carePlans, store.customFieldDefs]) {
      expect(r).toMatchObject({ status: 'idle', value: null, error: null })
    }
    await db.wipe()

    const held = holdAnswers('patientGet')
    try {
      const opening = store.openPatient(sample.id)
      await held.sent
      store.reset()
      held.release()
      await opening
    } finally {
      held.restore()
    }
    expect(store.patient.status).toBe('idle')
    expect(await db.readPatients([sample.id])).toEqual([])
    expect(await readCached(cacheKeys.patient(sample.id))).toBeNull()
  })
})
