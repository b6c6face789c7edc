import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Arrival } from '../../../../../../shared/contract/agenda'
import { STORE_TODAY, startStoreHarness, type StoreHarness } from '../../../../../support/store-harness'
import { useArrivalsStore } from '../../../../../../renderer/src/features/agenda/arrivals-store'
import { useAgendaStore } from '../../../../../../renderer/src/features/agenda/store'
import { db } from '../../../../../../renderer/src/cache/db'

// The arrivals store against main's real arrivals watcher and the demo sandbox: what another desk marks
// arrived reaches this page once, the arrivals of one answer together, and a page's first answer (main's
// log from before this page) is not news.

const NINE = new Date(`${STORE_TODAY}T08:00:00Z`) // 09:00 in Rome

describe('arrivals store', () => {
  let h: StoreHarness
  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true })
    vi.setSystemTime(NINE)
    h = await startStoreHarness()
  })
  afterAll(async () => {
    vi.useRealTimers()
    await h?.close()
    await db.wipe()
  })

  it("hands each answer's arrivals once, together; the arrivals main had before this page asked are not news", async () => {
    await (
      await useAgendaStore().open(STORE_TODAY, STORE_TODAY)
    ).refreshed
    const watcher = h.app.services.agenda.arrivals!
    // main learns the day (its first read), then another desk marks two patients arrived, before this page asks.
    await h.invoke('agendaArrivals', { after: 0, today: STORE_TODAY })
    await watcher.poll()
    const confirmed = h
      .sandbox()
      .state.appointments.filter((a) => a.date.startsWith(STORE_TODAY) && a.state === 'confirmed' && a.patientId != null && !a.allDay)
    expect(confirmed.length).toBeGreaterThanOrEqual(5)
    for (const a of confirmed.slice(0, 2)) a.state = 'waiting'
    await watcher.poll()

    const store = useArrivalsStore()
    const heard: Arrival[][] = []
    let stop = store.watch((fresh) => heard.push(fresh))
    await vi.waitFor(() => expect(store.asked).toBe(true))
    expect(store.recent.map((a) => a.appointmentId).sort()).toEqual(
      confirmed
        .slice(0, 2)
        .map((a) => a.id)
        .sort(),
    )
    expect(heard).toEqual([])

    // Three more at once: one call with the three (one notice, not a stack of them).
    for (const a of confirmed.slice(2, 5)) a.state = 'waiting'
    await watcher.poll()
    stop()
    stop = store.watch((fresh) => heard.push(fresh))
    try {
      await vi.waitFor(() => expect(heard.length).toBe(1))
      expect(heard[0]!.map((a) => a.appointmentId).sort()).toEqual(
        confirmed
          .slice(2, 5)
          .map((a) => a.id)
          .sort(),
      )
    } finally {
      stop()
    }
  })
})
