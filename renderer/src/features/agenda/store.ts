import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type {
  Appointment,
  AppointmentState,
  BookingReason,
  Chair,
  Color,
  FreeSlot,
  Operator,
  Patient,
  Specialty,
} from '../../../../shared/alfadocs/schemas'
import type { ChannelInput } from '../../../../shared/contract'
import { RANGE_CAPS } from '../../../../shared/contract/values'
import { seenOf } from '../../../../shared/contract/values'
import type { AppointmentChanges, AppointmentCreate, OutboxEntry, RefusedEntry, UpdateResult } from '../../../../shared/contract/agenda'
import { addDaysIso, isIsoDate, parseWall, todayIn, type IsoDate } from '../../../../shared/dates'
import { ApiError, call, isOfflineKind, toApiError } from '../../api'
import { db, metaKeys, type ViewRow } from '../../cache/db'
import { useConnectivityStore } from '../session/connectivity-store'
import { now } from './clock'
import type { NewPatient } from './types'
import { writesInFlight } from './writes-in-flight'

const PATIENT_BATCH = 500
/** While state changes wait in main's outbox, the agenda asks after them this often (IPC only). */
export const OUTBOX_POLL_MS = 2000
/** The agenda asks again every minute and whenever the window gets the focus back. */
export const AUTO_REFRESH_MS = 60_000

// Open the cache while the app boots (session check, router), not when the agenda first asks for the day,
// and when the app starts on the agenda read the day it will show, alongside the session check (the rows
// are handed out once the cache is known to be the connected practice's): the route guard picks it up.
void db.open().catch(() => undefined)
let bootRead: Preloaded | null = (() => {
  const m = /^#\/(?:day(?:\/([^/?]*))?)?(?:\?.*)?$/.exec(globalThis.location?.hash || '#/')
  if (!m) return null
  const day = m[1] && isIsoDate(m[1]) ? m[1] : todayIn()
  return preloadOf(
    `${day}|${day}`,
    readSnapshot([day], (ids) => ids, true),
  )
})()

export interface UndoEntry {
  id: number
  before: AppointmentChanges
}

/**
 * The agenda's data: the shown range from the Dexie cache at once, then from AlfaDocs; writes applied at
 * once and rolled back when AlfaDocs refuses. Request budget of a cold open: reference data (3, once per
 * session), one appointments request for the day and both neighbours, the patients not cached (paged).
 */
