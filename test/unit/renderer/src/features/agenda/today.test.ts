import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { STORE_TODAY, startStoreHarness, type StoreHarness } from '../../../../../support/store-harness'
import { useAgendaStore } from '../../../../../../renderer/src/features/agenda/store'
import { useTodayStore } from '../../../../../../renderer/src/features/agenda/today'
import { db } from '../../../../../../renderer/src/cache/db'

// Today's part of the agenda against the real main handlers and the demo sandbox: read on its own while
// another day is shown, its state changes sent from it, its waiting patients given a first-seen mark.

const NINE = new Date(`${STORE_TODAY}T08:00:00Z`) // 09:00 in Rome

describe('today store', () => {
  let h: StoreHarness
  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true })
    vi.setSystemTime(NINE)
    h = await startStoreHarness()
  })
  afterAll(async () => {
    vi.useRealTimers()
    await h?.close()
  })
  const sandboxDay = () => h.invoke('appointmentsRange', { from: STORE_TODAY, to: STORE_TODAY })

  it("while tomorrow is shown, today is read on its own; a today's state change is sent from here; waiting patients get a first-seen mark", async () => {
    const agenda = useAgendaStore()
    const { refreshed } = await agenda.open('2026-03-12', '2026-03-12')
    await refreshed
    const today = useTodayStore()
    expect(today.onScreen).toBe(false)
    expect(today.appointments).toEqual([])
    const seenFrom = Date.now()
    await today.load()
    const day = await sandboxDay()
    expect(today.appointments.map((a) => a.id).sort()).toEqual(day.map((a) => a.id).sort())
    for (const a of day) if (a.patientId != null) expect(agenda.patients.has(a.patientId)).toBe(true)

    // Waiting before this desk looked: marked when it first saw them (the desk's clock), kept in main.
    const waiting = day.filter((a) => a.state === 'waiting').map((a) => a.id)
    expect(waiting.length).toBeGreaterThan(0)
    await vi.waitFor(() => expect(waiting.every((id) => agenda.waiting.has(id))).toBe(true))
    const marks = waiting.map((id) => agenda.waiting.get(id)!)
    for (const m of marks) expect(m >= seenFrom && m <= Date.now()).toBe(true)
    expect((await h.invoke('agendaWaiting', { ids: waiting })).map((e) => e.since)).toEqual(marks)

    // Checked in from the waiting room or Ctrl+K while tomorrow stays on screen.
    const a = day.find((x) => x.state === 'confirmed' && x.patientId != null && !x.allDay)!
    expect(agenda.byId.has(a.id)).toBe(false)
    const clicked = Date.now()
    await today.setState(a.id, 'waiting')
    expect(today.byId.get(a.id)?.state).toBe('waiting')
    expect(agenda.waiting.get(a.id)! >= clicked).toBe(true)
    expect(h.sandbox().state.appointments.find((x) => x.id === a.id)?.state).toBe('waiting')
    expect(agenda.from).toBe('2026-03-12')

    // Today on screen: the agenda's own list, the same appointments.
    await (
      await agenda.open(STORE_TODAY, STORE_TODAY)
    ).refreshed
    expect(today.onScreen).toBe(true)
    expect(today.byId.get(a.id)?.state).toBe('waiting')
  })

  /** Tomorrow on screen, today read on its own: the stores and today's `n`th confirmed appointment. */
  const tomorrowShown = async (n: number) => {
    const agenda = useAgendaStore()
    await (
      await agenda.open('2026-03-12', '2026-03-12')
    ).refreshed
    const today = useTodayStore()
    await today.load()
    const a = today.appointments.filter((x) => x.state === 'confirmed' && x.patientId != null && !x.allDay)[n]!
    return { agenda, today, a }
  }

  it('a refused state change is rolled back', async () => {
    const { today, a } = await tomorrowShown(0)
    h.sandbox().faults.failNext('appointmentUpdate', 1, { status: 422, body: { message: 'state not allowed' } })
    await expect(today.setState(a.id, 'in_care')).rejects.toMatchObject({ kind: expect.any(String) })
    expect(today.byId.get(a.id)?.state).toBe('confirmed')
  })

  it("two changes in a row from here: the first's late answer never shows over the second's state", async () => {
    const { agenda, today, a } = await tomorrowShown(1)
    const api = (globalThis as unknown as { window: { api: Record<string, (input: unknown) => Promise<unknown>> } }).window.api
    const real = api.agendaSetState!
    let release!: () => void
    const gate = new Promise<void>((ok) => (release = ok))
    let answered!: () => void
    const firstAnswered = new Promise<void>((ok) => (answered = ok))
    let first = true
    // The first change's real answer, delivered after the second's.
    api.agendaSetState = async (input) => {
      if (!first) return real(input)
      first = false
      const r = await real(input)
      answered()
      await gate
      return r
    }
    try {
      const waiting = today.setState(a.id, 'waiting')
      await firstAnswered
      await today.setState(a.id, 'in_care')
      release()
      await waiting
    } finally {
      api.agendaSetState = real
    }
    expect(h.sandbox().state.appointments.find((x) => x.id === a.id)?.state).toBe('in_care')
    expect(today.byId.get(a.id)?.state).toBe('in_care')
    expect(agenda.waiting.has(a.id)).toBe(false)
  })

  it("leaving today for another day reads nothing again: the agenda's list of today is kept", async () => {
    const agenda = useAgendaStore()
    const today = useTodayStore()
    today.reset()
    await (
      await agenda.open(STORE_TODAY, STORE_TODAY)
    ).refreshed
    const release = today.use()
    const reads = vi.spyOn(db, 'readDay')
    try {
      const shown = today.appointments.map((a) => a.id).sort()
      expect(shown.length).toBeGreaterThan(0)
      await (
        await agenda.open('2026-03-12', '2026-03-12')
      ).refreshed
      expect(today.onScreen).toBe(false)
      expect(reads.mock.calls.filter(([d]) => d === STORE_TODAY)).toEqual([])
      expect(today.appointments.map((a) => a.id).sort()).toEqual(shown)
    } finally {
      reads.mockRestore()
      release()
    }
  })
})
