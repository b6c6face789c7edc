import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import type { Appointment } from '../../shared/alfadocs/schemas'
import { parseWall } from '../../shared/dates'
import { firstFreeChair } from '../../renderer/src/features/agenda/free-chair'
import { openDemoAgenda, type Reference } from './agenda-setup'
import { findChromium, type Harness } from './harness'

// The front desk's flow in Chromium against the demo sandbox: the waiting room is today's whatever day is on
// screen (and after a reload and a restart of main), late patients, the practice's alerts everywhere the desk
// meets the patient, from a block to the patient's page, a booking's first free chair and its day.

const chromiumPath = findChromium()
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000, interval: 100 })

describe.skipIf(!chromiumPath)('agenda flow at the front desk', () => {
  let h: Harness
  let page: Page
  let ref: Reference
  /** Today's appointments as the demo seeds them (the sandbox starts again from the same seed after a restart). */
  let day: Appointment[]
  let waitingIds: number[]
  /** A confirmed patient with an allergy, due at 12:20: late at 12:40. */
  let late: Appointment
  let allergy: string
  let surname: string

  const block = (id: number): Locator => page.locator(`.blk[data-id="${id}"]`)
  const room = () => page.locator('[data-test="waiting-room"]')
  /** The page's clock at a wall time of today in Rome (winter: UTC+1). */
  const setClock = (hhmm: string) =>
    page.clock.setFixedTime(new Date(`${h.today}T${String(Number(hhmm.slice(0, 2)) - 1).padStart(2, '0')}:${hhmm.slice(3)}:00Z`))
  /** A real reload at `hash` (a goto that changes only the hash stays in the same document). */
  async function reloadAt(hash: string) {
    await h.open(hash)
    await page.reload()
    await page.locator('[data-test="agenda-grid"]').waitFor()
  }
  const waitedTexts = () =>
    Promise.all(waitingIds.map((id) => room().locator(`[data-test="waiting-${id}"] [data-test="waited"]`).textContent()))

  beforeAll(async () => {
    ;({ h, ref } = await openDemoAgenda(chromiumPath!))
    page = h.page
    day = await h.invoke('appointmentsRange', { from: h.today, to: h.today })
    waitingIds = day.filter((a) => a.state === 'waiting').map((a) => a.id)
    const patients = h.sandbox().state.patients
    const allergyOf = (a: Appointment) => String(patients.find((p) => p.id === a.patientId)?._allergie ?? '')
    late = day.find((a) => a.state === 'confirmed' && a.date.slice(11, 16) === '12:20' && allergyOf(a))!
    allergy = allergyOf(late)
    surname = String(patients.find((p) => p.id === late.patientId)!.lastName)
  })
  afterAll(async () => {
    await h?.close()
  })

  it('the waiting room shows today on another day and week, after a reload and after main restarts, with when this desk first saw each patient waiting', async () => {
    expect(waitingIds.length).toBeGreaterThan(0)
    await poll(() => page.locator('.appt__loading').count()).toBe(0)
    // Waiting already when the desk started (seeded, no mark): shown since the desk first saw them, not "—".
    await poll(waitedTexts).toEqual(waitingIds.map(() => 'da 0 min'))

    // The practice chooses its alert field; the clock moves on to 12:40; the desk reloads on tomorrow.
    await h.invoke('settingsUpdate', { alertFields: ['allergie'], lateAfterMinutes: 10 })
    await setClock('12:40')
    await reloadAt('#/day/2026-03-12')
    await poll(waitedTexts).toEqual(waitingIds.map(() => 'da 220 min'))
    await expect(room().locator('[data-test="waiting-today"]').textContent()).resolves.toBe('oggi')
    await poll(() => room().locator(`[data-test="late-${late.id}"]`).textContent()).toContain('in ritardo di 20 min')
    await h.screenshotSizes('agenda-flow-waiting-room-other-day', { width: 1440, height: 900 })

    await page.locator('[data-test="view-week"]').click()
    await poll(() => page.locator('[data-test="view-week"]').getAttribute('class')).toContain('checked')
    await poll(waitedTexts).toEqual(waitingIds.map(() => 'da 220 min'))

    // Main quits and starts again (the demo too, from its seed): the marks were kept in main's file.
    await h.restartMain()
    await reloadAt('#/day/2026-03-12')
    await poll(waitedTexts).toEqual(waitingIds.map(() => 'da 220 min'))
  })

  it('a day switch redraws no row of the waiting room and starts no animation: the page draws the new day, nothing else', async () => {
    await h.invoke('settingsUpdate', { alertFields: ['allergie'], lateAfterMinutes: 10 })
    await setClock('12:40')
    await reloadAt(`#/day/${h.today}`)
    await poll(() => room().locator('[data-test="late-list"] li').count()).toBeGreaterThan(0)
    await poll(() => waitedTexts().then((t) => t.every((x) => x?.startsWith('da ')))).toBe(true)
    const waited = await waitedTexts()
    await page.evaluate(() => {
      const w = window as unknown as { __rowChanges: number; __animations: string[] }
      w.__rowChanges = 0
      w.__animations = []
      const observer = new MutationObserver((records) => (w.__rowChanges += records.length))
      for (const list of document.querySelectorAll('[data-test="waiting-room"] ul'))
        observer.observe(list, { subtree: true, childList: true, attributes: true, characterData: true })
      const seen = (e: Event) => w.__animations.push(`${e.type} ${(e.target as Element).className}`)
      for (const type of ['transitionrun', 'animationstart']) document.addEventListener(type, seen, true)
    })
    const heading = page.locator('[data-test="day-heading"]')
    for (const [key, day] of [
      ['ArrowRight', '2026-03-12'],
      ['ArrowLeft', h.today],
    ] as const) {
      await page.keyboard.press(key)
      await page.waitForURL(new RegExp(`#/day/${day}$`))
      await poll(() => page.locator('.blk').count()).toBeGreaterThan(0)
      await expect(heading.textContent()).resolves.toBeTruthy()
    }
    // Still today's rows, untouched; the "Oggi" badge came and went in the title.
    expect(await waitedTexts()).toEqual(waited)
    expect(await page.evaluate(() => (window as unknown as { __rowChanges: number }).__rowChanges)).toBe(0)
    expect(await page.evaluate(() => (window as unknown as { __animations: string[] }).__animations)).toEqual([])
  })

  it('a late patient is marked on the block, and the alert shows on the block and in the hover card', async () => {
    await h.open(`#/day/${h.today}`)
    await block(late.id).waitFor()
    await poll(() => block(late.id).locator('[data-test="appt-late"]').textContent()).toBe('In ritardo')
    await poll(() => block(late.id).locator('[data-test="appt-alert"]').getAttribute('title')).toBe(`Allergie: ${allergy}`)
    // Not arrived at 12:40 but due later: no mark.
    const later = day.find((a) => a.state === 'confirmed' && (parseWall(a.date)?.minutes ?? 0) > 12 * 60 + 40)!
    expect(await block(later.id).locator('[data-test="appt-late"]').count()).toBe(0)

    await block(late.id).locator('[data-test="appt-patient"]').hover()
    const card = page.locator('[data-test="hover-card"]')
    await poll(() => card.locator('[data-test="hover-alerts"]').textContent()).toContain(allergy)
    await expect(card.locator('[data-test="hover-late"]').textContent()).resolves.toBe('in ritardo di 20 min')
    await h.screenshotSizes('agenda-flow-late-and-alert-hover', { width: 1440, height: 900 })
  })

  it('"Apri scheda paziente" from the hover card and from the menu (which marks the current state); the patient header shows the alert', async () => {
    const card = page.locator('[data-test="hover-card"]')
    await card.locator('[data-test="hover-open-patient"]').click()
    await page.waitForURL(new RegExp(`#/patients/${late.patientId}$`))
    await poll(() => page.locator('[data-test="patient-alerts"]').textContent()).toContain(`Allergie: ${allergy}`)
    await h.screenshotSizes('agenda-flow-patient-alerts', { width: 1440, height: 900 })

    // Ctrl+K works on the patient page too: today's patient, with the alert, before they sit down.
    await page.keyboard.press('Control+k')
    await page.locator('[data-test="palette-input"] input').fill(surname)
    const item = page.locator(`[data-test="palette-item-${late.id}"]`)
    await poll(() => item.locator('[data-test="palette-alert"]').textContent()).toContain(allergy)
    await h.screenshotSizes('agenda-flow-palette-alert', { width: 1440, height: 900 })
    await page.keyboard.press('Escape')

    await h.open(`#/day/${h.today}`)
    const waiting = waitingIds[0]!
    await block(waiting).click({ button: 'right', position: { x: 40, y: 30 } })
    await poll(() => page.locator('[data-test="menu-current"]').textContent()).toContain('In attesa')
    await page.locator('[data-test="menu-patient"]').click()
    const pid = day.find((a) => a.id === waiting)!.patientId
    await page.waitForURL(new RegExp(`#/patients/${pid}$`))
  })

  it('a new booking starts on the first free chair with no clash warning; a slot on another day takes the agenda there, the block outlined', async () => {
    await h.open(`#/day/${h.today}`)
    await page.locator('[data-test="book"]').click()
    const dlg = page.locator('[data-test="booking-dialog"]')
    await dlg.waitFor()
    const chairName = (id: number | null) => ref.chairs.find((c) => c.id === id)!.name
    const free = (start: number) => firstFreeChair(ref.chairs, day, { day: h.today, start, end: start + 30 })
    // 12:40 → the next quarter hour, 12:45: every chair of the busy demo day is taken then, so the first chair,
    // and no clash warning while the desk has chosen nothing.
    await poll(() => dlg.locator('[data-test="booking-chair"]').textContent()).toBe(chairName(free(12 * 60 + 45)))
    expect(await dlg.locator('[data-test="booking-clash"]').count()).toBe(0)
    // At 09:45 the first chairs are taken: the chair follows the chosen time to the first free one.
    expect(free(9 * 60 + 45)).not.toBe(ref.chairs[0]!.id)
    await dlg.locator('[data-test="booking-time"] input').fill('09:45')
    await poll(() => dlg.locator('[data-test="booking-chair"]').textContent()).toBe(chairName(free(9 * 60 + 45)))
    expect(await dlg.locator('[data-test="booking-clash"]').count()).toBe(0)

    await dlg.locator('[data-test="booking-description"] input').fill('Controllo dal cercaposto')
    await dlg.locator('[data-test="booking-find-slot"]').click()
    const finder = page.locator('[data-test="slot-finder"]')
    await finder.locator('[data-test="slot-search"]').click()
    await poll(() => finder.locator('[data-test^="slot-op-"]').count()).toBeGreaterThan(1)
    await h.screenshotSizes('agenda-flow-slot-finder-by-operator', { width: 1440, height: 900 })
    const other = finder.locator(`.fs__day:not([data-test="slot-day-${h.today}"]) .fs__slot`).first()
    const slotTest = (await other.getAttribute('data-test'))!
    const slotDay = slotTest.slice(5, 15)
    await other.click()
    await dlg.waitFor()
    // The booking kept what was typed before the finder.
    await expect(dlg.locator('[data-test="booking-description"] input').inputValue()).resolves.toBe('Controllo dal cercaposto')
    await dlg.locator('[data-test="booking-save"]').click()
    // The agenda goes to the slot's day; should the booking be refused, the dialog's words say why.
    const outcome = async () =>
      (await page.evaluate(() => location.hash)).endsWith(`/day/${slotDay}`)
        ? 'on the slot day'
        : (await page.locator('[data-test="booking-failed"], [data-test="booking-errors"]').allTextContents()).join(' | ') || page.url()
    await expect.poll(outcome, { timeout: 30_000, interval: 100 }).toBe('on the slot day')
    await poll(() => page.locator('.blk--highlight').count()).toBe(1)
    await expect(page.locator('.blk--highlight [data-test="appt-patient"]').textContent()).resolves.toContain('Controllo dal cercaposto')
    await h.screenshotSizes('agenda-flow-booked-other-day', { width: 1440, height: 900 })
  })
})