export const useAgendaStore = defineStore('agenda', () => {
  const from = ref<IsoDate | null>(null)
  const to = ref<IsoDate | null>(null)
  const chairs = shallowRef<Chair[]>([])
  const colors = shallowRef<Map<number, Color>>(new Map())
  const operators = shallowRef<Map<number, Operator>>(new Map())
  const bookingReasons = shallowRef<BookingReason[]>([])
  const specialties = shallowRef<Specialty[]>([])
  const appointments = shallowRef<Appointment[]>([])
  const patients = shallowRef<Map<number, Patient>>(new Map())
  /** appointment id → ms when the desk marked it waiting */
  const waiting = shallowRef<Map<number, number>>(new Map())
  const syncedAt = ref<number | null>(null)
  const refreshing = ref(false)
  const offline = ref(false)
  const error = ref<ApiError | null>(null)
  const undoStack = shallowRef<UndoEntry[]>([])
  /** appointment id → its state change queued in main (not yet accepted by AlfaDocs): shown pending. */
  const queued = shallowRef<Map<number, OutboxEntry>>(new Map())
  /** Queued changes AlfaDocs (or another desk's change) refused since the desk last looked: rolled back, to be said. */
  const refusals = shallowRef<Array<RefusedEntry & { shown: Appointment | null }>>([])
  let outboxTimer: ReturnType<typeof setInterval> | null = null
  let outboxSeq = 0
  /** Refusals already handed to the view (an answer asked before main forgot them may bring them again). */
  const told = new Set<string>()
  /** Each queued appointment as last shown: a refusal names it even if a refresh dropped it meanwhile. */
  const queuedSeen = new Map<number, Appointment>()
  /** Writes on their way: a background refresh must not overwrite their optimistic state. */
  const pending = writesInFlight()
  /**
   * When each id's last write ended, on a counter of write ends. A refresh remembers the counter when it asks;
   * an answer asked for before a write ended may predate it (AlfaDocs answers in any order), so for that id the
   * store keeps what the write returned instead of the older answer.
   */
  const writtenAt = new Map<number, number>()
  let writes = 0
  const wrote = (id: number) => writtenAt.set(id, ++writes)
  let refreshSeq = 0
  let landedSeq = 0
  const inFlight = new Set<number>()
  let autoTimer: ReturnType<typeof setInterval> | null = null
  let onFocus: (() => void) | null = null
  let offBackOnline: (() => void) | null = null
  const missingPatients = new Set<number>()
  let referenceFetched = false
  let bookingFetched = false
  let seq = 0
  let preloaded: Preloaded | null = null

  /**
   * Starts reading [start, end] from the cache before the screen mounts (router guard); open() picks it up.
   * Resolves once the read is back (the guard does not wait: the mount overlaps the read).
   */
  function preload(start: IsoDate, end: IsoDate): Promise<void> {
    const key = `${start}|${end}`
    if (preloaded?.key !== key) {
      const boot = bootRead
      bootRead = null
      preloaded =
        boot?.key === key
          ? boot
          : preloadOf(
              key,
              readSnapshot(daysOf(start, end), (ids) => ids),
            )
    }
    return preloaded.snapshot.then(
      () => undefined,
      () => undefined,
    )
  }

  const colorsList = computed(() => [...colors.value.values()])
  const operatorsList = computed(() => [...operators.value.values()].sort((a, b) => (a.sequenceNumber ?? 0) - (b.sequenceNumber ?? 0)))
  const byId = computed(() => new Map(appointments.value.map((a) => [a.id, a])))
  /**
   * Whether the shown days' appointments are known: an answer or a cache entry for exactly these days. Until
   * then an empty grid says nothing, and the agenda offers no booking from it.
   * - loading: asking; offline: no answer and nothing saved; error: refused, nothing saved.
   */
  const dayStatus = computed<'known' | 'loading' | 'offline' | 'error'>(() => {
    if (syncedAt.value != null) return 'known'
    if (error.value) return 'error'
    if (offline.value) return 'offline'
    return 'loading'
  })
  const known = computed(() => dayStatus.value === 'known')

  /** The queued states over what AlfaDocs (or the cache) says: the desk sees what it did, marked pending. */
  function withQueued(list: Appointment[]): Appointment[] {
    if (queued.value.size === 0) return list
    return list.map((a) => {
      const q = queued.value.get(a.id)
      return q && q.state !== a.state ? { ...a, state: q.state } : a
    })
  }

  function applyReference(r: { chairs: Chair[]; colors: Color[]; operators: Operator[] }) {
    chairs.value = r.chairs
    colors.value = new Map(r.colors.map((c) => [c.id, c]))
    operators.value = new Map(r.operators.map((o) => [o.id, o]))
  }

  /** A new map only when a patient is new or reads differently: every screen naming patients redraws on one. */
  function addPatients(list: Patient[]) {
    const changed = list.filter((p) => {
      const had = patients.value.get(p.id)
      return had !== p && (had === undefined || JSON.stringify(had) !== JSON.stringify(p))
    })
    if (changed.length === 0) return
    const next = new Map(patients.value)
    for (const p of changed) next.set(p.id, p)
    patients.value = next
  }

  const inRange = (a: Appointment) => {
    const d = parseWall(a.date)?.date
    return d != null && from.value != null && to.value != null && d >= from.value && d <= to.value
  }

  /**
   * Shows [start, end] from the cache at once (resolves when that is on screen), then refreshes from the
   * server in the background. `prefetch` widens the server request by one day each side, in the same request;
   * `after`: the refresh waits for it (the screen passes its first paint of the days: main's answer, a task of
   * its own on arrival, then lands after that frame instead of among its work).
   */
  async function open(
    start: IsoDate,
    end: IsoDate,
    opts: { prefetch?: boolean; after?: Promise<unknown> } = {},
  ): Promise<{ refreshed: Promise<void> }> {
    const mySeq = ++seq
    const changed = from.value !== start || to.value !== end
    from.value = start
    to.value = end
    if (changed) {
      appointments.value = []
      syncedAt.value = null
    }
    error.value = null
    const days = daysOf(start, end)
    const trace = (globalThis as { __agendaPerf?: Record<string, number> }).__agendaPerf
    const key = `${start}|${end}`
    const early = preloaded?.key === key ? preloaded : null
    preloaded = null
    // Days already read (the preload came back before the screen asked) or held in memory go on screen in this
    // same task: the screen's first render has them, no empty grid is rendered in between.
    const recent = early ? (early.read ?? null) : recentSnapshot(days)
    const { r, cached, stamps, cachedPatients } =
      recent ?? (await (early?.snapshot ?? readSnapshot(days, (ids) => ids.filter((id) => !patients.value.has(id)))))
    if (trace) trace.cacheRead = performance.now()
    if (mySeq !== seq) return { refreshed: Promise.resolve() }
    if (chairs.value.length === 0) applyReference(r)
    appointments.value = withQueued(cached)
    syncedAt.value = stamps.every((s) => s != null) ? Math.min(...(stamps as number[])) : null
    addPatients(cachedPatients)
    const refreshed = (opts.after ?? Promise.resolve()).then(() => {
      if (mySeq !== seq) return
      // The neighbours the cache holds, into memory now: a switch to one paints in its own task even before
      // the refresh below (queued behind the shell's asks at main's request rate) has written them again.
      if (opts.prefetch) void db.readViews(viewKeys([addDaysIso(start, -1), addDaysIso(end, 1)])).catch(() => undefined)
      void syncOutbox()
      return refresh(opts.prefetch ?? false, mySeq)
    })
    return { refreshed }
  }

  async function refresh(prefetch = false, mySeq = seq): Promise<void> {
    if (!from.value || !to.value) return
    const start = from.value
    const end = to.value
    const mine = ++refreshSeq
    const askedAt = writes
    // A later refresh that already landed holds newer data than this one.
    const current = () => mySeq === seq && from.value === start && to.value === end && mine > landedSeq
    inFlight.add(mine)
    refreshing.value = true
    try {
      const reqFrom = prefetch ? addDaysIso(start, -1) : start
      const reqTo = prefetch ? addDaysIso(end, 1) : end
      const [fresh] = await Promise.all([
        call('appointmentsRange', { from: reqFrom, to: reqTo }),
        referenceFetched
          ? Promise.resolve()
          : call('referenceData', {}).then(async (r) => {
              referenceFetched = true
              applyReference(r)
              await db.storeReference(r)
            }),
      ])
      // A later refresh already landed: the screen and the cache hold newer data than this answer.
      if (mine < landedSeq) return
      // Appointments written here since this request left (or still being written) keep the local version.
      // (One that moved out of the shown days is left out rather than brought back where it was.)
      const written = (id: number) => pending.has(id) || (writtenAt.get(id) ?? 0) > askedAt
      const local = new Map(appointments.value.filter((a) => written(a.id)).map((a) => [a.id, a]))
      const answered = new Set(fresh.map((a) => a.id))
      const merged = fresh
        .filter((a) => !written(a.id) || local.has(a.id))
        .map((a) => local.get(a.id) ?? a)
        .concat([...local.values()].filter((a) => a.id > 0 && !answered.has(a.id)))
      const shown = merged.filter((a) => {
        const d = parseWall(a.date)?.date
        return d != null && d >= start && d <= end
      })
      const onScreen = current()
      if (onScreen) {
        landedSeq = mine
        appointments.value = withQueued(shown).concat([...local.values()].filter((a) => a.id < 0))
        syncedAt.value = now()
        offline.value = false
        error.value = null
      }
      await storeDays(reqFrom, reqTo, merged)
      if (!onScreen) return
      await Promise.all([fillPatients(fresh), loadWaiting(shown)])
      await storeViews(reqFrom, reqTo, merged)
    } catch (e) {
      if (!current()) return
      const err = toApiError(e)
      if (isOfflineKind(err.kind)) offline.value = true
      else error.value = err
    } finally {
      inFlight.delete(mine)
      if (mySeq === seq && inFlight.size === 0) refreshing.value = false
    }
  }

  /**
   * Fills the day cache for `days` exactly as opening them would (appointments, their patients, the view rows a
   * warm open paints from), without touching what is on screen. Contiguous days go in one appointmentsRange
   * request per span of at most RANGE_CAPS.appointments days, queued as 'bulk' behind what a desk waits for.
   */
  async function prefetchDays(days: IsoDate[]): Promise<void> {
    const mySeq = seq
    for (const [start, end] of spansOf(days, RANGE_CAPS.appointments)) {
      if (mySeq !== seq) return
      const askedAt = writes
      const fresh = await call('appointmentsRange', { from: start, to: end, bulk: true })
      // A reset (disconnect) since the request left: the answer belongs to the previous practice.
      if (mySeq !== seq) return
      // An appointment written here since the request left keeps its written version in the cache.
      const written = (id: number) => pending.has(id) || (writtenAt.get(id) ?? 0) > askedAt
      const local = new Map(appointments.value.filter((a) => written(a.id)).map((a) => [a.id, a]))
      const merged = fresh.map((a) => local.get(a.id) ?? a)
      const at = now()
      await storeDays(start, end, merged)
      await fillPatients(fresh)
      if (mySeq !== seq) return
      await storeViews(start, end, merged, at)
    }
  }

  /** Refreshes every minute and on window focus until stopped (or reset). */
  function startAutoRefresh(): void {
    stopAutoRefresh()
    onFocus = () => void refresh()
    globalThis.addEventListener?.('focus', onFocus)
    autoTimer = setInterval(() => void refresh(), AUTO_REFRESH_MS)
    // AlfaDocs answers again: what is on screen (and whatever main sent from the outbox) asks again at once.
    offBackOnline = useConnectivityStore().onBackOnline(() => {
      void syncOutbox()
      void refresh()
    })
  }
  function stopAutoRefresh(): void {
    if (onFocus) globalThis.removeEventListener?.('focus', onFocus)
    onFocus = null
    if (autoTimer) clearInterval(autoTimer)
    autoTimer = null
    offBackOnline?.()
    offBackOnline = null
  }

  async function storeDays(start: IsoDate, end: IsoDate, list: Appointment[]) {
    const byDay = new Map<IsoDate, Appointment[]>(daysOf(start, end).map((d) => [d, []]))
    for (const a of list) byDay.get(parseWall(a.date)?.date ?? '')?.push(a)
    for (const [d, l] of byDay) await db.storeDay(d, l)
  }

  /** The view rows a warm open paints from: the server's days, with the patients they name. */
  async function storeViews(start: IsoDate, end: IsoDate, list: Appointment[], at = now()) {
    const byDay = new Map<IsoDate, Appointment[]>(daysOf(start, end).map((d) => [d, []]))
    for (const a of list) byDay.get(parseWall(a.date)?.date ?? '')?.push(a)
    await Promise.all([...byDay].map(([d, l]) => db.storeDayView(d, l, patients.value, at))).catch(() => undefined)
  }

  async function fillPatients(list: Appointment[]) {
    const ids = patientIds(list).filter((id) => !patients.value.has(id) && !missingPatients.has(id))
    if (ids.length === 0) return
    addPatients(await db.readPatients(ids))
    const toFetch = ids.filter((id) => !patients.value.has(id))
    for (let i = 0; i < toFetch.length; i += PATIENT_BATCH) {
      const batch = toFetch.slice(i, i + PATIENT_BATCH)
      const got = await call('patientsByIds', { ids: batch })
      await db.storePatients(got)
      addPatients(got)
      const returned = new Set(got.map((p) => p.id))
      for (const id of batch) if (!returned.has(id)) missingPatients.add(id)
    }
  }

  async function loadWaiting(list: Appointment[]) {
    const ids = list.filter((a) => a.state === 'waiting').map((a) => a.id)
    if (ids.length === 0) return
    const entries = await call('agendaWaiting', { ids })
    const next = new Map(waiting.value)
    for (const e of entries) next.set(e.appointmentId, e.since)
    waiting.value = next
  }

  /** Patients for the booking dialog's type-ahead (the app's one patient search), remembered for the grid. */
  async function searchPatients(text: string, limit = 15): Promise<Patient[]> {
    const page = await call('patientsSearch', { text, limit })
    addPatients(page.results)
    return page.results
  }

  /** A patient the agenda names but has not read (a booking arriving from the patient page). */
  async function ensurePatient(id: number): Promise<void> {
    if (patients.value.has(id)) return
    addPatients([await call('patientGet', { patientId: id })])
  }

  /** A new patient from the booking dialog: a name and an optional mobile number (Italian by default). */
  async function createPatient(p: NewPatient): Promise<Patient> {
    const created = await call('patientCreate', {
      draft: { firstName: p.firstName, lastName: p.lastName, phoneNumbers: mobileOf(p.phone) },
    })
    addPatients([created])
    return created
  }

  const freeSlots = (input: ChannelInput<'agendaFreeSlots'>): Promise<FreeSlot[]> => call('agendaFreeSlots', input)

  async function ensureBookingData() {
    if (bookingFetched) return
    const d = await call('agendaBookingData', {})
    bookingReasons.value = d.bookingReasons.filter((r) => !r.deleted)
    specialties.value = d.specialties
    bookingFetched = true
  }

  function replace(a: Appointment) {
    const list = appointments.value
    const i = list.findIndex((x) => x.id === a.id)
    if (!inRange(a)) appointments.value = list.filter((x) => x.id !== a.id)
    else if (i >= 0) appointments.value = [...list.slice(0, i), a, ...list.slice(i + 1)]
    else appointments.value = [...list, a]
    if (a.id > 0) {
      void db.appointments.put({ ...a, day: parseWall(a.date)?.date ?? '', syncedAt: now() }).catch(() => undefined)
      // The shown days as they now are, so the next warm open paints this change too.
      if (from.value && to.value && syncedAt.value != null)
        void storeViews(
          from.value,
          to.value,
          appointments.value.filter((x) => x.id > 0),
          syncedAt.value,
        )
    }
  }

  function remove(id: number) {
    appointments.value = appointments.value.filter((a) => a.id !== id)
  }

  /**
   * Shows `shown` at once (the block marked pending) while `send` runs, then `apply`s the answer (`latest`: no
   * later write of this id started meanwhile, so it may show); if `send` throws, puts `before` back (unless a
   * later write shows its own state) and throws the refusal.
   */
  async function optimistic<R, T>(
    before: Appointment,
    shown: Appointment,
    send: () => Promise<R>,
    apply: (r: R, latest: boolean) => T,
  ): Promise<T> {
    const id = before.id
    const write = pending.begin(id)
    replace(shown)
    const ended = () => {
      wrote(id)
      return write.end()
    }
    let r: R
    try {
      r = await send()
    } catch (e) {
      if (ended()) {
        replace(before)
        // `before` was another write's optimistic state: what AlfaDocs holds is read again.
        if (write.chained) void refresh()
      }
      throw toApiError(e)
    }
    return apply(r, ended())
  }

  /**
   * One click: optimistic, rolled back if AlfaDocs refuses. Without an answer main queues it (`queued`): the
   * block keeps the new state, marked pending, until main sends it (or it is refused and rolled back).
   */
  async function setState(id: number, state: AppointmentState): Promise<{ queued: boolean }> {
    const before = byId.value.get(id)
    if (!before) return { queued: false }
    return optimistic(
      before,
      { ...before, state },
      () => call('agendaSetState', { id, state, at: now(), seen: { state: before.state as AppointmentState, date: before.date } }),
      (r, latest) => {
        if (r.queued) void syncOutbox()
        if (!latest) return { queued: r.queued }
        if (r.appointment) replace(r.appointment)
        const next = new Map(waiting.value)
        if (r.waiting) next.set(id, r.waiting.since)
        else next.delete(id)
        waiting.value = next
        if (r.queued)
          queued.value = new Map(queued.value).set(id, { key: '', appointmentId: id, state, at: now(), queuedAt: now(), seen: null })
        return { queued: r.queued }
      },
    )
  }

  /**
   * Move/resize/edit. Shows the change at once; on 'conflict' puts back what the server holds and returns the
   * differences; on refusal rolls back and throws.
   */
  async function update(
    id: number,
    changes: AppointmentChanges,
    opts: { force?: boolean; undoable?: boolean; seen?: Appointment } = {},
  ): Promise<UpdateResult> {
    const before = byId.value.get(id)
    const seen = opts.seen ?? before
    if (!before || !seen) throw new ApiError({ kind: 'not-found', message: `appointment ${id} not shown` })
    return optimistic(
      before,
      { ...before, ...changes } as Appointment,
      () => call('agendaUpdate', { seen: seenOf(seen), changes, force: opts.force ?? false }),
      (r, latest) => {
        if (r.status === 'saved') {
          if (latest) replace(r.appointment)
          if (opts.undoable) {
            const back: AppointmentChanges = {}
            for (const k of Object.keys(changes) as Array<keyof AppointmentChanges>)
              (back as Record<string, unknown>)[k] = before[k as keyof Appointment]
            undoStack.value = [...undoStack.value.slice(-19), { id, before: back }]
          }
        } else if (latest) replace(r.current)
        return r
      },
    )
  }

  /** Ctrl+Z: moves the last moved appointment back (itself checked against other desks' changes). */
  async function undo(): Promise<UpdateResult | null> {
    const last = undoStack.value[undoStack.value.length - 1]
    if (!last) return null
    undoStack.value = undoStack.value.slice(0, -1)
    if (!byId.value.has(last.id)) return null
    return update(last.id, last.before)
  }

  let tempId = -1
  async function create(input: AppointmentCreate): Promise<Appointment> {
    const temp: Appointment = {
      id: tempId--,
      date: input.date,
      patientId: input.patientId ?? null,
      emailReminder: input.emailReminder ?? false,
      smsReminder: input.smsReminder ?? false,
      description: input.description ?? '',
      allDay: input.allDay ?? false,
      type: input.type ?? 'inPractice',
      state: input.state ?? 'confirmed',
      duration: input.duration,
      colorId: input.colorId,
      chairId: input.chairId ?? null,
      operatorId: input.operatorId ?? null,
      createdThroughBooking: false,
      createdThroughApi: true,
      firstVisit: false,
      carePlanId: null,
    }
    if (inRange(temp)) appointments.value = [...appointments.value, temp]
    try {
      const created = await call('agendaCreate', input)
      wrote(created.id)
      remove(temp.id)
      replace(created)
      return created
    } catch (e) {
      remove(temp.id)
      throw toApiError(e)
    }
  }

  /**
   * Asks main for the queued and refused state changes (main also starts sending them if it can). A change
   * that left the queue was accepted or refused: accepted ones are refreshed, refused ones rolled back to what
   * AlfaDocs holds and kept in `refusals` until the view has said so (`acknowledge`). Polls while any waits.
   */
  async function syncOutbox(acknowledge: string[] = []): Promise<void> {
    const mine = ++outboxSeq
    const mySeq = seq
    let box: { pending: OutboxEntry[]; refused: RefusedEntry[] }
    try {
      box = await call('agendaOutbox', { acknowledge })
    } catch {
      return
    }
    if (mySeq !== seq || mine !== outboxSeq) return
    const before = queued.value
    const next = new Map(box.pending.map((e) => [e.appointmentId, e]))
    queued.value = next
    for (const id of next.keys()) {
      const a = byId.value.get(id)
      if (a) queuedSeen.set(id, a)
    }
    // With the appointment as the desk saw it (a refused one may be gone from AlfaDocs and from the grid next).
    const fresh = box.refused
      .filter((r) => !told.has(r.key))
      .map((r) => ({ ...r, shown: byId.value.get(r.appointmentId) ?? queuedSeen.get(r.appointmentId) ?? null }))
    for (const id of queuedSeen.keys()) if (!next.has(id)) queuedSeen.delete(id)
    for (const r of fresh) told.add(r.key)
    if (fresh.length > 0) {
      refusals.value = [...refusals.value, ...fresh]
      // Kept here until the desk closes the notice; main need not keep them any longer.
      void call('agendaOutbox', { acknowledge: fresh.map((r) => r.key) }).catch(() => undefined)
    }
    if (next.size > 0 || before.size > 0) appointments.value = withQueued(appointments.value)
    for (const r of fresh) {
      const shown = byId.value.get(r.appointmentId)
      if (!shown || next.has(r.appointmentId)) continue
      wrote(r.appointmentId)
      if (r.current) replace(r.current)
      else remove(r.appointmentId)
    }
    if (next.size > 0) startOutboxPoll()
    else stopOutboxPoll()
    // Sent (or refused) since the last look: a refresh asked before that may hold the older state, so these ids
    // keep what the desk shows until a refresh asked from now on answers.
    const left = [...before.keys()].filter((id) => !next.has(id))
    for (const id of left) wrote(id)
    if (left.length > 0) void refresh()
  }

  /** The view said these refusals: main forgets them. */
  /** The desk closed these refusal notices. */
  function dismissRefusals(keys: string[]): void {
    refusals.value = refusals.value.filter((r) => !keys.includes(r.key))
  }

  function startOutboxPoll(): void {
    outboxTimer ??= setInterval(() => void syncOutbox(), OUTBOX_POLL_MS)
  }
  function stopOutboxPoll(): void {
    if (outboxTimer) clearInterval(outboxTimer)
    outboxTimer = null
  }

  function reset() {
    seq++
    stopOutboxPoll()
    queued.value = new Map()
    refusals.value = []
    told.clear()
    queuedSeen.clear()
    stopAutoRefresh()
    pending.clear()
    writtenAt.clear()
    writes = 0
    refreshSeq = 0
    landedSeq = 0
    inFlight.clear()
    tempId = -1
    preloaded = null
    bootRead = null
    from.value = null
    to.value = null
    chairs.value = []
    colors.value = new Map()
    operators.value = new Map()
    appointments.value = []
    patients.value = new Map()
    waiting.value = new Map()
    undoStack.value = []
    syncedAt.value = null
    refreshing.value = false
    offline.value = false
    error.value = null
    missingPatients.clear()
    referenceFetched = false
    bookingFetched = false
    bookingReasons.value = []
    specialties.value = []
  }

  return {
    from,
    to,
    chairs,
    colors,
    operators,
    colorsList,
    operatorsList,
    bookingReasons,
    specialties,
    appointments,
    byId,
    patients,
    waiting,
    syncedAt,
    refreshing,
    offline,
    error,
    undoStack,
    dayStatus,
    known,
    queued,
    refusals,
    syncOutbox,
    dismissRefusals,
    open,
    prefetchDays,
    preload,
    refresh,
    startAutoRefresh,
    stopAutoRefresh,
    ensureBookingData,
    searchPatients,
    ensurePatient,
    createPatient,
    freeSlots,
    setState,
    update,
    undo,
    create,
    addPatients,
    reset,
  }
})

