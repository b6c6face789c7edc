import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { Appointment, Bill, CustomField, Patient } from '../../../../shared/alfadocs/schemas'
import type { ChannelInput, ChannelOutput, ErrorData } from '../../../../shared/contract'
import { addDaysIso, todayIn, type IsoDate } from '../../../../shared/dates'
import { call, toApiError } from '../../api'
import { db } from '../../cache/db'
import { readCached, storeCached } from '../../cache/reads'
import { createRead, type Read } from '../../data/read'
import { agendaSeenFor, mergeAppointments, type AgendaSeen } from './agenda-days'
import { stripSearchKeys } from './patient-cache'

export type CarePlanRow = ChannelOutput<'patientCarePlans'>[number]
export type Duplicate = ChannelOutput<'patientDuplicates'>[number]
type Draft = ChannelInput<'patientCreate'>['draft']

/** The appointments a patient's page shows, and the days they cover. */
export interface AppointmentsWindow {
  patientId: number
  from: IsoDate
  to: IsoDate
  items: Appointment[]
}
interface Range {
  patientId: number
  from: IsoDate
  to: IsoDate
}

/** The appointments tab opens on 90 days back and 90 ahead; "earlier"/"later" add 90 days each. */
export const APPOINTMENT_STEP_DAYS = 90
/** The bills tab: the last six months. */
const BILL_DAYS = 180

// The one channel per question for a patient's appointments and bills (the agenda and billing ask the same ones).
const ask = {
  appointments: (r: Range) => call('appointmentsRange', r),
  bills: async (r: Range): Promise<Bill[]> => (await call('billsList', r)).bills,
}

export const cacheKeys = {
  patient: (id: number) => `patient:${id}`,
  appointments: (id: number) => `patient:${id}:appointments`,
  bills: (id: number) => `patient:${id}:bills`,
  carePlans: (id: number) => `patient:${id}:care-plans`,
  customFieldDefs: 'patients:custom-field-defs',
}

/** Main answers at most a year of one patient's appointments per call: longer windows go in pieces. */
async function appointmentsIn(r: Range, days = 180): Promise<Appointment[]> {
  const asks: Array<Promise<Appointment[]>> = []
  for (let from = r.from; from <= r.to; from = addDaysIso(from, days)) {
    const to = addDaysIso(from, days - 1)
    asks.push(ask.appointments({ ...r, from, to: to < r.to ? to : r.to }))
  }
  return (await Promise.all(asks)).flat()
}

const byDate = (a: { date: string }, b: { date: string }) => b.date.localeCompare(a.date)

/**
 * A patient's page and its tabs, and the edits: every view reads these states (loading, fresh, cached,
 * offline, error) and calls these actions; none asks main itself.
 */
