import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import type { Appointment } from '../../../../../../shared/alfadocs/schemas'
import type { Api } from '../../../../../../shared/contract'
import { STORE_TODAY, startStoreHarness, type StoreHarness } from '../../../../../support/store-harness'
import { ApiError } from '../../../../../../renderer/src/api'
import { db } from '../../../../../../renderer/src/cache/db'
import { AUTO_REFRESH_MS, spansOf, useAgendaStore } from '../../../../../../renderer/src/features/agenda/store'

// The agenda store against the real main handlers and the demo sandbox (real HTTP), IndexedDB from fake-indexeddb.

const api = () => (globalThis as unknown as { window: { api: Api } }).window.api

/** Holds the next answers of one channel until released: the real answer, delivered late. */
function holdAnswers(channel: 'appointmentsRange') {
  const real = api()[channel]
  let release!: () => void
  const gate = new Promise<void>((ok) => (release = ok))
  let asked!: () => void
  const sent = new Promise<void>((ok) => (asked = ok))
  ;(api() as unknown as Record<string, unknown>)[channel] = async (input: unknown) => {
    const answer = await real(input as never)
    asked()
    await gate
    return answer
  }
  return { sent, release, restore: () => ((api() as unknown as Record<string, unknown>)[channel] = real) }
}

describe('agenda store', () => {
  let h: StoreHarness
  const sandboxDay = async () => h.invoke('appointmentsRange', { from: STORE_TODAY, to: STORE_TODAY })
  const confirmed = async (n = 0) => (await sandboxDay()).filter((a) => a.state === 'confirmed' && a.patientId != null && !a.allDay)[n]!

  beforeAll(async () => {
    h = await startStoreHarness()
  })
  afterAll(async () => {
    await h?.close()
  })
  afterEach(async () => {
    useAgendaStore().reset()
    vi.useRealTimers()
    await db.wipe()
  })

  it('opens a day: the sandbox day, its patients named, synced and online', async () => {
    const store = useAgendaStore()
    expect(store.syncedAt).toBeNull()
    const { refreshed } = await store.open(STORE_TODAY, STORE_TODAY, { prefetch: true })
    expect(store.refreshing).toBe(true)
    await refreshed
    const day = await sandboxDay()
    expect(store.appointments.map((a) => a.id).sort()).toEqual(day.map((a) => a.id).sort())
    expect(store.refreshing).toBe(false)
    expect(store.offline).toBe(false)
    expect(store.error).toBeNull()
    expect(store.syncedAt).not.toBeNull()
    for (const a of day) if (a.patientId != null) expect(store.patients.has(a.patientId)).toBe(true)
    expect(store.chairs.length).toBeGreaterThan(0)
  })

  it("refresh shows another desk's change", async () => {
    const store = useAgendaStore()
    await (
      await store.open(STORE_TODAY, STORE_TODAY)
    ).refreshed
    const a = await confirmed(0)
    await h.invoke('agendaSetState', { id: a.id, state: 'absent', at: Date.now() })
    expect(store.byId.get(a.id)?.state).toBe('confirmed')
    await store.refresh()
    expect(store.byId.get(a.id)?.state).toBe('absent')
  })

  it('a state change shows at once and reaches the sandbox', async () => {
    const store = useAgendaStore()
    await (
      await store.open(STORE_TODAY, STORE_TODAY)
    ).refreshed
    const a = await confirmed(1)
    const done = store.setState(a.id, 'waiting')
    expect(store.byId.get(a.id)?.state).toBe('waiting')
    await done
    expect((await sandboxDay()).find((x) => x.id === a.id)?.state).toBe('waiting')
    expect(store.waiting.has(a.id)).toBe(true)
  })

  it('a refused state change is rolled back and thrown as error data with its detail', async () => {
    const store = useAgendaStore()
    await (
      await store.open(STORE_TODAY, STORE_TODAY)
    ).refreshed
    const a = await confirmed(2)
    h.sandbox().faults.failNext('appointmentUpdate', 1, { status: 422, body: { message: 'state not allowed' } })
    const err = await store.setState(a.id, 'done').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect((err as ApiError).kind).toBe('invalid')
    expect(store.byId.get(a.id)?.state).toBe('confirmed')
    expect((await sandboxDay()).find((x) => x.id === a.id)?.state).toBe('confirmed')
  })

  it("two clicks in a row: the first write's late answer, or late refusal, never shows over the second's state", async () => {
    const store = useAgendaStore()
    await (
      await store.open(STORE_TODAY, STORE_TODAY)
    ).refreshed
    const real = api().agendaSetState
    /** The first call's real outcome (answer or refusal), delivered when released; later calls go through. */
    const holdFirst = () => {
      let release!: () => void
      const gate = new Promise<void>((ok) => (release = ok))
      let done!: () => void
      const answered = new Promise<void>((ok) => (done = ok))
      let first = true
      ;(api() as unknown as Record<string, unknown>).agendaSetState = async (input: Parameters<typeof real>[0]) => {
        if (!first) return real(input)
        first = false
        const out = await real(input).then(
          (r) => () => r,
          (e: unknown) => () => Promise.reject(e),
        )
        done()
        await gate
        return out()
      }
      return { answered, release }
    }
    try {
      const a = await confirmed(4)
      let held = holdFirst()
      const first = store.setState(a.id, 'waiting')
      await held.answered
      await store.setState(a.id, 'in_care')
      held.release()
      await first
      expect((await sandboxDay()).find((x) => x.id === a.id)?.state).toBe('in_care')
      expect(store.byId.get(a.id)?.state).toBe('in_care')
      expect(store.waiting.has(a.id)).toBe(false)

      // The first refused (after the second was sent): the second's state stays.
      const b = await confirmed(5)
      h.sandbox().faults.failNext('appointmentUpdate', 1, { status: 422, body: { message: 'state not allowed' } })
      held = holdFirst()
      const refused = store.setState(b.id, 'absent').catch((e: unknown) => e)
      await held.answered
      await store.setState(b.id, 'cancelled')
      held.release()
      expect(await refused).toBeInstanceOf(ApiError)
      expect((await sandboxDay()).find((x) => x.id === b.id)?.state).toBe('cancelled')
      expect(store.byId.get(b.id)?.state).toBe('cancelled')
    } finally {
      ;(api() as unknown as Record<string, unknown>).agendaSetState = real
    }
  })

  it('a refresh asked for before a state change landed does not undo it on screen', async () => {
    const store = useAgendaStore()
    await (
      await store.open(STORE_TODAY, STORE_TODAY)
    ).refreshed
    const a = await confirmed(3)
    const held = holdAnswers('appointmentsRange')
    try {
      // The refresh's answer (still "confirmed") is read, then held until the write has finished.
      const refresh = store.refresh()
      await held.sent
      await store.setState(a.id, 'absent')
      held.release()
      await refresh
    } finally {
      held.restore()
    }
    expect((await sandboxDay()).find((x) => x.id === a.id)?.state).toBe('absent')
    expect(store.byId.get(a.id)?.state).toBe('absent')
    // The cache the next open paints from holds the write too.
    store.reset()
    await store
      .open(STORE_TODAY, STORE_TODAY)
      .then((r) => (store.byId.get(a.id)?.state === 'absent' ? r.refreshed : Promise.reject(new Error('stale cache'))))
  })

  it('an older refresh landing after a newer one does not bring back older data', async () => {
    const store = useAgendaStore()
    await (
      await store.open(STORE_TODAY, STORE_TODAY)
    ).refreshed
    const a = await confirmed(4)
    const held = holdAnswers('appointmentsRange')
    const older = store.refresh()
    await held.sent
    held.restore()
    await h.invoke('agendaSetState', { id: a.id, state: 'cancelled', at: Date.now() })
    await store.refresh()
    expect(store.byId.get(a.id)?.state).toBe('cancelled')
    held.release()
    await older
    expect(store.byId.get(a.id)?.state).toBe('cancelled')
    expect(store.refreshing).toBe(false)
  })

  it('refreshes every minute until reset, which forgets the day, the timer and the freshness', async () => {
    const store = useAgendaStore()
    await (
      await store.open(STORE_TODAY, STORE_TODAY)
    ).refreshed
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    store.startAutoRefresh()
    const before = h.calls.filter((c) => c === 'appointmentsRange').length
    vi.advanceTimersByTime(AUTO_REFRESH_MS)
    expect(h.calls.filter((c) => c === 'appointmentsRange').length).toBe(before + 1)
    store.reset()
    vi.advanceTimersByTime(AUTO_REFRESH_MS * 3)
    expect(h.calls.filter((c) => c === 'appointmentsRange').length).toBe(before + 1)
    expect(vi.getTimerCount()).toBe(0)
    expect(store.appointments).toEqual([] as Appointment[])
    expect(store.patients.size).toBe(0)
    expect(store.syncedAt).toBeNull()
    expect(store.from).toBeNull()
  })

  it('searches and creates patients through the patients channels, and names them', async () => {
    const store = useAgendaStore()
    const created = await store.createPatient({ firstName: 'Ottone', lastName: 'Zanardi', phone: '333 765 4321' })
    expect(created.phoneNumbers[0]).toMatchObject({ prefix: '+39', number: '3337654321' })
    expect(store.patients.get(created.id)?.lastName).toBe('Zanardi')
    store.reset()
    const found = await store.searchPatients('Zanardi')
    expect(found.map((p) => p.id)).toContain(created.id)
    expect(store.patients.has(created.id)).toBe(true)
    expect(h.calls).toContain('patientsSearch')
    expect(h.calls).toContain('patientCreate')
    expect(h.calls).not.toContain('agendaPatientLookup')
    expect(h.calls).not.toContain('agendaPatientCreate')
  })

  it('prefetchDays fills the cache as an open would: one request for contiguous days, then a warm open from the cache alone', async () => {
    const store = useAgendaStore()
    const days = ['2026-03-12', '2026-03-13', '2026-03-14', '2026-03-16']
    const before = h.calls.length
    await store.prefetchDays(days)
    const asked = h.calls.slice(before)
    // 12–14 contiguous: one request; 16 on its own: another.
    expect(asked.filter((c) => c === 'appointmentsRange')).toHaveLength(2)
    expect(store.from).toBeNull()
    expect(store.appointments).toEqual([] as Appointment[])
    const server = await h.invoke('appointmentsRange', { from: '2026-03-12', to: '2026-03-12' })
    expect(server.length).toBeGreaterThan(0)
    store.reset()
    // A fresh store (as after a reload) paints the day and its patients from the cache before any answer.
    const gate = holdAnswers('appointmentsRange')
    try {
      const { refreshed } = await store.open('2026-03-12', '2026-03-12')
      expect(store.appointments.map((a) => a.id).sort()).toEqual(server.map((a) => a.id).sort())
      expect(store.syncedAt).not.toBeNull()
      for (const a of server) if (a.patientId != null) expect(store.patients.has(a.patientId)).toBe(true)
      gate.release()
      await refreshed
    } finally {
      gate.restore()
    }
  })

  it('a day switch to a day the cache holds in memory shows it in the same task: no empty grid in between', async () => {
    const store = useAgendaStore()
    // The open asks for the day and both neighbours: their view rows are written, and kept in memory.
    await (
      await store.open(STORE_TODAY, STORE_TODAY, { prefetch: true })
    ).refreshed
    const next = '2026-03-12'
    const server = await h.invoke('appointmentsRange', { from: next, to: next })
    expect(server.length).toBeGreaterThan(0)
    const ids = () => store.appointments.map((a) => a.id).sort()
    const opening = store.open(next, next)
    expect(ids()).toEqual(server.map((a) => a.id).sort())
    // What the next render sees (Vue renders after the task's microtasks): the day, not an empty grid.
    await nextTick()
    expect(ids()).toEqual(server.map((a) => a.id).sort())
    await (
      await opening
    ).refreshed
  })

  it("after a reload, the neighbours the cache holds are in memory once the day is painted, before AlfaDocs' answer", async () => {
    const store = useAgendaStore()
    const [prev, next] = ['2026-03-10', '2026-03-12']
    await store.prefetchDays([prev, STORE_TODAY, next])
    const server = await h.invoke('appointmentsRange', { from: next, to: next })
    expect(server.length).toBeGreaterThan(0)
    db.forgetRecentViews()
    store.reset()
    const fresh = useAgendaStore()
    const gate = holdAnswers('appointmentsRange')
    try {
      let painted!: () => void
      const { refreshed } = await fresh.open(STORE_TODAY, STORE_TODAY, { prefetch: true, after: new Promise<void>((ok) => (painted = ok)) })
      const neighbours = ['reference', `day:${prev}`, `day:${next}`]
      expect(db.recentViews(neighbours)).toBeNull()
      painted()
      // The refresh's answer is held: only the read after the paint can bring the neighbours into memory.
      await vi.waitFor(() => expect(db.recentViews(neighbours)).not.toBeNull())
      const opening = fresh.open(next, next)
      expect(fresh.appointments.map((a) => a.id).sort()).toEqual(server.map((a) => a.id).sort())
      gate.release()
      await refreshed
      await (
        await opening
      ).refreshed
    } finally {
      gate.restore()
    }
  })

  it('back on a day whose patients it knows, the store keeps its patients map (nothing naming them redraws)', async () => {
    const store = useAgendaStore()
    await (
      await store.open(STORE_TODAY, STORE_TODAY, { prefetch: true })
    ).refreshed
    await (
      await store.open('2026-03-12', '2026-03-12')
    ).refreshed
    const known = store.patients
    // From memory, with the day's patients as the cache holds them: copies that read the same.
    const back = store.open(STORE_TODAY, STORE_TODAY)
    expect(store.appointments.length).toBeGreaterThan(0)
    expect(store.patients).toBe(known)
    await (
      await back
    ).refreshed
    expect(store.patients).toBe(known)
  })

  it('a preload back before the screen opens the day (a reload: the route guard) shows it in the same task', async () => {
    const store = useAgendaStore()
    const day = '2026-03-13'
    await store.prefetchDays([day])
    const server = await h.invoke('appointmentsRange', { from: day, to: day })
    expect(server.length).toBeGreaterThan(0)
    db.forgetRecentViews()
    store.reset()
    const fresh = useAgendaStore()
    // The read comes back (IndexedDB), then the screen mounts and opens the day.
    await fresh.preload(day, day)
    const opening = fresh.open(day, day)
    expect(fresh.appointments.map((a) => a.id).sort()).toEqual(server.map((a) => a.id).sort())
    await (
      await opening
    ).refreshed
  })

  it('spansOf groups contiguous days, capped', () => {
    expect(spansOf(['2026-03-03', '2026-03-01', '2026-03-02', '2026-03-02', '2026-03-05'], 62)).toEqual([
      ['2026-03-01', '2026-03-03'],
      ['2026-03-05', '2026-03-05'],
    ])
    expect(spansOf(['2026-03-01', '2026-03-02', '2026-03-03'], 2)).toEqual([
      ['2026-03-01', '2026-03-02'],
      ['2026-03-03', '2026-03-03'],
    ])
  })
})