/** A cache read started before the screen asked for it: `read` once it is back. */
interface Preloaded {
  key: string
  snapshot: ReturnType<typeof readSnapshot>
  read?: Awaited<ReturnType<typeof readSnapshot>>
}

function preloadOf(key: string, snapshot: ReturnType<typeof readSnapshot>): Preloaded {
  const p: Preloaded = { key, snapshot }
  snapshot.then(
    (r) => (p.read = r),
    () => undefined,
  )
  return p
}

/**
 * Everything the first paint needs from the cache: one get of the reference and the days' view rows (each
 * day with its patients). IndexedDB round trips, not data size, are what a warm open waits for. A cache
 * written before the view rows existed (or a day never refreshed since) falls back to the tables.
 */
// Function declarations: the boot read above runs while this module is evaluated.
function viewKeys(days: IsoDate[]): string[] {
  return ['reference', ...days.map((d) => metaKeys.day(d))]
}

/** The days as their view rows hold them, or null when a row is missing. */
function snapshotOf(rows: Array<ViewRow | undefined>) {
  const [ref, ...dayRows] = rows
  if (ref?.key !== 'reference' || !dayRows.every((v) => v !== undefined && v.key !== 'reference')) return null
  const views = dayRows as Array<Extract<ViewRow, { appointments: Appointment[] }>>
  return {
    r: { chairs: ref.chairs, colors: ref.colors, operators: ref.operators },
    cached: views.flatMap((v) => v.appointments),
    stamps: views.map((v) => v.syncedAt as number | null),
    cachedPatients: views.flatMap((v) => v.patients),
  }
}

