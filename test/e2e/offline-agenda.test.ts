import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Appointment } from '../../shared/alfadocs/schemas'
import type { SandboxProcess } from '../../electron/sandbox/process'
import type { RequestLogEntry } from '../../electron/sandbox/server'
import { closeOnSandboxProcess, openOnSandboxProcess } from './sandbox-process-setup'
import { findChromium, type Harness } from './harness'

// The agenda against a real sandbox PROCESS that is killed (the network drops) and started again on the same
// port: a day never seen is never shown as empty nor bookable (offline, slow, failing); a check-in offline is
// kept in main (through a reload and a restart of main), shown pending, sent once when AlfaDocs is back; a
// queued change AlfaDocs refuses (the appointment no longer exists there) is rolled back and said.

const chromiumPath = findChromium()
// Far from today and from the "bad morning" prefetch (today and the next 6 working days), and not next to each
// other (opening a day also asks for its neighbours).
const NEVER_SEEN = '2026-03-30'
const SLOW_DAY = '2026-04-07'
const FAILING_DAY = '2026-04-14'

describe.skipIf(!chromiumPath)('the agenda offline', () => {
  let h: Harness
  let sp: SandboxProcess
  let a: Appointment
  let gone: Appointment

  beforeAll(async () => {
    ;({ h, sp } = await openOnSandboxProcess(chromiumPath!, { apiKey: 'offline-agenda-key' }))
    const day = await h.invoke('appointmentsRange', { from: h.today, to: h.today })
    a = day.find((x) => x.state === 'confirmed' && x.patientId != null && !x.allDay && x.chairId != null && x.colorId != null)!
    // Booked here while online; the restarted sandbox (seeded afresh) will not know it: its queued check-in is refused.
    gone = await h.invoke('agendaCreate', {
      date: `${h.today} 19:00`,
      duration: 30,
      colorId: a.colorId!,
      chairId: a.chairId,
      patientId: a.patientId,
    })
  })
  afterAll(() => closeOnSandboxProcess(sp, h))

  const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 30_000 })
  const block = (id: number) => h.page.locator(`[data-test="appointment-${id}"]`)
  const unknown = () => h.page.locator('[data-test="day-unknown"]')
  const grid = () => h.page.locator('[data-test="agenda-grid"]')
  const go = (hash: string) => h.page.evaluate((to) => (location.hash = to), hash)
  const requests = async () => (await sp.control('GET', 'requests')) as RequestLogEntry[]
  /**
   * The PATCHes of one appointment that the sandbox applied. A PATCH it refused with 429 (the rate limit, when
   * the restarted sandbox meets the whole desk's refresh at once) applied nothing and is retried by the client;
   * any other answer than 2xx or 429 fails the test.
   */
  const patchesOf = async (id: number) => {
    const all = (await requests()).filter((r) => r.method === 'PATCH' && r.path.endsWith(`/appointments/${id}`))
    expect(all.filter((r) => r.status !== 429 && r.status >= 300)).toEqual([])
    return all.filter((r) => r.status !== 429)
  }

  /** Clicks empty time in the grid (or what covers it): no booking dialog may open on a day not known. */
  async function expectNotBookable() {
    const box = (await h.page.locator('.ag__cols').boundingBox())!
    await h.page.mouse.click(box.x + box.width / 2, box.y + 120)
    // (Ctrl+K is today's check-in whatever day is shown, not a booking of this day: agenda-flow tests it.)
    expect(await h.page.locator('[data-test="booking-dialog"]').count()).toBe(0)
    // No count under the chairs: "nessun appuntamento" would say the day is empty.
    expect((await grid().innerText()).toLowerCase()).not.toContain('nessun appuntamento')
  }

  it('online: today is drawn with its appointments', async () => {
    await h.open('#/day')
    await block(a.id).waitFor()
    await block(gone.id).waitFor()
    expect(await unknown().count()).toBe(0)
    // Named (the patients are read and kept) before the network goes.
    await poll(() => block(a.id).locator('[data-test="appt-patient"]').innerText()).not.toBe('Caricamento…')
  })

  it('AlfaDocs gone, page reloaded: today from the cache; a day never seen says "non disponibile offline", not empty, not bookable', async () => {
    await sp.kill()
    await h.page.reload()
    await block(a.id).waitFor()
    expect(await unknown().count()).toBe(0)
    expect(await block(a.id).locator('[data-test="appt-patient"]').innerText()).not.toBe('Caricamento…')
    await go(`#/day/${NEVER_SEEN}`)
    await poll(() => unknown().getAttribute('data-status')).toBe('offline')
    expect(await unknown().innerText()).toContain('Non disponibile offline')
    await expectNotBookable()
    await h.screenshot('offline-agenda-01-never-seen')
    await go(`#/day/${h.today}`)
    await block(a.id).waitFor()
  })

  it('a check-in offline is kept and shown pending, through a reload and a restart of main', async () => {
    await block(a.id).locator('[data-test="appt-state"]').click()
    await poll(() => block(a.id).getAttribute('data-state')).toBe('waiting')
    await poll(() => block(a.id).getAttribute('data-queued')).toBe('true')
    expect(await block(a.id).locator('[data-test="appt-queued"]').getAttribute('title')).toMatch(/^In attesa di rete/)
    await block(gone.id).locator('[data-test="appt-state"]').click()
    await poll(() => block(gone.id).getAttribute('data-queued')).toBe('true')
    expect((await h.invoke('agendaOutbox', {})).pending.map((e) => e.appointmentId)).toEqual([a.id, gone.id])

    await h.restartMain()
    await h.page.reload()
    await block(a.id).waitFor()
    await poll(() => block(a.id).getAttribute('data-queued')).toBe('true')
    expect(await block(a.id).getAttribute('data-state')).toBe('waiting')
    expect(await block(a.id).locator('[data-test="appt-patient"]').innerText()).not.toBe('Caricamento…')
    await h.screenshot('offline-agenda-02-pending')
  })

  it('AlfaDocs back: the check-in reaches it exactly once; the one it refuses is rolled back and said', async () => {
    await sp.restart()
    await poll(async () => (await h.invoke('agendaOutbox', {})).pending.length).toBe(0)
    await poll(() => block(a.id).getAttribute('data-queued')).toBeNull()
    expect(await block(a.id).getAttribute('data-state')).toBe('waiting')
    const state = (await sp.control('GET', 'state')) as { appointments: Appointment[] }
    expect(state.appointments.find((x) => x.id === a.id)?.state).toBe('waiting')
    expect(await patchesOf(a.id)).toHaveLength(1)
    // The refused one: gone from the grid, and the desk is told which and why.
    await poll(() => block(gone.id).count()).toBe(0)
    await poll(() => h.page.locator('[data-test="outbox-refused"]').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringMatching(/Cambio di stato non inviato \(\S[^)]*, 19:00\): .*non esiste più in AlfaDocs/)]),
    )
    expect(await patchesOf(gone.id)).toHaveLength(0)
    // Shown, the refusal is acknowledged to main (after the notice, so that a refusal is never lost unsaid): main
    // forgets it. Asking again sends nothing more.
    await poll(async () => (await h.invoke('agendaOutbox', {})).refused).toEqual([])
    await h.invoke('agendaOutbox', {})
    expect(await patchesOf(a.id)).toHaveLength(1)
    await h.screenshot('offline-agenda-03-back')
  })

  it('a slow answer (8 s) for a day never seen shows loading, never empty chairs, until the day arrives', async () => {
    await sp.control('POST', 'latency', { ms: 8000 })
    await go(`#/day/${SLOW_DAY}`)
    await poll(() => unknown().getAttribute('data-status')).toBe('loading')
    await expectNotBookable()
    expect(await unknown().getAttribute('data-status')).toBe('loading')
    // Every answer takes 8 s: the overlay stays until one arrives, then the day itself (with its counts).
    await poll(() => unknown().count()).toBe(0)
    expect((await grid().innerText()).toLowerCase()).toMatch(/appuntament/)
    await sp.control('POST', 'latency', { ms: 0 })
  })

  it('a failing answer (500) for a day never seen says so with a retry, never empty chairs', async () => {
    await sp.control('POST', 'faults', { route: 'appointmentsList', fault: { status: 500 }, n: 20 })
    await go(`#/day/${FAILING_DAY}`)
    await poll(() => unknown().getAttribute('data-status')).toBe('error')
    expect(await unknown().innerText()).toMatch(/^Appuntamenti non disponibili: /)
    await expectNotBookable()
    await sp.control('POST', 'clear')
    await unknown().locator('button').click()
    await poll(() => unknown().count()).toBe(0)
  })
})