export const usePatientsStore = defineStore('patients', () => {
  /** Bumped by reset(): an answer for the practice we just left is not written into the new cache. */
  let generation = 0

  const patient = createRead<number, Patient>({
    fetch: async (patientId) => {
      const mine = generation
      const p = await call('patientGet', { patientId })
      if (mine === generation) void db.storePatients([p]).catch(() => undefined)
      return p
    },
    cacheKey: cacheKeys.patient,
  })

  const appointments: Read<Range, AppointmentsWindow> = createRead<Range, AppointmentsWindow>({
    fetch: async (r) => {
      const shown = appointments.state.value
      const prev = shown.status === 'fresh' && shown.value?.patientId === r.patientId ? shown.value : null
      // A wider window than the one just answered: ask only for the days added, keep the rest.
      if (prev && r.from <= prev.from && r.to >= prev.to && (r.from < prev.from || r.to > prev.to)) {
        const [before, after] = await Promise.all([
          r.from < prev.from ? appointmentsIn({ ...r, to: addDaysIso(prev.from, -1) }) : [],
          r.to > prev.to ? appointmentsIn({ ...r, from: addDaysIso(prev.to, 1) }) : [],
        ])
        const byId = new Map(prev.items.map((a) => [a.id, a]))
        for (const a of [...before, ...after]) byId.set(a.id, a)
        return { ...r, items: [...byId.values()] }
      }
      return { ...r, items: await appointmentsIn(r) }
    },
    cacheKey: (r) => cacheKeys.appointments(r.patientId),
  })

  const bills = createRead<Range, Bill[]>({
    fetch: async (r) => [...(await ask.bills(r))].sort(byDate),
    cacheKey: (r) => cacheKeys.bills(r.patientId),
  })

  const carePlans = createRead<number, CarePlanRow[]>({
    fetch: (patientId) => call('patientCarePlans', { patientId }),
    cacheKey: cacheKeys.carePlans,
  })

  const customFieldDefs = createRead<null, CustomField[]>({
    fetch: () => call('patientCustomFieldDefs', {}),
    cacheKey: () => cacheKeys.customFieldDefs,
  })

  /** The patient's page: shows at once what is known (the last answer, or the search cache), then asks main. */
  async function openPatient(id: number): Promise<void> {
    const mine = generation
    const key = cacheKeys.patient(id)
    if (patient.state.value.value?.id === id) return patient.load(id)
    // Another patient's state (or its error) must not show while the cache is read.
    patient.reset()
    if (!(await readCached(key).catch(() => null))) {
      const [row] = await db.readPatients([id]).catch(() => [] as Patient[])
      if (row && mine === generation)
        await storeCached(key, stripSearchKeys(row), (row as { syncedAt?: number }).syncedAt ?? 0).catch(() => undefined)
    }
    if (mine === generation) await patient.load(id)
  }

  /** The patient's appointments on the agenda days the cache holds: shown beside (or instead of) the list. */
  const agendaSeen = shallowRef<AgendaSeen | null>(null)
  let seenSeq = 0
  async function readAgendaSeen(r: Range): Promise<void> {
    const mine = ++seenSeq
    const seen = await agendaSeenFor(r.patientId, r.from, r.to).catch(() => null)
    if (mine === seenSeq) agendaSeen.value = seen
  }

  /** Loads the window, with what the agenda's cache knows of the patient before and after main answers. */
  async function loadWindow(r: Range): Promise<void> {
    if (agendaSeen.value?.patientId !== r.patientId) agendaSeen.value = null
    const load = appointments.load(r)
    await readAgendaSeen(r)
    await load
    await readAgendaSeen(r)
  }

  /**
   * What the appointments tab shows: the patient's list merged with the agenda's cached days. `known` is true
   * only when the list itself (an answer or its cached copy) covers the window: only then may it say "none".
   */
  const appointmentsShown = computed(() => {
    const s = appointments.state.value
    const seen = agendaSeen.value
    const list = s.value && (!seen || s.value.patientId === seen.patientId) ? { ...s.value, syncedAt: s.syncedAt } : null
    const patientId = list?.patientId ?? seen?.patientId ?? null
    return {
      patientId,
      items: mergeAppointments(list, seen && seen.patientId === patientId ? seen : null),
      known: list !== null,
      // Said once main has failed to answer (while it is still asked, the agenda's items show under the spinner).
      fromAgendaOnly: list === null && !s.refreshing && s.error !== null && (seen?.items.length ?? 0) > 0,
    }
  })

  function loadAppointments(patientId: number, today: IsoDate = todayIn()): Promise<void> {
    return loadWindow({ patientId, from: addDaysIso(today, -APPOINTMENT_STEP_DAYS), to: addDaysIso(today, APPOINTMENT_STEP_DAYS) })
  }

  /** Adds the 90 days before (or after) the window shown. */
  function extendAppointments(side: 'earlier' | 'later'): Promise<void> {
    const w = appointments.state.value.value
    if (!w) return Promise.resolve()
    const step = side === 'earlier' ? { from: addDaysIso(w.from, -APPOINTMENT_STEP_DAYS) } : { to: addDaysIso(w.to, APPOINTMENT_STEP_DAYS) }
    return loadWindow({ patientId: w.patientId, from: w.from, to: w.to, ...step })
  }

  const loadBills = (patientId: number, today: IsoDate = todayIn()) =>
    bills.load({ patientId, from: addDaysIso(today, -BILL_DAYS), to: today })
  const loadCarePlans = (patientId: number) => carePlans.load(patientId)
  const loadCustomFieldDefs = () => customFieldDefs.load(null)

  /** The last create/update/duplicate check refused, as data (the view words it). */
  const saveError = shallowRef<ErrorData | null>(null)
  const saving = ref(false)

  async function mutate<T>(run: () => Promise<T>): Promise<T> {
    saving.value = true
    saveError.value = null
    try {
      return await run()
    } catch (e) {
      saveError.value = toApiError(e).toData()
      throw e
    } finally {
      saving.value = false
    }
  }

  /** Patients that may be the same person as the one about to be created. */
  const findDuplicates = (d: ChannelInput<'patientDuplicates'>) => mutate(() => call('patientDuplicates', d))

  /** Creates (no id) or updates the patient; the page and the search cache show the answer at once. */
  function save(input: { patientId: number | null; draft: Draft; fiscalCodeOverride: boolean }): Promise<Patient> {
    return mutate(async () => {
      const mine = generation
      const { patientId, ...rest } = input
      const p = patientId ? await call('patientUpdate', { patientId, ...rest }) : await call('patientCreate', rest)
      if (mine === generation) {
        await db.storePatients([p]).catch(() => undefined)
        await storeCached(cacheKeys.patient(p.id), p, Date.now()).catch(() => undefined)
        if (patient.state.value.value?.id === p.id) patient.patch(() => p)
      }
      return p
    })
  }

  const clearSaveError = () => (saveError.value = null)

  function reset(): void {
    generation++
    for (const r of [patient, appointments, bills, carePlans, customFieldDefs]) r.reset()
    seenSeq++
    agendaSeen.value = null
    saveError.value = null
    saving.value = false
  }

  return {
    patient: patient.state,
    appointments: appointments.state,
    appointmentsShown,
    bills: bills.state,
    carePlans: carePlans.state,
    customFieldDefs: customFieldDefs.state,
    saving,
    saveError,
    openPatient,
    refreshPatient: () => patient.refresh(),
    loadAppointments,
    extendAppointments,
    loadBills,
    loadCarePlans,
    loadCustomFieldDefs,
    findDuplicates,
    save,
    clearSaveError,
    reset,
  }
})