/** The days from the view rows the cache keeps in memory (a day switch in the running app), or null. */
function recentSnapshot(days: IsoDate[]) {
  const rows = db.recentViews(viewKeys(days))
  return rows ? snapshotOf(rows) : null
}

async function readSnapshot(days: IsoDate[], wanted: (ids: number[]) => number[], atBoot = false) {
  const keys = viewKeys(days)
  return snapshotOf(await (atBoot ? db.readViewsEarly(keys) : db.readViews(keys))) ?? readTables(days, wanted)
}

async function readTables(days: IsoDate[], wanted: (ids: number[]) => number[]) {
  return db.transaction('r', [db.chairs, db.colors, db.operators, db.appointments, db.patients, db.meta], async () => {
    const [chairs, colors, operators, metas, parts] = await Promise.all([
      db.chairs.toArray(),
      db.colors.toArray(),
      db.operators.toArray(),
      db.meta.bulkGet(days.map((d) => metaKeys.day(d))),
      Promise.all(days.map((d) => db.appointments.where('day').equals(d).toArray())),
    ])
    const cached: Appointment[] = parts.flat()
    const rows = await db.patients.bulkGet(wanted(patientIds(cached)))
    return {
      r: { chairs, colors, operators },
      cached,
      stamps: metas.map((m) => m?.syncedAt ?? null),
      cachedPatients: rows.filter((p): p is NonNullable<typeof p> => p !== undefined) as Patient[],
    }
  })
}

