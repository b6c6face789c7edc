import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Liability } from '../../shared/alfadocs/schemas'
import { addDaysIso, parseWall } from '../../shared/dates'
import { findChromium, startHarness, type Harness } from './harness'

// The app shell in Chromium against the demo sandbox: one bar on every connected screen (tabs, practice,
// language, disconnect), the cross-links (patient → book, appointment → bills), the unfinished-payments
// banner on any screen, and every screen at the two window sizes a desk has.

const chromiumPath = findChromium()
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000, interval: 100 })

describe.skipIf(!chromiumPath)('app shell in Chromium', () => {
  let h: Harness
  let page: Page

  beforeAll(async () => {
    h = await startHarness(chromiumPath!)
    page = h.page
    await h.open()
    await page.locator('[data-test="open-demo"]').click()
    await page.waitForURL(/#\/day/)
    await page.locator('[data-test="agenda-grid"]').waitFor()
  })
  afterAll(async () => {
    await h?.close()
  })

  const shells = () => page.locator('[data-test="app-shell"]').count()
  const current = () => page.locator('[data-test="app-shell"] [aria-current="page"]').getAttribute('data-test')
  const noModal = () => poll(() => page.locator('.n-modal-mask, .n-dialog').count()).toBe(0)
  const today = () => h.invoke('appointmentsRange', { from: h.today, to: h.today })
  /** Right edge of an element, to check nothing runs off the window. */
  const right = async (sel: string) => {
    const b = (await page.locator(sel).first().boundingBox())!
    return b.x + b.width
  }

  it('the three tabs navigate, the active one is marked, and the one bar stays across screens', async () => {
    const status = await h.invoke('sessionStatus')
    expect(await page.locator('[data-test="practice-name"]').innerText()).toBe(status.state === 'connected' ? status.practiceName : null)
    // The practice name is whole, not cut with an ellipsis.
    expect(await page.locator('[data-test="practice-name"]').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
    expect(await current()).toBe('nav-agenda')
    expect(await page.locator('[data-test="nav-patients"]').getAttribute('title')).toBe('Pazienti (Alt+2)')

    await page.locator('[data-test="nav-patients"]').click()
    await page.waitForURL(/#\/patients$/)
    await page.locator('[data-test="patient-search"]').waitFor()
    expect(await current()).toBe('nav-patients')
    expect(await shells()).toBe(1)

    await page.locator('[data-test="nav-billing"]').click()
    await page.waitForURL(/#\/billing/)
    await page.locator('[data-test="bills-totals"]').waitFor()
    expect(await current()).toBe('nav-billing')
    expect(await shells()).toBe(1)

    // Alt+1 … Alt+3 from the keyboard.
    await page.keyboard.press('Alt+1')
    await page.waitForURL(/#\/day/)
    expect(await current()).toBe('nav-agenda')
    await page.keyboard.press('Alt+2')
    await page.waitForURL(/#\/patients$/)
    await page.keyboard.press('Alt+3')
    await page.waitForURL(/#\/billing/)
    expect(await current()).toBe('nav-billing')

    // The language switch lives in the bar, for every screen.
    await page.locator('[data-test="locale-en"]').click()
    await poll(() => page.locator('[data-test="nav-billing"]').innerText()).toBe('Billing')
    expect(await page.locator('[data-test="disconnect"]').innerText()).toBe('Disconnect')
    await page.locator('[data-test="locale-it"]').click()
    await poll(() => page.locator('[data-test="nav-billing"]').innerText()).toBe('Cassa')
  })

  it("the patient page's Book opens the agenda's booking dialog with the patient filled in, once", async () => {
    const p = (await h.invoke('patientsSearch', { text: 'ro', offset: 0, limit: 1 })).results[0]!
    await h.open(`#/patients/${p.id}`)
    await page.locator('[data-test="patient-name"]').waitFor()
    await page.locator('[data-test="book-patient"]').click()
    const dlg = page.locator('[data-test="booking-dialog"]')
    await dlg.waitFor()
    await poll(() => dlg.locator('[data-test="patient-select"]').innerText()).toContain(`${p.lastName} ${p.firstName}`)
    // The query is spent: the agenda's address is the plain day.
    await poll(() => page.url()).not.toContain('bookPatient')
    expect(await current()).toBe('nav-agenda')
    await h.screenshot('shell-03-book-from-patient')
    await page.keyboard.press('Escape')
    await noModal()
  })

  it("an appointment's menu reaches that patient's bills", async () => {
    const a = (await today()).find((x) => x.patientId != null && x.carePlanId == null && !x.allDay)!
    await h.open(`#/day/${h.today}`)
    await page.locator('[data-test="agenda-grid"]').waitFor()
    await page
      .locator('[data-test="agenda-grid"]')
      .evaluate((el, top) => (el.scrollTop = top), ((parseWall(a.date)!.minutes - 30 - 8 * 60) / 15) * 44)
    await page.locator(`.blk[data-id="${a.id}"]`).click({ button: 'right', position: { x: 10, y: 24 } })
    await page.locator('[data-test="menu-bills"]').click()
    await page.waitForURL(new RegExp(`#/patients/${a.patientId}\\?tab=bills$`))
    await poll(() => page.locator('[data-test="patient-tabs"] .n-tabs-tab--active').innerText()).toBe('Conti')
    expect(await current()).toBe('nav-patients')

    // One with a care plan opens that care plan's bills in billing.
    const withPlan = (await h.invoke('appointmentsRange', { from: addDaysIso(h.today, -6), to: h.today })).find(
      (x) => x.carePlanId != null && x.date.startsWith(h.today),
    )
    if (withPlan) {
      await h.open(`#/day/${h.today}`)
      await page.locator(`.blk[data-id="${withPlan.id}"]`).scrollIntoViewIfNeeded()
      await page.locator(`.blk[data-id="${withPlan.id}"]`).click({ button: 'right', position: { x: 10, y: 24 } })
      await page.locator('[data-test="menu-bills"]').click()
      await page.waitForURL(new RegExp(`#/billing\\?carePlanId=${withPlan.carePlanId}`))
    }
  })

  it('an unfinished payment shows in the banner on the agenda too', async () => {
    // A bill with an open liability; its DELETE refused, so the payment stops half way (transaction made).
    const { bills } = await h.invoke('billsList', { from: addDaysIso(h.today, -60), to: h.today, direction: 'incoming' })
    let target: { billId: number; liability: Liability } | null = null
    for (const b of bills) {
      const d = await h.invoke('billDetail', { billId: b.id })
      const l = d.liabilities.find((x) => x.amount >= 20)
      if (l) {
        target = { billId: b.id, liability: l }
        break
      }
    }
    expect(target).not.toBeNull()
    h.sandbox().faults.failNext('liabilityDelete', 100, { status: 400 })
    await h.open(`#/billing/bill/${target!.billId}`)
    await page.locator(`[data-test="pay-${target!.liability.id}"]`).click()
    await page.locator('[data-test="payment-dialog"]').waitFor()
    await poll(() => page.locator('[data-test="pay-type"]').innerText()).not.toBe('')
    await page.locator('[data-test="pay-confirm"]').click()
    await page.locator('[data-test="unfinished-payments"]').waitFor({ timeout: 60_000 })
    await noModal()

    await page.locator('[data-test="nav-agenda"]').click()
    await page.waitForURL(/#\/day/)
    await page.locator('[data-test="agenda-grid"]').waitFor()
    expect(await page.locator('[data-test="unfinished-payments"]').count()).toBe(1)
    expect(await page.locator('[data-test="unfinished-payments"]').isVisible()).toBe(true)
    await h.screenshot('shell-04-agenda-unfinished')
    await page.locator('[data-test="nav-patients"]').click()
    await page.waitForURL(/#\/patients$/)
    expect(await page.locator('[data-test="unfinished-payments"]').isVisible()).toBe(true)
    h.sandbox().faults.clear()
  })

  it('every screen reads on one line per bar at 1440×900 and 1280×800; printing hides the shell', async () => {
    const screens: Array<[string, string, string]> = [
      ['agenda', `#/day/${h.today}`, '[data-test="agenda-grid"]'],
      ['patients', '#/patients', '[data-test="patient-search"]'],
      ['billing', '#/billing', '[data-test="bills-totals"]'],
      ['takings', `#/billing/takings/${h.today}`, '[data-test="takings"]'],
    ]
    const p = (await h.invoke('patientsSearch', { text: 'b', offset: 0, limit: 1 })).results[0]!
    screens.push(['patient', `#/patients/${p.id}`, '[data-test="patient-card"]'])
    for (const [w, hgt] of [
      [1440, 900],
      [1280, 800],
    ] as const) {
      await page.setViewportSize({ width: w, height: hgt })
      for (const [name, hash, ready] of screens) {
        await h.open(hash)
        await page.locator(ready).waitFor()
        await page.mouse.move(w / 2, hgt - 5)
        const bar = (await page.locator('[data-test="app-shell"]').boundingBox())!
        expect(bar.height).toBeLessThanOrEqual(60)
        expect(await right('[data-test="disconnect"]')).toBeLessThanOrEqual(w)
        // The screen's own header (ScreenHeader) is one line high too, on every screen.
        const header = (await page.locator('[data-test="screen-header"]').first().boundingBox())!
        expect(header.height).toBeLessThanOrEqual(64)
        expect(header.x + header.width).toBeLessThanOrEqual(w)
        if (name === 'agenda') {
          // Under it, one row of tools, not wrapping or running off the window.
          expect((await page.locator('.agv .tools').boundingBox())!.height).toBeLessThan(50)
          expect(await right('[data-test="csv"]')).toBeLessThanOrEqual(w)
          expect(await right('[data-test="sync-status"]')).toBeLessThanOrEqual(w)
        }
        await h.screenshot(`shell-${w}-${name}`)
      }
    }
    await page.setViewportSize({ width: 1440, height: 900 })

    await h.open(`#/day/${h.today}`)
    await page.locator('[data-test="agenda-grid"]').waitFor()
    await page.emulateMedia({ media: 'print' })
    try {
      expect(await page.locator('[data-test="app-shell"]').isVisible()).toBe(false)
      expect(await page.locator('[data-test="unfinished-payments"]').isVisible()).toBe(false)
    } finally {
      await page.emulateMedia({ media: 'screen' })
    }
  })

  it('disconnects from any screen: back to Connect, without the shell', async () => {
    await h.open('#/billing')
    await page.locator('[data-test="bills-totals"]').waitFor()
    await page.locator('[data-test="disconnect"]').click()
    const dialog = page.locator('.n-dialog')
    await dialog.waitFor()
    await dialog.getByRole('button', { name: 'Disconnetti' }).click()
    await page.waitForURL(/#\/connect$/)
    await page.locator('[data-test="open-demo"]').waitFor()
    expect(await shells()).toBe(0)
    const counts = await h.cacheCounts()
    expect(Object.values(counts).every((n) => n === 0)).toBe(true)
    expect((await h.invoke('sessionStatus')).state).toBe('disconnected')
    expect(h.pageErrors).toEqual([])
  })
})
