import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { Appointment, Chair, Color, Operator, Patient } from '../../../shared/alfadocs/schemas'
import { parseWall, type IsoDate } from '../../../shared/dates'
import { ApiError, call, isOfflineKind, toApiError } from '../api'
import { db } from '../cache/db'

export interface ChairColumn {
  key: string
  chair: Chair | null
  appointments: Appointment[]
}

const PATIENT_BATCH = 500

export const useDayStore = defineStore('day', () => {
  const date = ref<IsoDate | null>(null)
  const chairs = shallowRef<Chair[]>([])
  const colors = shallowRef<Map<number, Color>>(new Map())
  const operators = shallowRef<Map<number, Operator>>(new Map())
  const appointments = shallowRef<Appointment[]>([])
  const patients = shallowRef<Map<number, Patient>>(new Map())
  /** When the shown day was last fetched from the server (ms), null if never. */
  const syncedAt = ref<number | null>(null)
  const refreshing = ref(false)
  /** The last refresh could not reach the server: we are showing cached data. */
  const offline = ref(false)
  const error = ref<ApiError | null>(null)
  /** Ids we asked for and the server did not return: no point asking again this session. */
  const missingPatients = new Set<number>()
  let referenceFetched = false
  let loadSeq = 0

  function applyReference(ref: { chairs: Chair[]; colors: Color[]; operators: Operator[] }): void {
    chairs.value = ref.chairs
    colors.value = new Map(ref.colors.map((c) => [c.id, c]))
    operators.value = new Map(ref.operators.map((o) => [o.id, o]))
  }

  function addPatients(list: Patient[]): void {
    if (list.length === 0) return
    const next = new Map(patients.value)
    for (const p of list) next.set(p.id, p)
    patients.value = next
  }

  const patientIds = (list: Appointment[]): number[] => [
    ...new Set(list.map((a) => a.patientId).filter((id): id is number => id != null)),
  ]

  /** Shows the day from the cache at once, then refreshes it from the server. */
  async function load(day: IsoDate): Promise<void> {
    const seq = ++loadSeq
    const current = () => seq === loadSeq
    if (date.value !== day) {
      appointments.value = []
      syncedAt.value = null
    }
    date.value = day
    error.value = null

    const [ref, cachedDay] = await Promise.all([db.readReference(), db.readDay(day)])
    if (!current()) return
    if (chairs.value.length === 0) applyReference(ref)
    appointments.value = cachedDay.appointments
    syncedAt.value = cachedDay.syncedAt
    addPatients(await db.readPatients(patientIds(cachedDay.appointments).filter((id) => !patients.value.has(id))))
    if (!current()) return

    refreshing.value = true
    try {
      if (!referenceFetched) {
        const fresh = await call('referenceData', {})
        await db.storeReference(fresh)
        referenceFetched = true
        applyReference(fresh)
      }
      const fresh = await call('appointmentsRange', { from: day, to: day })
      await db.storeDay(day, fresh)
      if (!current()) return
      appointments.value = fresh
      syncedAt.value = Date.now()
      offline.value = false

      const ids = patientIds(fresh).filter((id) => !patients.value.has(id) && !missingPatients.has(id))
      const cached = await db.readPatients(ids)
      addPatients(cached)
      const toFetch = ids.filter((id) => !patients.value.has(id))
      for (let i = 0; i < toFetch.length; i += PATIENT_BATCH) {
        const batch = toFetch.slice(i, i + PATIENT_BATCH)
        const got = await call('patientsByIds', { ids: batch })
        await db.storePatients(got)
        addPatients(got)
        const returned = new Set(got.map((p) => p.id))
        for (const id of batch) if (!returned.has(id)) missingPatients.add(id)
      }
    } catch (e) {
      if (!current()) return
      const err = toApiError(e)
      if (isOfflineKind(err.kind)) offline.value = true
      else error.value = err
    } finally {
      if (current()) refreshing.value = false
    }
  }

  const reload = () => (date.value ? load(date.value) : Promise.resolve())

  /** Forget everything held in memory (the Dexie wipe is the session store's job). */
  function reset(): void {
    loadSeq++
    date.value = null
    chairs.value = []
    colors.value = new Map()
    operators.value = new Map()
    appointments.value = []
    patients.value = new Map()
    syncedAt.value = null
    refreshing.value = false
    offline.value = false
    error.value = null
    missingPatients.clear()
    referenceFetched = false
  }

  /** Chairs not deleted, plus deleted ones holding appointments, each with its appointments in time order. */
  const columns = computed<ChairColumn[]>(() => {
    const byChair = new Map<number | null, Appointment[]>()
    const known = new Set(chairs.value.map((c) => c.id))
    for (const a of appointments.value) {
      const key = a.chairId != null && known.has(a.chairId) ? a.chairId : null
      const list = byChair.get(key) ?? []
      list.push(a)
      byChair.set(key, list)
    }
    for (const list of byChair.values()) list.sort(byStart)
    const out: ChairColumn[] = chairs.value
      .filter((c) => !c.deleted || byChair.has(c.id))
      .map((c) => ({ key: `chair-${c.id}`, chair: c, appointments: byChair.get(c.id) ?? [] }))
    const orphans = byChair.get(null)
    if (orphans) out.push({ key: 'no-chair', chair: null, appointments: orphans })
    return out
  })

  return {
    date,
    chairs,
    colors,
    operators,
    appointments,
    patients,
    syncedAt,
    refreshing,
    offline,
    error,
    columns,
    load,
    reload,
    reset,
  }
})

function startMinutes(a: Appointment): number {
  return a.allDay ? -1 : (parseWall(a.date)?.minutes ?? 0)
}

function byStart(a: Appointment, b: Appointment): number {
  return startMinutes(a) - startMinutes(b) || a.id - b.id
}