/** Sorted, distinct days grouped into contiguous spans of at most `max` days. */
export function spansOf(days: readonly IsoDate[], max: number): Array<[IsoDate, IsoDate]> {
  const sorted = [...new Set(days)].filter(isIsoDate).sort()
  const out: Array<[IsoDate, IsoDate]> = []
  for (const d of sorted) {
    const last = out[out.length - 1]
    if (last && addDaysIso(last[1], 1) === d && daysOf(last[0], d).length <= max) last[1] = d
    else out.push([d, d])
  }
  return out
}

function daysOf(start: IsoDate, end: IsoDate): IsoDate[] {
  const out: IsoDate[] = []
  for (let d = start; d <= end; d = addDaysIso(d, 1)) out.push(d)
  return out
}

const patientIds = (list: Appointment[]): number[] => [...new Set(list.map((a) => a.patientId).filter((id): id is number => id != null))]

/** "333 765 4321" or "+39 333…" → the patient's mobile number, as the desk types it in the booking dialog. */
function mobileOf(phone: string) {
  const digits = phone.replace(/[^\d+]/g, '')
  if (!digits) return []
  const m = /^(?:\+|00)39(\d+)$/.exec(digits)
  return [{ prefix: '+39', number: m ? m[1]! : digits.replace(/^\+/, ''), label: 'cellulare', smsEnabled: true }]
}
