import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { addDaysIso } from '../../shared/dates'
import { nextWorkingDay } from '../../shared/lists/working-days'
import { openDemoAgenda } from './agenda-setup'
import { findChromium, type Harness } from './harness'

// The call lists in Chromium against the demo practice: reached from the shell (Alt+4) and at their routes,
// a call's outcome kept in main across a reload, a follow-up marked contacted, the ASAP list once a field is chosen.

const chromiumPath = findChromium()
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000, interval: 100 })

describe.skipIf(!chromiumPath)('call lists', () => {
  let h: Harness
  let page: Page
  const now = () => `${h.today} 09:00:00`

  beforeAll(async () => {
    ;({ h } = await openDemoAgenda(chromiumPath!))
    page = h.page
    await page.setViewportSize({ width: 1366, height: 768 })
  })
  afterAll(async () => {
    await h?.close()
  })

  const rowIds = (test: string) =>
    page.locator(`[data-test="${test}"]`).evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-id'))))

  it('a patient marked arrived at another desk shows here, with a notice, whatever the screen', async () => {
    await page.locator('[data-test="waiting-room"]').waitFor()
    // main is asked by this desk every few seconds and reads today on its own timer; one read is done here.
    // This page has main's first answer (what main knew before it is not news to it).
    await page.locator('[data-test="arrivals-watch"][data-asked="true"]').waitFor({ state: 'attached' })
    await h.app.services.agenda.arrivals!.poll()
    await page.keyboard.press('Alt+4')
    await page.waitForURL(/#\/lists\/confirmations/)
    const sb = h.sandbox().state
    const a = sb.appointments.find((x) => x.date.startsWith(`${h.today} 1`) && x.patientId != null && x.state === 'confirmed')!
    const p = sb.patients.find((x) => x.id === a.patientId)!
    a.state = 'waiting' // what another desk's PATCH does
    await h.app.services.agenda.arrivals!.poll()
    const notice = `${p.lastName} ${p.firstName} (${a.date.slice(11, 16)}): arrivo segnato da un’altra postazione`
    await poll(() => page.locator('.n-message').allInnerTexts()).toContainEqual(notice)
    await page.keyboard.press('Alt+1')
    await page.locator(`[data-test="waiting-${a.id}"]`).waitFor()
    // A reload: main's log of the day comes back with the page's first answer, as history, not as notices.
    await page.reload()
    await page.locator('[data-test="arrivals-watch"][data-asked="true"]').waitFor({ state: 'attached' })
    await page.locator(`[data-test="waiting-${a.id}"]`).waitFor()
    expect(await page.locator('.n-message').allInnerTexts()).toEqual([])
    // Two at once from another desk: one notice naming both.
    const more = sb.appointments
      .filter((x) => x.date.startsWith(`${h.today} 1`) && x.patientId != null && x.state === 'confirmed')
      .slice(0, 2)
    for (const x of more) x.state = 'waiting'
    await h.app.services.agenda.arrivals!.poll()
    await poll(() => page.locator('.n-message').allInnerTexts()).toEqual([
      expect.stringMatching(/^2 arrivi segnati da un’altra postazione: .+ \(\d\d:\d\d\), .+ \(\d\d:\d\d\)$/),
    ])
  })

  it("Alt+4 opens Conferme on the next working day's appointments, by time, with phones to call", async () => {
    await page.keyboard.press('Alt+4')
    await page.waitForURL(/#\/lists\/confirmations/)
    const day = nextWorkingDay(h.today)
    const expected = (await h.invoke('listsConfirmations', { date: day })).rows.map((r) => r.appointment.id)
    expect(expected.length).toBeGreaterThan(0)
    await poll(() => rowIds('confirm-row')).toEqual(expected)
    expect(await page.locator('[data-test="confirm-day"]').innerText()).toContain(
      day === '2026-03-12' ? 'Appuntamenti di giovedì 12 marzo 2026' : '',
    )
    const tel = await page.locator('[data-test="confirm-row"] [data-test="phone"]').first().getAttribute('href')
    expect(tel).toMatch(/^tel:\+?\d{6,}$/)
    await h.screenshot('lists-confirmations-1366')
  })

  it('a call outcome is kept in main: seen again after a reload, and the day after is one click', async () => {
    const first = page.locator('[data-test="confirm-row"]').first()
    const id = Number(await first.getAttribute('data-id'))
    await first.locator('[data-test="outcome-no-answer"]').click()
    await poll(() => first.locator('[data-test="outcome-shown"]').innerText()).toContain('Non risponde')
    await page.reload()
    const again = page.locator(`[data-test="confirm-row"][data-id="${id}"]`)
    await poll(() => again.locator('[data-test="outcome-shown"]').innerText()).toContain('Non risponde')
    expect(
      (await h.invoke('listsConfirmations', { date: nextWorkingDay(h.today) })).rows.find((r) => r.appointment.id === id)!.outcome,
    ).toBe('no-answer')
    await page.locator('[data-test="confirm-next"]').click()
    await page.waitForURL(/#\/lists\/confirmations\/\d{4}-\d{2}-\d{2}/)
    const nextDay = page.url().match(/(\d{4}-\d{2}-\d{2})$/)![1]!
    const expected = (await h.invoke('listsConfirmations', { date: nextDay })).rows.map((r) => r.appointment.id)
    await poll(() => rowIds('confirm-row')).toEqual(expected)
  })

  it('Da richiamare lists who cancelled or missed with nothing booked; marking contacted shows the date', async () => {
    await page.locator('[data-test="tab-follow-ups"]').click()
    await page.waitForURL(/#\/lists\/follow-ups/)
    // The oracle is the sandbox's own data: a miss in the last 30 days, nothing kept after it, nothing to come.
    const sb = h.sandbox().state
    const from = `${addDaysIso(h.today, -29)} 00:00:00`
    const missed = (a: { state: string }) => a.state === 'cancelled' || a.state === 'absent'
    const expected = new Set(
      sb.patients
        .filter((p) => !p.deleted)
        .map((p) => p.id)
        .filter((id) => {
          const mine = sb.appointments.filter((a) => a.patientId === id && a.date >= from)
          const lastMiss = mine
            .filter((a) => missed(a) && a.date < `${addDaysIso(h.today, 1)}`)
            .map((a) => a.date)
            .sort()
            .pop()
          return lastMiss !== undefined && !mine.some((a) => !missed(a) && a.date > lastMiss)
        }),
    )
    expect(expected.size).toBeGreaterThan(0)
    await poll(() => rowIds('follow-up-row').then((ids) => ids.sort((a, b) => a - b))).toEqual([...expected].sort((a, b) => a - b))
    const row = page.locator('[data-test="follow-up-row"]').first()
    // Main stamps the mark with its own clock (the page's is fixed on the demo day).
    const romeDay = (ms: number) => {
      const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(ms).split('-')
      return `Contattato il ${d}/${m}/${y}`
    }
    const before = romeDay(Date.now())
    await row.locator('[data-test="follow-up-contacted"]').click()
    await poll(() => row.locator('[data-test="contacted"]').innerText()).toMatch(/^Contattato il \d{2}\/\d{2}\/\d{4}$/)
    expect([before, romeDay(Date.now())]).toContain(await row.locator('[data-test="contacted"]').innerText())
  })

  it('Anticipi asks for a field first, then lists the flagged patients with their current appointment', async () => {
    await page.locator('[data-test="tab-asap"]').click()
    await page.waitForURL(/#\/lists\/asap/)
    await page.locator('[data-test="asap-no-field"]').waitFor()
    // The demo seeds a "Vuole anticipare" checkbox (checked as true, '1' or 'true').
    const sb = h.sandbox().state
    const yes = (v: unknown) => v === true || v === '1' || v === 'true'
    const ahead = (id: number) =>
      sb.appointments.some(
        (a) => a.patientId === id && a.date >= now() && a.state !== 'cancelled' && a.state !== 'absent' && String(a.allDay) !== 'true',
      )
    const flagged = sb.patients.filter((p) => !p.deleted && yes(p._anticipo) && ahead(p.id)).map((p) => p.id)
    expect(flagged.length).toBeGreaterThan(0)
    // The practice chooses the field in the settings, reached from the list's own message.
    await page.locator('[data-test="asap-to-settings"]').click()
    // No Salva button in this section (its neighbours have one): it says each choice is kept at once.
    expect(await page.locator('[data-test="lists-settings-note"]').innerText()).toBe('Ogni scelta si salva subito.')
    await page.locator('[data-test="lists-settings-asap"]').click()
    await page.locator('.n-base-select-option').getByText('Vuole anticipare', { exact: true }).click()
    await poll(async () => (await h.invoke('settingsGet')).asapField).toBe('anticipo')
    await page.goBack()
    await page.waitForURL(/#\/lists\/asap/)
    await poll(() => rowIds('asap-row').then((ids) => ids.sort())).toEqual([...flagged].sort())
    expect(await page.locator('.list-intro').innerText()).toContain('«Vuole anticipare»')
    // Printable: the preview shows the list as a PDF page.
    await page.locator('[data-test="lists-print"]').click()
    const preview = page.locator('[data-test="print-preview"]')
    await preview.locator('[data-test="pdf-page"]').first().waitFor()
    expect(await preview.locator('[data-test="print-preview-title"]').innerText()).toBe('Anticipi')
    await preview.locator('[data-test="print-preview-close"]').click()
    await preview.waitFor({ state: 'detached' })
    await page.setViewportSize({ width: 1920, height: 1080 })
    await h.screenshot('lists-asap-1920')
    await page.setViewportSize({ width: 1366, height: 768 })
  })

  it('a cancellation offers the short-notice patients who fit, and one click moves one into the slot (the sandbox has it)', async () => {
    await page.keyboard.press('Alt+1')
    await page.waitForURL(/#\/day/)
    const sb = h.sandbox().state
    // A slot later today that someone on the Anticipi list fits into (the field was chosen above).
    const today = sb.appointments
      .filter(
        (a) =>
          a.date >= `${h.today} 10:00:00` &&
          a.date.startsWith(h.today) &&
          a.patientId != null &&
          a.state === 'confirmed' &&
          a.chairId != null,
      )
      .sort((x, y) => Number(y.duration) - Number(x.duration))
    let freed: (typeof today)[number] | undefined
    for (const a of today.slice(0, 8)) {
      const fits = await h.invoke('listsAsapForSlot', {
        now: now(),
        date: a.date,
        duration: Number(a.duration),
        operatorId: a.operatorId,
        appointmentId: a.id,
      })
      if (fits.length > 0) {
        freed = a
        break
      }
    }
    expect(freed).toBeDefined()
    const blk = page.locator(`.blk[data-id="${freed!.id}"]`)
    await blk.scrollIntoViewIfNeeded()
    await blk.click({ button: 'right' })
    await page.locator('.n-dropdown-option').getByText('Disdetto', { exact: true }).click()
    await poll(() => sb.appointments.find((a) => a.id === freed!.id)!.state).toBe('cancelled')
    const bar = page.locator(`[data-test="freed-${freed!.id}"]`)
    await bar.locator('[data-test="freed-offer"]').click()
    const offer = page.locator('[data-test="asap-offer"]')
    await offer.waitFor()
    await h.screenshot('lists-asap-offer-1366')
    const candidate = offer
      .locator('[data-test="asap-candidate"]')
      .filter({ has: page.locator('[data-test="asap-move"]:not([disabled])') })
      .first()
    const patientId = Number(await candidate.getAttribute('data-id'))
    const before = sb.appointments.find((a) => a.patientId === patientId && a.date > freed!.date && a.state !== 'cancelled')!
    expect(await candidate.innerText()).toContain(
      `Fissato: ${before.date.slice(8, 10)}/${before.date.slice(5, 7)}/${before.date.slice(0, 4)}`,
    )
    await candidate.locator('[data-test="asap-move"]').click()
    await offer.waitFor({ state: 'detached' })
    await poll(() => {
      const moved = sb.appointments.find((a) => a.id === before.id)!
      return [moved.date.slice(0, 16), moved.chairId]
    }).toEqual([freed!.date.slice(0, 16), freed!.chairId])
    const p = sb.patients.find((x) => x.id === patientId)!
    await poll(() => page.locator('.n-message').allInnerTexts()).toContainEqual(
      `Appuntamento di ${p.lastName} ${p.firstName} spostato alle ${freed!.date.slice(11, 16)}`,
    )
    await page.locator(`.blk[data-id="${before.id}"]`).waitFor()
  })

  it('a blocked time is booked without patient, drawn apart, and never offered as a free slot', async () => {
    await page.keyboard.press('Escape')
    await page.locator('[data-test="book"]').click()
    const dlg = page.locator('[data-test="booking-dialog"]')
    await dlg.waitFor()
    await dlg.locator('[data-test="kind-blocked"]').click()
    expect(await dlg.locator('[data-test="patient-select"]').count()).toBe(0)
    expect(await dlg.locator('.bk__title').innerText()).toBe('Blocca orario')
    expect(await dlg.locator('[data-test="booking-save"]').innerText()).toBe('Blocca')
    await dlg.locator('[data-test="block-reason"]').click()
    await page.locator('.n-base-select-option').getByText('Sterilizzazione', { exact: true }).click()
    await dlg.locator('[data-test="booking-time"] input').fill('19:00')
    await dlg.locator('[data-test="booking-duration"] input').fill('30')
    await dlg.locator('[data-test="booking-duration"] input').blur()
    await dlg.locator('[data-test="booking-save"]').click()
    await dlg.waitFor({ state: 'detached' })
    await poll(() => page.locator('.n-message').allInnerTexts()).toContainEqual('Orario bloccato')
    const sb = h.sandbox().state
    const blockOf = () => sb.appointments.find((a) => a.date === `${h.today} 19:00:00` && a.description === 'Sterilizzazione')
    await poll(() => blockOf() !== undefined).toBe(true)
    expect(blockOf()!.patientId).toBeNull()
    const blk = blockOf()!
    await poll(() => page.locator(`.blk[data-id="${blk.id}"]`).getAttribute('class')).toContain('blk--blocked')
    expect([blk.smsReminder, blk.emailReminder].map(String)).toEqual(['false', 'false'])
    const slots = await h.invoke('agendaFreeSlots', { from: h.today, fromMinutes: 18 * 60, days: 1, duration: 30, operatorIds: [] })
    expect(slots.some((s) => s.chairId === blk.chairId && s.time.startsWith('19:00'))).toBe(false)
  })

  it("'Da spostare' finds a free slot of the appointment's length and moves the appointment there (no second booking)", async () => {
    await page.keyboard.press('Alt+4')
    await page.waitForURL(/#\/lists\/confirmations/)
    const row = page.locator('[data-test="confirm-row"]').nth(1)
    await row.waitFor()
    const id = Number(await row.getAttribute('data-id'))
    const sb = h.sandbox().state
    const before = { ...sb.appointments.find((a) => a.id === id)! }
    const count = sb.appointments.length
    await row.locator('[data-test="outcome-move"]').click()
    await row.locator('[data-test="confirm-find-slot"]').click()
    const finder = page.locator('[data-test="slot-finder"]')
    await finder.waitFor()
    expect(await finder.locator('[data-test="slot-duration"] input').inputValue()).toBe(String(Number(before.duration)))
    await finder.locator('[data-test="slot-search"]').click()
    const chip = finder.locator('[data-test^="slot-2"]').first()
    await chip.waitFor()
    const [, date, time, chair] = /^slot-(\d{4}-\d{2}-\d{2})-(\d{2}:\d{2})-(\d+)$/.exec((await chip.getAttribute('data-test'))!)!
    await chip.click()
    await poll(() => sb.appointments.find((a) => a.id === id)!.date.slice(0, 16)).toBe(`${date} ${time}`)
    expect(sb.appointments.find((a) => a.id === id)!.chairId).toBe(Number(chair))
    expect(sb.appointments.length).toBe(count)
    expect(before.date.slice(0, 16)).not.toBe(`${date} ${time}`)
    await page.locator(`.blk[data-id="${id}"]`).waitFor()
  })
})
