import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import type { Appointment } from '../../shared/alfadocs/schemas'
import { weekDays } from '../../shared/agenda/week'
import { buildDaySheet } from '../../shared/day-sheet'
import { openDemoAgenda, type Reference } from './agenda-setup'
import { findChromium, type Harness } from './harness'

// The agenda's desk habits in Chromium against the demo sandbox: it refreshes by itself without redrawing,
// the operator filter and the operator week, the remembered chairs, booking reasons, the printed day.

const chromiumPath = findChromium()
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000, interval: 100 })
type Printed = {
  sheetShown: boolean
  appHidden: boolean
  sections: Array<{ breakAfter: string; title: string; rows: string[][] }>
  chairRows: string[]
} | null

describe.skipIf(!chromiumPath)('agenda at the desk', () => {
  let h: Harness
  let page: Page
  let ref: Reference

  beforeAll(async () => {
    ;({ h, ref } = await openDemoAgenda(chromiumPath!))
    page = h.page
  })
  afterAll(async () => {
    await h?.close()
  })

  const day = () => h.invoke('appointmentsRange', { from: h.today, to: h.today })
  const block = (id: number): Locator => page.locator(`.blk[data-id="${id}"]`)
  /** Ids of every appointment on screen: blocks, all-day and out-of-hours chips. */
  const shownIds = () =>
    page
      .locator('[data-test^="appointment-"]')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-id'))).sort((a, b) => a - b))
  const idsOf = (list: Appointment[]) => list.map((a) => a.id).sort((a, b) => a - b)
  const noModal = () => poll(() => page.locator('.n-modal-mask, .n-dialog, .n-popover').count()).toBe(0)
  /** Picks an option; types to filter only where the select filters (elsewhere a letter is a shortcut: T = today). */
  async function choose(select: Locator, label: string, opts: { filter?: boolean } = {}) {
    await select.click()
    if (opts.filter) await page.keyboard.type(label)
    await page.locator('.n-base-select-option').getByText(label, { exact: true }).click()
  }
  /** Tags a block's DOM node: the tag survives only if the node is the same one. */
  const tag = (id: number) => block(id).evaluate((el) => ((el as HTMLElement & { __sameNode?: boolean }).__sameNode = true))
  const tagged = (id: number) => block(id).evaluate((el) => (el as HTMLElement & { __sameNode?: boolean }).__sameNode === true)

  it('shows another desk’s change when the window regains focus, and again after a minute, without redrawing the blocks', async () => {
    await poll(() => page.locator('.appt__loading').count()).toBe(0)
    const list = (await day()).filter((a) => !a.allDay && a.patientId != null && a.state === 'confirmed' && a.chairId != null)
    const [a, b] = [list[0]!, list[1]!]
    for (const x of list) await tag(x.id)

    h.sandbox().state.appointments.find((x) => x.id === a.id)!.description = 'Cambiato alla postazione 2'
    await page.evaluate(() => window.dispatchEvent(new Event('focus')))
    await poll(() => block(a.id).locator('.blk__desc').textContent()).toContain('Cambiato alla postazione 2')

    // Nothing else triggers a refresh now: only the page's clock moving on by a minute.
    h.sandbox().state.appointments.find((x) => x.id === b.id)!.description = 'Cambiato alla postazione 3'
    await page.clock.runFor(60_000)
    await poll(() => block(b.id).locator('.blk__desc').textContent()).toContain('Cambiato alla postazione 3')

    // No flicker: every block is still the node it was, updated in place.
    for (const x of list) expect(await tagged(x.id), `block ${x.id} was redrawn`).toBe(true)
  })

  it('a booking reason fills the duration and the description', async () => {
    const reasons = h
      .sandbox()
      .state.bookingReasons.map((r) => ({ description: r.description, deleted: r.deleted, duration: Number(r.duration) }))
    const reason = reasons.find((r) => !r.deleted && r.duration > 0 && r.duration !== 30)!
    await noModal()
    await page.locator('[data-test="book"]').click()
    const dlg = page.locator('[data-test="booking-dialog"]')
    await dlg.waitFor()
    const duration = dlg.locator('[data-test="booking-duration"] input')
    const description = dlg.locator('[data-test="booking-description"] input')
    expect(await duration.inputValue()).not.toBe(String(reason.duration))
    await choose(dlg.locator('[data-test="reason-select"]'), `${reason.description} · ${reason.duration}′`, { filter: true })
    await poll(() => duration.inputValue()).toBe(String(reason.duration))
    expect(await description.inputValue()).toBe(reason.description)
    await h.screenshot('agenda-desk-01-reason')
    await page.keyboard.press('Escape')
    await dlg.waitFor({ state: 'detached' })
  })

  it('the operator filter shows that operator’s appointments only, and all again when cleared', async () => {
    const appts = await day()
    const op = ref.operators.find(
      (o) => !o.deleted && appts.some((a) => a.operatorId === o.id) && appts.some((a) => a.operatorId !== o.id),
    )!
    await noModal()
    const filter = page.locator('[data-test="operator-filter"]')
    await choose(filter, op.name)
    await poll(shownIds).toEqual(idsOf(appts.filter((a) => a.operatorId === op.id)))
    await h.screenshot('agenda-desk-02-operator')
    await filter.hover()
    await filter.locator('.n-base-clear').click()
    await poll(shownIds).toEqual(idsOf(appts))
  })

  it('shows a week for one operator: seven days, that operator’s appointments in every chair', async () => {
    const days = weekDays(h.today)
    const week = await h.invoke('appointmentsRange', { from: days[0]!, to: days[6]! })
    const byOp = (id: number) => week.filter((a) => a.operatorId === id)
    const op = ref.operators.filter((o) => !o.deleted).sort((x, y) => byOp(y.id).length - byOp(x.id).length)[0]!
    // More than one chair, so a chair week could not pass for it.
    expect(new Set(byOp(op.id).map((a) => a.chairId)).size).toBeGreaterThan(1)
    await noModal()
    await page.locator('[data-test="view-week"]').click()
    await page.locator(`[data-test="col-day-${days[0]}"]`).waitFor()
    await choose(page.locator('[data-test="week-operator"]'), op.name)
    expect(await page.locator('[data-test="chair-name"]').count()).toBe(7)
    await poll(shownIds).toEqual(idsOf(byOp(op.id)))
    expect(await page.locator('[data-test="day-heading"]').innerText()).toContain(op.name)
    await h.screenshot('agenda-desk-03-operator-week')
    await page.locator('[data-test="view-day"]').click()
    await page.locator('[data-test^="col-chair-"]').first().waitFor()
  })

  it('prints one page per chair, or a compact table, with the rows of the day sheet; the app itself is not printed', async () => {
    const appts = await day()
    const ids = [...new Set(appts.map((a) => a.patientId).filter((x): x is number => x != null))]
    const patients = await h.invoke('patientsByIds', { ids })
    const sheet = buildDaySheet({
      date: h.today,
      chairs: ref.chairs,
      operators: ref.operators,
      appointments: appts,
      patients: new Map(patients.map((p) => [p.id, p])),
      noChairName: 'Senza poltrona',
    })
    const expected = sheet.chairs.map((c) =>
      c.appointments.map((a) => [
        `${a.start}–${a.end}`,
        a.blocked ? 'Orario bloccato' : (a.patient ?? '—'),
        a.description,
        a.operator ?? '',
      ]),
    )

    await noModal()
    // The print preview keeps the sheet on the page while it is open: what the print media shows then is what
    // main's printToPDF drew and what "Stampa" prints.
    const inPrintMedia = () =>
      page.evaluate(() => {
        const el = document.querySelector<HTMLElement>('.print-sheet')
        const visible = (x: Element | null) => !!x && getComputedStyle(x).visibility === 'visible' && getComputedStyle(x).display !== 'none'
        return (
          el && {
            sheetShown: getComputedStyle(el).display !== 'none' && visible(el),
            appHidden: ['[data-test="agenda-grid"]', '[data-test="book"]', '.blk', '[data-test="print-preview"]'].every(
              (s) => !visible(document.querySelector(s)),
            ),
            sections: [...el.querySelectorAll('section.ps__page')].map((s) => ({
              breakAfter: getComputedStyle(s).breakAfter,
              title: s.querySelector('h1')?.textContent ?? '',
              rows: [...s.querySelectorAll('tr')].map((tr) =>
                [...tr.querySelectorAll('td')].slice(0, 4).map((td) => td.textContent?.trim() ?? ''),
              ),
            })),
            chairRows: [...el.querySelectorAll('tr.ps__chair')].map((tr) => tr.textContent?.trim() ?? ''),
          }
        )
      })
    const printed = async (option: number): Promise<Printed> => {
      await page.locator('[data-test="print"]').click()
      const item = page.locator('.n-dropdown-option-body').nth(option)
      await item.waitFor()
      await item.click()
      await page.locator('[data-test="print-preview"] [data-test="pdf-page"]').first().waitFor()
      await page.emulateMedia({ media: 'print' })
      try {
        return await inPrintMedia()
      } finally {
        await page.emulateMedia({ media: 'screen' })
        await page.locator('[data-test="print-preview-close"]').click()
        await page.locator('[data-test="print-preview"]').waitFor({ state: 'detached' })
      }
    }

    const perChair = (await printed(0))!
    expect(perChair.sheetShown).toBe(true)
    expect(perChair.appHidden).toBe(true)
    expect(perChair.sections.map((s) => s.rows)).toEqual(expected)
    expect(perChair.sections.map((s) => s.breakAfter)).toEqual(sheet.chairs.map(() => 'page'))
    sheet.chairs.forEach((c, i) => expect(perChair.sections[i]!.title).toContain(c.name))

    const compact = (await printed(1))!
    expect(compact.sheetShown).toBe(true)
    expect(compact.appHidden).toBe(true)
    expect(compact.sections).toEqual([])
    expect(compact.chairRows).toEqual(sheet.chairs.map((c) => `${c.name} (${c.appointments.length})`))
    expect(await page.locator('.print-sheet').count()).toBe(0)
  })

  it('remembers the chosen chairs across a reload', async () => {
    const live = ref.chairs.filter((c) => !c.deleted)
    const chosen = [live[0]!, live[2]!]
    await noModal()
    await page.locator('[data-test="chair-choice"]').click()
    const select = page.locator('.n-popover .n-select')
    await select.waitFor()
    await select.click()
    for (const c of chosen) await page.locator('.n-base-select-option').getByText(c.name, { exact: true }).click()
    const columns = () => page.locator('[data-test^="col-chair-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-test')))
    const want = chosen.map((c) => `col-chair-${c.id}`)
    await poll(columns).toEqual(want)
    await page.mouse.click(5, 5)

    await page.reload()
    await page.locator('[data-test="agenda-grid"]').waitFor()
    await poll(columns).toEqual(want)
    expect(await page.locator('[data-test="chair-choice"]').innerText()).toContain('(2)')
    await h.screenshot('agenda-desk-04-chairs')
    await page.evaluate(() => localStorage.removeItem('sportello.agenda.settings'))
  })
})
