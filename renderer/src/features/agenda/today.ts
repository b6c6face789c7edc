import { defineStore } from 'pinia'
import { computed, shallowRef, watch } from 'vue'
import type { Appointment, AppointmentState } from '../../../../shared/alfadocs/schemas'
import { parseWall, type IsoDate } from '../../../../shared/dates'
import { call, toApiError } from '../../api'
import { db } from '../../cache/db'
import { sameEntries, stableComputed } from '../../lib/stable'
import { useDeskSettingsStore } from '../settings/desk-store'
import { now, useAgendaClock } from './clock'
import { lateOf } from './late'
import { useAgendaStore } from './store'
import { writesInFlight } from './writes-in-flight'

const PATIENT_BATCH = 500
export const TODAY_REFRESH_MS = 60_000

/**
 * Today, whatever day or week the agenda shows: the waiting room, the late list and Ctrl+K read it. While the
 * agenda shows today it is the agenda's own list; otherwise today is read on its own (cache first, then
 * AlfaDocs), and a state change of one of its appointments is sent from here. The waiting marks live in the
 * agenda store (one map); today's waiting patients get a mark in main when this desk first sees them waiting.
 */
export const useTodayStore = defineStore('agenda-today', () => {
  const agenda = useAgendaStore()
  const desk = useDeskSettingsStore()
  const clock = useAgendaClock()
  const today = clock.today

  /**
   * Today read on its own (null before the first read, or after the day changed); `fromAgenda`: when it was
   * last the agenda's own list (kept while the agenda shows today, so that leaving today reads nothing again).
   */
  const own = shallowRef<{ day: IsoDate; list: Appointment[]; fromAgenda?: number } | null>(null)
  let gen = 0
  let users = 0
  let timer: ReturnType<typeof setInterval> | null = null
  let onFocus: (() => void) | null = null

  const onScreen = computed(() => {
    const d = today.value
    return agenda.known && agenda.from != null && agenda.to != null && agenda.from <= d && d <= agenda.to
  })
  const isToday = (a: Appointment) => parseWall(a.date)?.date === today.value

  const appointments = computed<Appointment[]>(() => {
    if (onScreen.value) return agenda.appointments.filter(isToday)
    const o = own.value
    if (!o || o.day !== today.value) return []
    const q = agenda.queued
    return q.size === 0
      ? o.list
      : o.list.map((a) => (q.get(a.id) && q.get(a.id)!.state !== a.state ? { ...a, state: q.get(a.id)!.state } : a))
  })
  const byId = computed(() => new Map(appointments.value.map((a) => [a.id, a])))
  watch(appointments, (list) => {
    if (onScreen.value) own.value = { day: today.value, list, fromAgenda: now() }
  })

  /** id → minutes past the start, for today's patients not arrived `lateAfterMinutes` after it. */
  const late = stableComputed(
    () => lateOf(appointments.value, today.value, clock.minutes.value, desk.settings.lateAfterMinutes),
    sameEntries,
  )

  // Today's waiting patients without a mark: main records when this desk first saw them (a reload, a restart
  // or another desk's arrival then show a time, not "—").
  const askedMarks = new Set<number>()
  watch(
    () =>
      appointments.value
        .filter((a) => a.state === 'waiting' && a.id > 0 && !agenda.waiting.has(a.id) && !askedMarks.has(a.id))
        .map((a) => a.id),
    (ids) => {
      if (ids.length === 0) return
      for (const id of ids) askedMarks.add(id)
      const mine = gen
      void call('agendaWaiting', { ids, seenAt: now() })
        .then((entries) => {
          if (mine !== gen || entries.length === 0) return
          const next = new Map(agenda.waiting)
          for (const e of entries) if (!next.has(e.appointmentId)) next.set(e.appointmentId, e.since)
          agenda.waiting = next
        })
        .catch(() => ids.forEach((id) => askedMarks.delete(id)))
    },
    { immediate: true },
  )

  async function fillPatients(list: Appointment[]) {
    const ids = [...new Set(list.map((a) => a.patientId).filter((id): id is number => id != null))].filter((id) => !agenda.patients.has(id))
    if (ids.length === 0) return
    agenda.addPatients(await db.readPatients(ids))
    const missing = ids.filter((id) => !agenda.patients.has(id))
    for (let i = 0; i < missing.length; i += PATIENT_BATCH) {
      const got = await call('patientsByIds', { ids: missing.slice(i, i + PATIENT_BATCH) })
      await db.storePatients(got).catch(() => undefined)
      agenda.addPatients(got)
    }
  }

  /** Reads today on its own unless the agenda shows it: the cache at once, then AlfaDocs (stored for a reload). */
  async function load(): Promise<void> {
    if (onScreen.value) return
    const mine = gen
    const day = today.value
    if (own.value?.day !== day) {
      const cached = await db.readDay(day).catch(() => null)
      if (mine !== gen || onScreen.value) return
      if (cached && cached.syncedAt != null && own.value?.day !== day) {
        own.value = { day, list: cached.appointments }
        void fillPatients(cached.appointments).catch(() => undefined)
      }
    }
    let fresh: Appointment[]
    try {
      fresh = await call('appointmentsRange', { from: day, to: day })
    } catch {
      return // offline or refused: the cached day stays (the agenda's own line says how old it is)
    }
    if (mine !== gen) return
    const at = now()
    // A state change sent from here meanwhile keeps its answer (AlfaDocs answers in any order).
    const local = new Map((own.value?.day === day ? own.value.list : []).filter((a) => pending.has(a.id)).map((a) => [a.id, a]))
    const list = fresh.map((a) => local.get(a.id) ?? a)
    own.value = { day, list }
    await db.storeDay(day, list, at).catch(() => undefined)
    await fillPatients(list).catch(() => undefined)
    if (mine !== gen) return
    await db.storeDayView(day, list, agenda.patients, at).catch(() => undefined)
  }

  /** State changes sent from here on their way. */
  const pending = writesInFlight()
  function put(a: Appointment) {
    const o = own.value
    if (!o) return
    own.value = { day: o.day, list: o.list.map((x) => (x.id === a.id ? a : x)) }
  }

  /**
   * A state change of one of today's appointments: through the agenda when it shows it, otherwise from here
   * (shown at once, rolled back if AlfaDocs refuses; queued in main when it does not answer).
   */
  async function setState(id: number, state: AppointmentState): Promise<{ queued: boolean }> {
    if (agenda.byId.has(id)) return agenda.setState(id, state)
    const before = own.value?.list.find((a) => a.id === id)
    if (!before) return { queued: false }
    const write = pending.begin(id)
    put({ ...before, state })
    try {
      const r = await call('agendaSetState', { id, state, at: now(), seen: { state: before.state as AppointmentState, date: before.date } })
      if (r.queued) void agenda.syncOutbox()
      if (!write.end()) return { queued: r.queued }
      if (r.appointment) put(r.appointment)
      const next = new Map(agenda.waiting)
      if (r.waiting) next.set(id, r.waiting.since)
      else next.delete(id)
      agenda.waiting = next
      return { queued: r.queued }
    } catch (e) {
      if (write.end()) {
        put(before)
        // `before` was another change's state as shown: today is read again.
        if (write.chained) void load()
      }
      throw toApiError(e)
    }
  }

  /** While the waiting room (or anything else showing today) is mounted: reads today every minute and on focus. */
  function use(): () => void {
    if (users++ === 0) {
      if (!desk.loaded) void desk.load()
      void load()
      timer = setInterval(() => void load(), TODAY_REFRESH_MS)
      onFocus = () => void load()
      globalThis.addEventListener?.('focus', onFocus)
    }
    return () => {
      if (--users > 0) return
      if (timer) clearInterval(timer)
      timer = null
      if (onFocus) globalThis.removeEventListener?.('focus', onFocus)
      onFocus = null
    }
  }
  // The agenda moved off today (or the day changed): read today on its own again, unless the agenda's list of
  // it is as fresh as that read would be (the minute's read follows; nothing more on the way to the next day).
  watch([onScreen, today], ([shown]) => {
    if (shown || users === 0) return
    const o = own.value
    if (o?.day === today.value && o.fromAgenda != null && now() - o.fromAgenda < TODAY_REFRESH_MS) return
    void load()
  })

  function reset() {
    gen++
    own.value = null
    pending.clear()
    askedMarks.clear()
  }

  return { today, appointments, byId, late, onScreen, load, setState, use, reset }
})
