import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Api } from '../../../../../../shared/contract'
import { addDaysIso } from '../../../../../../shared/dates'
import { STORE_TODAY, startStoreHarness, type StoreHarness } from '../../../../../support/store-harness'
import { db } from '../../../../../../renderer/src/cache/db'
import { useAgendaStore } from '../../../../../../renderer/src/features/agenda/store'

// What the agenda store knows of the shown days, against the real main handlers and the demo sandbox (real
// HTTP): never "known" (empty chairs) before an answer or a cache entry for exactly those days; and state
// changes queued in main while the sandbox is gone, shown with their queued state after a fresh open.

const api = () => (globalThis as unknown as { window: { api: Api } }).window.api

describe('agenda store: known, loading, offline, error; queued changes', { timeout: 60_000 }, () => {
  let h: StoreHarness

  beforeAll(async () => {
    h = await startStoreHarness()
  })
  afterAll(async () => {
    useAgendaStore().reset()
    await db.wipe()
    await h?.close()
  })

  it('a day asked for and not answered yet is loading, not empty; known once the answer lands', async () => {
    const store = useAgendaStore()
    const real = api().appointmentsRange
    let release!: () => void
    const gate = new Promise<void>((ok) => (release = ok))
    ;(api() as unknown as Record<string, unknown>).appointmentsRange = async (input: never) => {
      const answer = await real(input)
      await gate
      return answer
    }
    try {
      const { refreshed } = await store.open(STORE_TODAY, STORE_TODAY, { prefetch: true })
      expect(store.dayStatus).toBe('loading')
      expect(store.known).toBe(false)
      release()
      await refreshed
      expect(store.dayStatus).toBe('known')
      expect(store.appointments.length).toBeGreaterThan(0)
    } finally {
      ;(api() as unknown as Record<string, unknown>).appointmentsRange = real
    }
  })

  it("the refresh waits for the screen's first paint when it is given one (main's answer lands after that frame)", async () => {
    const store = useAgendaStore()
    const day = addDaysIso(STORE_TODAY, 2)
    const real = api().appointmentsRange
    const asked: string[] = []
    ;(api() as unknown as Record<string, unknown>).appointmentsRange = (input: { from: string }) => (
      asked.push(input.from),
      real(input as never)
    )
    try {
      let paint!: () => void
      const painted = new Promise<void>((ok) => (paint = ok))
      const { refreshed } = await store.open(day, day, { after: painted })
      await new Promise((r) => setTimeout(r, 50))
      expect(asked).toEqual([])
      paint()
      await refreshed
      expect(asked).toEqual([day])
      expect(store.dayStatus).toBe('known')
    } finally {
      ;(api() as unknown as Record<string, unknown>).appointmentsRange = real
    }
  })

  it('a 500 for a day never seen is an error, not an empty day', async () => {
    const store = useAgendaStore()
    const day = addDaysIso(STORE_TODAY, 20)
    h.sandbox().faults.failNext('appointmentsList', 10, { status: 500 })
    await (
      await store.open(day, day)
    ).refreshed
    h.sandbox().faults.clear()
    expect(store.dayStatus).toBe('error')
    expect(store.error?.kind).toBe('server')
    expect(store.appointments).toEqual([])
  })

  it('AlfaDocs gone: a day never seen is offline; a cached day is known; a check-in is queued in main and shown again after a fresh open', async () => {
    const store = useAgendaStore()
    await (
      await store.open(STORE_TODAY, STORE_TODAY)
    ).refreshed
    const a = store.appointments.find((x) => x.state === 'confirmed' && x.patientId != null && !x.allDay && x.colorId != null)!
    await h.sandbox().close()

    const never = addDaysIso(STORE_TODAY, 27)
    await (
      await store.open(never, never)
    ).refreshed
    expect(store.dayStatus).toBe('offline')
    expect(store.known).toBe(false)

    await (
      await store.open(STORE_TODAY, STORE_TODAY)
    ).refreshed
    expect(store.dayStatus).toBe('known')
    expect(await store.setState(a.id, 'waiting')).toEqual({ queued: true })
    expect(store.byId.get(a.id)?.state).toBe('waiting')
    expect(store.waiting.has(a.id)).toBe(true)
    await store.syncOutbox()
    expect([...store.queued.keys()]).toEqual([a.id])

    // A reload: the cache still holds AlfaDocs' state; main's outbox puts the queued one over it.
    store.reset()
    await (
      await store.open(STORE_TODAY, STORE_TODAY)
    ).refreshed
    await store.syncOutbox()
    expect(store.queued.get(a.id)?.state).toBe('waiting')
    expect(store.byId.get(a.id)?.state).toBe('waiting')

    // Booking and moving are refused with the offline code, nothing queued.
    await expect(store.update(a.id, { duration: a.duration + 15 })).rejects.toMatchObject({ kind: 'offline', code: 'agenda-offline-write' })
    expect(store.byId.get(a.id)?.duration).toBe(a.duration)
    await expect(store.create({ date: `${STORE_TODAY} 19:00`, duration: 30, colorId: a.colorId! })).rejects.toMatchObject({
      kind: 'offline',
      code: 'agenda-offline-write',
    })
    expect((await h.invoke('agendaOutbox', { acknowledge: [] })).pending.map((e) => e.appointmentId)).toEqual([a.id])

    // Disconnect: the queued changes were this practice's; nothing of them stays on this computer.
    await h.invoke('sessionDisconnect', {})
    const file = JSON.parse(await readFile(join(h.dataDir, 'agenda-outbox.json'), 'utf8')) as { pending: unknown[]; refused: unknown[] }
    expect(file).toEqual({ pending: [], refused: [] })
  })
})
