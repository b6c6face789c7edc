import { beforeAll, describe, expect, it } from 'vitest'
import type { Appointment } from '../../../../../../shared/alfadocs/schemas'
import { addDaysIso } from '../../../../../../shared/dates'
import { STORE_TODAY, startStoreHarness, type StoreHarness } from '../../../../../support/store-harness'
import { afterStoreTests } from '../../../../../support/store-suite'
import { db } from '../../../../../../renderer/src/cache/db'
import { agendaSeenFor, mergeAppointments } from '../../../../../../renderer/src/features/patients/agenda-days'
import { usePatientsStore } from '../../../../../../renderer/src/features/patients/store'

// A patient's appointments tab with what the agenda's day cache holds: merged with the patient's own list, and
// shown (without ever saying "none") when the list cannot be had offline.

const at = (a: Appointment, date: string): Appointment => ({ ...a, date })

describe('appointments from the agenda cache', () => {
  let h: StoreHarness
  let onToday: Appointment[]
  let patientId: number

  beforeAll(async () => {
    h = await startStoreHarness()
    const today = await h.invoke('appointmentsRange', { from: STORE_TODAY, to: STORE_TODAY })
    const first = today.find((a) => a.patientId != null)!
    patientId = first.patientId!
    onToday = today.filter((a) => a.patientId === patientId)
  })
  afterStoreTests(
    () => h,
    () => usePatientsStore().reset(),
  )

  it('offline with no list of his own: the tab shows the agenda days saved, and never "none"', async () => {
    // The agenda has opened today (and the whole day, other patients included, is in the cache).
    const today = await h.invoke('appointmentsRange', { from: STORE_TODAY, to: STORE_TODAY })
    await db.storeDay(STORE_TODAY, today, 1_000)
    h.sandbox().faults.failNext('appointmentsList', 50, { kind: 'drop' })
    const store = usePatientsStore()
    await store.loadAppointments(patientId, STORE_TODAY)
    expect(store.appointments).toMatchObject({ status: 'offline', value: null, error: { kind: 'offline' } })
    expect(store.appointmentsShown.known).toBe(false)
    expect(store.appointmentsShown.fromAgendaOnly).toBe(true)
    expect(store.appointmentsShown.items.map((a) => a.id).sort()).toEqual(onToday.map((a) => a.id).sort())
  })

  it('offline with no list and no agenda day: nothing, not known (the view says offline, not "none")', async () => {
    h.sandbox().faults.failNext('appointmentsList', 50, { kind: 'drop' })
    const store = usePatientsStore()
    await store.loadAppointments(patientId, STORE_TODAY)
    expect(store.appointmentsShown).toMatchObject({ items: [], known: false, fromAgendaOnly: false })
  })

  it('an agenda day synced after the list wins for that day: a moved appointment is not shown twice', () => {
    const a = onToday[0]!
    const tomorrow = addDaysIso(STORE_TODAY, 1)
    const list = {
      from: addDaysIso(STORE_TODAY, -90),
      to: addDaysIso(STORE_TODAY, 90),
      items: [at(a, `${STORE_TODAY} 09:00:00`)],
      syncedAt: 100,
    }
    // Later, the agenda saw it moved to tomorrow (today's day refreshed too, without it).
    const seen = {
      patientId,
      days: new Map([
        [STORE_TODAY, 200],
        [tomorrow, 200],
      ]),
      items: [at(a, `${tomorrow} 10:00:00`)],
    }
    expect(mergeAppointments(list, seen)).toEqual([at(a, `${tomorrow} 10:00:00`)])
    // An agenda day older than the list adds nothing the list does not have (it may have been cancelled since).
    const old = { patientId, days: new Map([[STORE_TODAY, 50]]), items: [at({ ...a, id: a.id + 100_000 }, `${STORE_TODAY} 11:00:00`)] }
    expect(mergeAppointments(list, old)).toEqual(list.items)
    // Outside the list's window, the agenda's days add what they hold.
    const far = addDaysIso(STORE_TODAY, 120)
    const beyond = { patientId, days: new Map([[far, 50]]), items: [at({ ...a, id: a.id + 200_000 }, `${far} 11:00:00`)] }
    expect(mergeAppointments(list, beyond).map((x) => x.id)).toEqual([a.id, a.id + 200_000])
  })

  it("reads only the patient's appointments of the cached days in the window", async () => {
    const today = await h.invoke('appointmentsRange', { from: STORE_TODAY, to: STORE_TODAY })
    await db.storeDay(STORE_TODAY, today, 1_000)
    const seen = await agendaSeenFor(patientId, STORE_TODAY, STORE_TODAY)
    expect([...seen.days]).toEqual([[STORE_TODAY, 1_000]])
    expect(seen.items.every((a) => a.patientId === patientId)).toBe(true)
    expect(seen.items.map((a) => a.id).sort()).toEqual(onToday.map((a) => a.id).sort())
    expect(seen.items[0]).not.toHaveProperty('syncedAt')
    expect((await agendaSeenFor(patientId, addDaysIso(STORE_TODAY, 1), addDaysIso(STORE_TODAY, 5))).items).toEqual([])
  })

  it('online, the list and the agenda agree: the merged list is the answer', async () => {
    const store = usePatientsStore()
    await store.loadAppointments(patientId, STORE_TODAY)
    const today = await h.invoke('appointmentsRange', { from: STORE_TODAY, to: STORE_TODAY })
    await db.storeDay(STORE_TODAY, today, Date.now() + 1000)
    await store.loadAppointments(patientId, STORE_TODAY)
    const ids = (xs: Array<{ id: number }>) => xs.map((x) => x.id).sort((x, y) => x - y)
    expect(store.appointmentsShown.known).toBe(true)
    expect(ids(store.appointmentsShown.items)).toEqual(ids(store.appointments.value!.items))
  })
})
