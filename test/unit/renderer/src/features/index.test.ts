import 'fake-indexeddb/auto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDaysIso } from '../../../../../shared/dates'
import { db } from '../../../../../renderer/src/cache/db'
import { features, forgetPractice, navTabs } from '../../../../../renderer/src/features'
import { useAgendaStore } from '../../../../../renderer/src/features/agenda/store'
import { useBillingStore } from '../../../../../renderer/src/features/billing/store'
import { useDocumentsStore } from '../../../../../renderer/src/features/documents/store'
import { useUploadStore } from '../../../../../renderer/src/features/documents/upload-store'
import { usePatientsStore } from '../../../../../renderer/src/features/patients/store'
import { usePatientSearch } from '../../../../../renderer/src/features/patients/search-store'
import { useListsStore } from '../../../../../renderer/src/features/lists/store'
import { useSessionStore } from '../../../../../renderer/src/features/session/store'
import { STORE_TODAY, startStoreHarness, type StoreHarness } from '../../../../support/store-harness'

// The features list is the one plug: every feature's routes, tabs and reset. Disconnect forgets the practice
// in every store and in IndexedDB, so the next practice connected sees nothing of the last one.

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000, interval: 50 })

describe('features list', () => {
  it('has the eight features, each route name once, and tabs in order with unique test ids', () => {
    expect(features.map((f) => f.id).sort()).toEqual([
      'agenda',
      'billing',
      'documents',
      'lists',
      'patients',
      'print',
      'session',
      'settings',
    ])
    const names = features.flatMap((f) => f.routes.map((r) => r.name)).filter((n) => n !== undefined)
    expect(new Set(names).size).toBe(names.length)
    expect(navTabs.map((t) => t.test)).toEqual(['nav-agenda', 'nav-patients', 'nav-billing', 'nav-lists'])
    expect(navTabs.map((t) => t.order)).toEqual([...navTabs.map((t) => t.order)].sort((a, b) => a - b))
    // Every tab owns the route it opens.
    for (const tab of navTabs) expect(tab.owns(String((tab.to as { name: string }).name))).toBe(true)
  })
})

describe('disconnect forgets the practice in every feature', () => {
  let h: StoreHarness

  beforeAll(async () => {
    h = await startStoreHarness()
  })
  afterAll(async () => {
    await h?.close()
  })

  it("after disconnect and connecting the demo again, no store holds the last practice's patients, bills, uploads or documents", async () => {
    const { pinia } = h
    const session = useSessionStore(pinia)
    expect((await session.check()).state).toBe('connected')

    // Fill every feature's stores the way the screens do.
    const agenda = useAgendaStore(pinia)
    await (
      await agenda.open(STORE_TODAY, STORE_TODAY)
    ).refreshed
    expect(agenda.appointments.length).toBeGreaterThan(0)
    expect(agenda.patients.size).toBeGreaterThan(0)

    const search = usePatientSearch(pinia)
    search.setText('ro')
    await poll(() => search.source).toBe('server')
    expect(search.results.length).toBeGreaterThan(0)
    const patient = search.results[0]!

    const patients = usePatientsStore(pinia)
    await patients.openPatient(patient.id)
    expect(patients.patient.value?.id).toBe(patient.id)

    const billing = useBillingStore(pinia)
    await billing.loadBills({ from: addDaysIso(STORE_TODAY, -60), to: STORE_TODAY, direction: 'incoming' })
    expect(billing.bills.value?.bills.length).toBeGreaterThan(0)

    const documents = useDocumentsStore(pinia)
    await documents.open(patient.id)
    expect(documents.list.status).toBe('fresh')

    const uploads = useUploadStore(pinia)
    await uploads.addFiles(patient.id, 'Rossi Mario', [new File(['nota'], 'nota.txt', { type: 'text/plain' })])
    await poll(() => uploads.rows.map((r) => r.state)).toEqual(['done'])
    const lists = useListsStore(pinia)
    await lists.loadConfirmations(STORE_TODAY)
    expect(lists.confirmations.value?.rows.length).toBeGreaterThan(0)
    expect(Object.values(await counts()).some((n) => n > 0)).toBe(true)

    await session.disconnect()
    expect(session.status?.state).toBe('disconnected')
    await forgetPractice(pinia)
    expect(Object.values(await counts()).every((n) => n === 0)).toBe(true)

    expect(await session.connectDemo()).toBe(true)
    const agenda2 = useAgendaStore(pinia)
    expect(agenda2.appointments).toEqual([])
    expect(agenda2.patients.size).toBe(0)
    expect(agenda2.syncedAt).toBeNull()
    const search2 = usePatientSearch(pinia)
    expect([search2.text, search2.results]).toEqual(['', []])
    expect(usePatientsStore(pinia).patient.value).toBeNull()
    const billing2 = useBillingStore(pinia)
    expect(billing2.bills.value).toBeNull()
    expect(billing2.polling()).toBe(false)
    expect(useDocumentsStore(pinia).list).toMatchObject({ status: 'idle', value: null })
    const uploads2 = useUploadStore(pinia)
    expect([uploads2.rows, uploads2.landed]).toEqual([[], {}])
    expect(useListsStore(pinia).confirmations).toMatchObject({ status: 'idle', value: null })
    // Every feature's reads against the demo, twice over: longer than a unit test's default.
  }, 30_000)
})

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const t of db.tables) out[t.name] = await t.count()
  return out
}
