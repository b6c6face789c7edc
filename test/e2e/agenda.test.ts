import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { blockColors } from '../../shared/agenda/contrast'
import type { Locator, Page } from 'playwright-core'
import type { Appointment } from '../../shared/alfadocs/schemas'
import { readFile } from 'node:fs/promises'
import { buildDaySheet, formatDaySheetCsv } from '../../shared/day-sheet'
import { addDaysIso, hhmm, parseWall } from '../../shared/dates'
import { openDemoAgenda, type Reference } from './agenda-setup'
import { findChromium, type Harness } from './harness'

// The agenda in Chromium against the demo sandbox, with real pointer events. Expected data comes from the
// sandbox through the same invoke the renderer uses; after each action the sandbox is asked again.

const chromiumPath = findChromium()
// Writes queue behind the 10 requests/s limiter: give the sandbox time to see them.
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000, interval: 100 })

const hexToRgb = (hex: string) => {
  const n = parseInt(hex, 16)
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`
}

describe.skipIf(!chromiumPath)('agenda in Chromium', () => {
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
  const one = async (id: number) =>
    (await h.invoke('appointmentsRange', { from: h.today, to: addDaysIso(h.today, 1) })).find((a) => a.id === id)
  const block = (id: number): Locator => page.locator(`.blk[data-id="${id}"]`)
  const waitNamesLoaded = () => poll(() => page.locator('.appt__loading').count()).toBe(0)

  it("a day's blocks below the fold come after its first frame, and a day left before they came never draws them over the next", async () => {
    // Background tasks (where the grid draws what is off screen) held while the test says so, then run one by one.
    await h.context.addInitScript({
      content: `(() => {
        const real = window.scheduler && window.scheduler.postTask && window.scheduler.postTask.bind(window.scheduler)
        if (!real) return
        window.__held = []
        window.scheduler.postTask = (fn, o) =>
          window.__hold && o && o.priority === 'background' ? new Promise((ok) => window.__held.push(() => ok(fn()))) : real(fn, o)
      })()`,
    })
    await page.setViewportSize({ width: 1366, height: 768 })
    // The two days ahead seen once, so that each opens from the cache (an unseen day paints before its data).
    for (const n of [1, 2, 0]) {
      const d = addDaysIso(h.today, n)
      const count = (await h.invoke('appointmentsRange', { from: d, to: d })).length
      await h.open(`#/day/${d}`)
      await poll(() => page.locator('[data-test^="appointment-"]').count()).toBe(count)
    }
    await page.reload()
    await poll(() => page.locator('[data-test^="appointment-"]').count()).toBe((await day()).length)
    type Page_ = { __agendaPerf?: { painted?: number }; __hold: boolean; __held: Array<() => void>; __added: Map<string, number> }
    // When each block came into the page.
    await page.evaluate(() => {
      const w = window as unknown as Page_
      w.__added = new Map()
      new MutationObserver((records) => {
        const at = performance.now()
        for (const r of records)
          for (const n of r.addedNodes) if (n instanceof HTMLElement && n.classList.contains('blk')) w.__added.set(n.dataset.id!, at)
      }).observe(document.body, { childList: true, subtree: true })
    })
    const ids = () =>
      page
        .locator('[data-test^="appointment-"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-test')!.slice('appointment-'.length)).sort())
    const next = async () => {
      await page.evaluate(() => ((window as unknown as Page_).__agendaPerf = undefined))
      await page.keyboard.press('ArrowRight')
      await poll(() => page.evaluate(() => (window as unknown as Page_).__agendaPerf?.painted !== undefined)).toBe(true)
    }
    const release = () => page.evaluate(() => (window as unknown as Page_).__held.shift()?.())
    try {
      await page.evaluate(() => ((window as unknown as Page_).__hold = true))
      await next()
      await next()
      const d2 = addDaysIso(h.today, 2)
      await page.waitForURL(new RegExp(`#/day/${d2}$`))
      const want = (await h.invoke('appointmentsRange', { from: d2, to: d2 })).map((a) => String(a.id)).sort()
      // Every block on screen was in the frame counted as painted; nothing of another day is there.
      const painted = await page.evaluate(() => (window as unknown as Page_).__agendaPerf!.painted!)
      const lateInView = () =>
        page.evaluate((painted) => {
          const view = document.querySelector('[data-test="agenda-grid"]')!.getBoundingClientRect()
          return [...document.querySelectorAll<HTMLElement>('.blk')]
            .filter((b) => {
              const r = b.getBoundingClientRect()
              return r.bottom > view.top && r.top < view.bottom && !((window as unknown as Page_).__added.get(b.dataset.id!)! <= painted)
            })
            .map((b) => b.dataset.id)
        }, painted)
      expect(await lateInView()).toEqual([])
      expect((await ids()).filter((id) => !want.includes(id))).toEqual([])
      // A refresh before the rest (the desk's focus here, the poll all day) redraws what is drawn and leaves the rest to it.
      const drawn = await ids()
      expect(drawn.length).toBeLessThan(want.length)
      const d2Appts = await h.invoke('appointmentsRange', { from: d2, to: d2 })
      const changed = d2Appts.find((a) => drawn.includes(String(a.id)) && a.duration >= 30 && a.patientId != null)!
      h.sandbox().state.appointments.find((x) => x.id === changed.id)!.description = 'Cambiato prima del resto'
      await page.evaluate(() => window.dispatchEvent(new Event('focus')))
      await poll(() => block(changed.id).textContent()).toContain('Cambiato prima del resto')
      expect(await ids()).toEqual(drawn)
      // The day before's rest runs now: it draws nothing (its day is gone); then this day's rest completes it.
      await release()
      expect((await ids()).filter((id) => !want.includes(id))).toEqual([])
      await release()
      await poll(ids).toEqual(want)
      // Blocks below the fold came after that frame, by the rest (a refresh before it leaves them to it).
      const after = await page.evaluate(
        (painted) => [...(window as unknown as Page_).__added.values()].filter((t) => t > painted).length,
        painted,
      )
      expect(after).toBeGreaterThan(0)
    } finally {
      await page.evaluate(() => {
        const w = window as unknown as Page_
        w.__hold = false
        while (w.__held.length > 0) w.__held.shift()!()
      })
      await page.setViewportSize({ width: 1440, height: 900 })
      await h.open(`#/day/${h.today}`)
    }
  })

  it('a reload draws each block once, with the text its column has room for, and what is off screen after the first frame', async () => {
    // Background tasks held from the page's start this time (the same wrapper as above, unless it is there); a
    // block whose room changes after it was drawn (short name → whole name) has its class rewritten: counted.
    await h.context.addInitScript({
      content: `(() => {
        const real = window.scheduler && window.scheduler.postTask && window.scheduler.postTask.bind(window.scheduler)
        if (real && !window.__held) {
          window.__held = []
          window.scheduler.postTask = (fn, o) =>
            window.__hold && o && o.priority === 'background' ? new Promise((ok) => window.__held.push(() => ok(fn()))) : real(fn, o)
        }
        window.__hold = sessionStorage.getItem('sp-hold') === '1'
        window.__flips = 0
        new MutationObserver((records) => {
          for (const r of records)
            if (r.target.classList && r.target.classList.contains('blk') && /blk--narrow/.test(r.oldValue || '') !== r.target.classList.contains('blk--narrow'))
              window.__flips++
        }).observe(document, { subtree: true, attributes: true, attributeFilter: ['class'], attributeOldValue: true })
        // When each block first came into the page (a refresh landing after the frame may draw the rest sooner).
        window.__addedAt = new Map()
        new MutationObserver((records) => {
          const at = performance.now()
          for (const r of records)
            for (const n of r.addedNodes)
              if (n.classList && n.classList.contains('blk') && !window.__addedAt.has(n.dataset.id)) window.__addedAt.set(n.dataset.id, at)
        }).observe(document, { childList: true, subtree: true })
      })()`,
    })
    type Page_ = {
      __agendaPerf?: { painted?: number; shown?: number }
      __hold: boolean
      __held: Array<() => void>
      __flips: number
      __addedAt: Map<string, number>
    }
    const ids = () => page.locator('.blk').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!).sort())
    /** Once the open's frame is painted: the blocks that came into the page before it (read in the page, so a later refresh does not count). */
    const drawnByPaint = async () => {
      await poll(() => page.evaluate(() => (window as unknown as Page_).__agendaPerf?.painted !== undefined)).toBe(true)
      return page.evaluate(() => {
        const w = window as unknown as Page_
        return [...w.__addedAt.values()].filter((t) => t <= w.__agendaPerf!.painted!).length
      })
    }
    await page.setViewportSize({ width: 1600, height: 800 })
    const want = (await day()).map((a) => String(a.id)).sort()
    // The day seen and kept in the cache, so that the reload opens it from there.
    await h.open(`#/day/${h.today}`)
    await poll(ids).toEqual(want)
    const cached = (d: string) =>
      page.evaluate(
        (d) =>
          new Promise<boolean>((ok) => {
            const open = indexedDB.open('sportello')
            open.onsuccess = () => {
              const r = open.result.transaction('meta').objectStore('meta').get(`day:${d}`)
              r.onsuccess = () => (open.result.close(), ok(!!r.result))
            }
          }),
        d,
      )
    await poll(() => cached(h.today)).toBe(true)
    await page.evaluate(() => sessionStorage.setItem('sp-hold', '1'))
    try {
      await page.reload()
      const first = await drawnByPaint()
      expect(await page.evaluate(() => (window as unknown as Page_).__agendaPerf!.shown)).toBe(want.length)
      expect(first).toBeGreaterThan(0)
      // Measuring the columns before the first blocks did not make the grid draw the whole day at once.
      expect(first).toBeLessThan(want.length)
      await page.evaluate(() => {
        const w = window as unknown as Page_
        w.__hold = false
        while (w.__held.length > 0) w.__held.shift()!()
      })
      await poll(ids).toEqual(want)
      await waitNamesLoaded()
      // These columns have room for whole names: drawn so from the start, never drawn short and then redrawn.
      expect(await page.locator('.blk:not(.blk--narrow)').count()).toBeGreaterThan(0)
      expect(await page.evaluate(() => (window as unknown as Page_).__flips)).toBe(0)
      // A narrower window: the blocks follow (short names), once.
      await page.setViewportSize({ width: 1000, height: 800 })
      await poll(() => page.locator('.blk.blk--narrow').count()).toBe(want.length)
      // Back to the agenda from another screen: the grid comes with the day already known, measures its columns
      // and draws once; the rest still waits for its task.
      await page.setViewportSize({ width: 1600, height: 800 })
      await h.open('#/patients')
      await poll(() => page.locator('.blk').count()).toBe(0)
      await page.evaluate(() => {
        const w = window as unknown as Page_
        w.__flips = 0
        w.__hold = true
        w.__addedAt.clear()
        w.__agendaPerf = undefined
      })
      await h.open(`#/day/${h.today}`)
      const back = await drawnByPaint()
      expect(back).toBeGreaterThan(0)
      expect(back).toBeLessThan(want.length)
      expect(await page.locator('.blk:not(.blk--narrow)').count()).toBeGreaterThan(0)
      await page.evaluate(() => {
        const w = window as unknown as Page_
        w.__hold = false
        while (w.__held.length > 0) w.__held.shift()!()
      })
      await poll(ids).toEqual(want)
      expect(await page.evaluate(() => (window as unknown as Page_).__flips)).toBe(0)
    } finally {
      await page.evaluate(() => {
        sessionStorage.removeItem('sp-hold')
        const w = window as unknown as Page_
        w.__hold = false
        while (w.__held.length > 0) w.__held.shift()!()
      })
      await page.setViewportSize({ width: 1440, height: 900 })
      await h.open(`#/day/${h.today}`)
    }
  })

  it('renders every live chair and every appointment of the day, in its color', async () => {
    const appts = await day()
    const live = ref.chairs.filter((c) => !c.deleted)
    await page.locator('[data-test="chair-name"]').first().waitFor()
    const names = await page.locator('[data-test="chair-name"]').allInnerTexts()
    for (const c of live) expect(names).toContain(c.name)
    expect(names.some((n) => n.includes('dismessa'))).toBe(false)
    await poll(() => page.locator('[data-test^="appointment-"]').count()).toBe(appts.length)
    await waitNamesLoaded()
    const colors = new Map(ref.colors.map((c) => [c.id, c]))
    const timed = appts.filter((a) => !a.allDay && a.colorId != null)
    for (const a of timed.slice(0, 25)) {
      const style = await block(a.id).evaluate((el) => ({
        bg: getComputedStyle(el).backgroundColor,
        fg: getComputedStyle(el).color,
        edge: getComputedStyle(el).getPropertyValue('--edge'),
      }))
      // The practice colour, pale for a finished appointment (its colour then on the edge); the text by contrast.
      const c = colors.get(a.colorId!)!
      const painted = blockColors(c.backgroundColor, c.textColor, a.state)
      expect(style.bg).toBe(hexToRgb(painted.background.slice(1)))
      expect(style.fg).toBe(hexToRgb(painted.text.slice(1)))
      if (painted.background !== `#${c.backgroundColor}`) expect(style.edge).toBe(`#${c.backgroundColor}`)
      const w = parseWall(a.date)!
      // The whole range where the block has room for it (alone in a wide column), else the start.
      const time = block(a.id).locator('[data-test="appt-time"]')
      const range = `${hhmm(w.minutes)}–${hhmm(w.minutes + a.duration)}`
      expect([range, hhmm(w.minutes)]).toContain((await time.textContent())?.trim())
      expect((await time.innerText()).startsWith(hhmm(w.minutes))).toBe(true)
    }
    expect(await page.locator('[data-test="now-line"]').count()).toBe(1)
    await h.screenshot('agenda-01-day')
  })

  // ---- helpers for pointer work --------------------------------------------------------------------
  const PX15 = 44 // zoom 2 × 22 px
  const START = 8 * 60
  async function scrollGridTo(minutes: number) {
    await page.locator('[data-test="agenda-grid"]').evaluate((el, top) => (el.scrollTop = top), ((minutes - START) / 15) * PX15)
    await page.mouse.move(5, 5)
  }
  async function pointAt(chairId: number, minutes: number) {
    const cols = (await page.locator('.ag__cols').boundingBox())!
    const head = (await page.locator(`[data-test="col-chair-${chairId}"]`).boundingBox())!
    return { x: head.x + head.width / 2, y: cols.y + ((minutes - START) / 15) * PX15 }
  }
  /** A dialog that is still fading out would catch the pointer or the keyboard. */
  const noModal = () => poll(() => page.locator('.n-modal-mask, .n-dialog').count()).toBe(0)
  async function drag(from: { x: number; y: number }, to: { x: number; y: number }) {
    await noModal()
    await page.mouse.move(from.x, from.y)
    await page.mouse.down()
    await page.mouse.move(from.x + (to.x - from.x) / 2, from.y + (to.y - from.y) / 2, { steps: 5 })
    await page.mouse.move(to.x, to.y, { steps: 5 })
    await page.mouse.up()
  }
  /** With the grid at 19:00, drags a block by a point near its top left onto a chair at a time; where the block was. */
  async function dragEveningBlock(id: number, chairId: number, minutes: number) {
    await scrollGridTo(19 * 60)
    const box = (await block(id).boundingBox())!
    const target = await pointAt(chairId, minutes)
    await drag({ x: box.x + 12, y: box.y + 8 }, { x: target.x, y: target.y + 8 })
    return box
  }
  const live = () => ref.chairs.filter((c) => !c.deleted)
  /** A movable appointment starting between from and to (minutes) in a chair. */
  async function pick(chairId: number, from: number, to: number) {
    return (await day()).find((a) => {
      const m = parseWall(a.date)!.minutes
      return a.chairId === chairId && !a.allDay && a.state === 'confirmed' && m >= from && m <= to && a.duration <= 45
    })!
  }

  it('one click on the state mark moves confirmed → waiting in the sandbox', async () => {
    const a = (await day()).find((x) => x.state === 'confirmed' && x.patientId != null && !x.allDay)!
    await scrollGridTo(parseWall(a.date)!.minutes - 30)
    await block(a.id).locator('[data-test="appt-state"]').click()
    await poll(async () => (await one(a.id))?.state).toBe('waiting')
    await poll(() => block(a.id).getAttribute('data-state')).toBe('waiting')
    await page.locator(`[data-test="waiting-${a.id}"]`).waitFor()
    await block(a.id).locator('[data-test="appt-state"]').click()
    await poll(async () => (await one(a.id))?.state).toBe('in_care')
    expect(await page.locator(`[data-test="waiting-${a.id}"]`).count()).toBe(0)
  })

  it('the menu marks absent and cancelled: they stay visible, struck through or striped', async () => {
    const list = (await day()).filter((x) => x.state === 'confirmed' && x.patientId != null && !x.allDay)
    const [a, b] = [list[1]!, list[2]!]
    for (const [x, state, label] of [
      [a, 'absent', 'Assente'],
      [b, 'cancelled', 'Disdetto'],
    ] as const) {
      await scrollGridTo(parseWall(x.date)!.minutes - 30)
      await block(x.id).click({ button: 'right', position: { x: 10, y: 24 } })
      await page.locator('.n-dropdown-option').getByText(label, { exact: true }).click()
      await poll(async () => (await one(x.id))?.state).toBe(state)
      await poll(() => block(x.id).getAttribute('data-state')).toBe(state)
    }
    expect(
      await block(b.id)
        .locator('[data-test="appt-patient"]')
        .evaluate((el) => getComputedStyle(el).textDecorationLine),
    ).toBe('line-through')
    // Marked by stripes and a pale background, never faded (the text keeps its contrast).
    const absent = await block(a.id).evaluate((el) => ({
      opacity: getComputedStyle(el).opacity,
      image: getComputedStyle(el).backgroundImage,
    }))
    expect(absent.opacity).toBe('1')
    expect(absent.image).toContain('repeating-linear-gradient')
    await h.screenshot('agenda-02-states')
  })

  it('a menu opened while the last one still fades out stays open, and its choice applies', async () => {
    // The race behind a flake on busy machines: the release of the right-click that opens the menu was taken
    // for a click outside it by the fading menu's trap, closing the new menu (a click on a closing menu is
    // ignored). Synthetic events in one task make the overlap certain instead of a matter of load.
    const list = (await day()).filter(
      (x) => x.state === 'confirmed' && x.patientId != null && !x.allDay && parseWall(x.date)!.minutes >= 9 * 60,
    )
    const [a, b] = [list[0]!, list[1]!]
    await scrollGridTo(parseWall(a.date)!.minutes - 30)
    await block(a.id).click({ button: 'right', position: { x: 10, y: 24 } })
    await page.locator('.n-dropdown-option').getByText('Assente', { exact: true }).waitFor()
    const shown = await page.evaluate(async (id) => {
      const task = () => new Promise((ok) => setTimeout(ok, 0))
      const option = [...document.querySelectorAll<HTMLElement>('.n-dropdown-option-body')].find(
        (el) => el.textContent?.trim() === 'Assente',
      )!
      option.dispatchEvent(new MouseEvent('click', { bubbles: true }))
      await task()
      const el = document.querySelector<HTMLElement>(`.blk[data-id="${id}"]`)!
      el.scrollIntoView({ block: 'center' })
      const r = el.getBoundingClientRect()
      const at = { bubbles: true, cancelable: true, clientX: r.left + 10, clientY: r.top + 12, button: 2, buttons: 2 }
      el.dispatchEvent(new MouseEvent('mousedown', at))
      el.dispatchEvent(new MouseEvent('contextmenu', at))
      await task()
      el.dispatchEvent(new MouseEvent('mouseup', { ...at, buttons: 0 }))
      await new Promise((ok) => setTimeout(ok, 500))
      return [...document.querySelectorAll<HTMLElement>('.n-dropdown-menu')].filter((m) => m.offsetParent !== null).length
    }, b.id)
    expect(shown).toBe(1)
    await poll(async () => (await one(a.id))?.state).toBe('absent')
    await page.locator('.n-dropdown-option').getByText('Disdetto', { exact: true }).click()
    await poll(async () => (await one(b.id))?.state).toBe('cancelled')
    await poll(() => block(b.id).getAttribute('data-state')).toBe('cancelled')
  })

  it('books from an empty slot (new patient inline): the block appears and the sandbox has it', async () => {
    const chair = live()[2]!
    await scrollGridTo(19 * 60)
    const p = await pointAt(chair.id, 19 * 60 + 30 + 5)
    await noModal()
    await page.mouse.click(p.x, p.y)
    const dlg = page.locator('[data-test="booking-dialog"]')
    await dlg.waitFor()
    expect(await dlg.locator('[data-test="booking-time"] input').inputValue()).toBe('19:30')
    await dlg.locator('[data-test="new-patient-switch"]').click()
    await dlg.locator('[data-test="np-last"] input').fill('Zanardi')
    await dlg.locator('[data-test="np-first"] input').fill('Ottone')
    await dlg.locator('[data-test="np-phone"] input').fill('333 765 4321')
    await dlg.locator('[data-test="booking-description"] input').fill('Prima visita')
    await h.screenshot('agenda-03-booking')
    await dlg.locator('[data-test="booking-save"]').click()
    let created: Appointment | undefined
    await poll(async () => {
      created = (await day()).find((a) => a.date === `${h.today} 19:30:00` && a.chairId === chair.id)
      return created?.description
    }).toBe('Prima visita')
    expect(created!.duration).toBe(30)
    const patient = (await h.invoke('patientsByIds', { ids: [created!.patientId!] }))[0]!
    expect(`${patient.lastName} ${patient.firstName}`).toBe('Zanardi Ottone')
    await poll(() => block(created!.id).locator('[data-test="appt-patient"]').innerText()).toBe('Zanardi Ottone')
  })

  let moved: Appointment
  it('drags a block to another chair and time, then resizes it: the sandbox follows', async () => {
    const [c1, c2] = [live()[0]!, live()[1]!]
    const a = await pick(c1.id, 17 * 60, 18 * 60 + 30)
    await scrollGridTo(17 * 60)
    const box = (await block(a.id).boundingBox())!
    const grab = { x: box.x + 12, y: box.y + box.height / 2 }
    const target = await pointAt(c2.id, 19 * 60 + 10)
    await drag(grab, { x: target.x, y: target.y + (grab.y - box.y) })
    await poll(async () => (await one(a.id))?.date).toBe(`${h.today} 19:10:00`)
    moved = (await one(a.id))!
    expect(moved.chairId).toBe(c2.id)
    expect(moved.duration).toBe(a.duration)
    // The block sits in the second column now.
    const head = (await page.locator(`[data-test="col-chair-${c2.id}"]`).boundingBox())!
    const nb = (await block(a.id).boundingBox())!
    expect(nb.x).toBeGreaterThanOrEqual(head.x - 1)
    expect(nb.x).toBeLessThan(head.x + head.width)

    // Resize: pull the bottom edge down by half an hour.
    await drag({ x: nb.x + nb.width / 2, y: nb.y + nb.height - 3 }, { x: nb.x + nb.width / 2, y: nb.y + nb.height - 3 + 2 * PX15 })
    await poll(async () => (await one(a.id))?.duration).toBe(a.duration + 30)
    moved = (await one(a.id))!
    await h.screenshot('agenda-04-moved-resized')

    // Ctrl+Z undoes the last change (the resize).
    await page.keyboard.press('Control+z')
    await poll(async () => (await one(a.id))?.duration).toBe(a.duration)
    moved = (await one(a.id))!
  })

  it('a move AlfaDocs refuses is rolled back with a clear message', async () => {
    h.sandbox().faults.failNext('appointmentUpdate', 1, { status: 400, body: { error: 'Poltrona non disponibile' } })
    const box = await dragEveningBlock(moved.id, live()[3]!.id, 19 * 60 + 20)
    await page.locator('.n-message').filter({ hasText: 'AlfaDocs non ha accettato' }).waitFor()
    await h.screenshot('agenda-05-refused')
    expect((await one(moved.id))!.date).toBe(moved.date)
    await poll(async () => Math.round((await block(moved.id).boundingBox())!.x)).toBe(Math.round(box.x))
  })

  it('warns before moving onto a busy chair, and moving nothing when the desk says no', async () => {
    const c1 = live()[0]!
    const busy = (await day()).find(
      (a) => a.chairId === c1.id && !a.allDay && a.state !== 'cancelled' && a.state !== 'absent' && parseWall(a.date)!.minutes >= 18 * 60,
    )!
    await dragEveningBlock(moved.id, c1.id, parseWall(busy.date)!.minutes)
    const dlg = page.locator('.n-dialog')
    await dlg.waitFor()
    expect(await dlg.innerText()).toContain('già occupata')
    await h.screenshot('agenda-06-clash')
    await dlg.getByRole('button', { name: 'Annulla' }).click()
    await dlg.waitFor({ state: 'detached' })
    expect((await one(moved.id))!.date).toBe(moved.date)
  })

  it('shows what another desk changed before overwriting it, and keeps theirs on request', async () => {
    const sbA = h.sandbox().state.appointments.find((x) => x.id === moved.id)!
    sbA.description = 'Cambiato da un’altra postazione'
    await dragEveningBlock(moved.id, live()[4]!.id, 19 * 60 + 40)
    const dlg = page.locator('.n-dialog')
    await dlg.waitFor()
    expect(await dlg.innerText()).toContain('Cambiato da un’altra postazione')
    await h.screenshot('agenda-07-conflict')
    await dlg.getByRole('button', { name: 'Tieni la loro versione' }).click()
    expect((await one(moved.id))!.date).toBe(moved.date)
    await poll(() => block(moved.id).locator('.blk__desc').innerText()).toContain('Cambiato')
  })

  it('books from the free-slot finder, prefilled', async () => {
    await page.locator('[data-test="find-slot"]').click()
    const finder = page.locator('[data-test="slot-finder"]')
    await finder.waitFor()
    await finder.locator('[data-test="slot-search"]').click()
    const first = finder.locator('.fs__slot').first()
    await first.waitFor()
    const testId = (await first.getAttribute('data-test'))!
    const [, date, time, chair] = /^slot-(\d{4}-\d{2}-\d{2})-(\d{2}:\d{2})-(\d+)$/.exec(testId)!
    await h.screenshot('agenda-08-slots')
    await first.click()
    const dlg = page.locator('[data-test="booking-dialog"]')
    await dlg.waitFor()
    expect(await dlg.locator('[data-test="booking-time"] input').inputValue()).toBe(time)
    await dlg.locator('[data-test="booking-description"] input').fill('Controllo dal cercaposto')
    await dlg.locator('[data-test="booking-save"]').click()
    // Until it lands, what the dialog and the messages say (a failure then reads why, not only "false").
    const said = async () =>
      `${(await dlg.isVisible()) ? await dlg.innerText() : 'dialog closed'} | ${(await page.locator('.n-message').allInnerTexts()).join(' / ')}`
    await poll(async () => {
      const list = await h.invoke('appointmentsRange', { from: date!, to: date! })
      return (
        list.some((a) => a.description === 'Controllo dal cercaposto' && a.date === `${date} ${time}:00` && a.chairId === Number(chair)) ||
        (await said())
      )
    }).toBe(true)
  })

  it('Ctrl+K checks a patient in from the keyboard, and the waiting room counts the minutes', async () => {
    const list = (await day()).filter((a) => a.state === 'confirmed' && a.patientId != null && !a.allDay)
    const a = list[list.length - 1]!
    const p = (await h.invoke('patientsByIds', { ids: [a.patientId!] }))[0]!
    await noModal()
    await page.mouse.click(5, 400)
    await page.keyboard.press('Control+k')
    const pal = page.locator('[data-test="palette"]')
    await pal.waitFor()
    await pal.locator('input').fill(`${p.lastName.slice(0, 4)} ${p.firstName.slice(0, 3)}`)
    await pal.locator(`[data-test="palette-item-${a.id}"]`).waitFor()
    await h.screenshot('agenda-09-palette')
    // Pick it with the arrow keys if it is not the first match.
    const items = await pal.locator('[data-test^="palette-item-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-test')))
    for (let i = 0; i < items.indexOf(`palette-item-${a.id}`); i++) await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await poll(async () => (await one(a.id))?.state).toBe('waiting')
    const row = page.locator(`[data-test="waiting-${a.id}"]`)
    await row.waitFor()
    await poll(() => row.locator('[data-test="waited"]').innerText()).toBe('da 0 min')
    expect(await row.getAttribute('class')).not.toContain('wr__row--warn')

    // Twenty minutes later (the page's clock) the row shows it and turns to the warning color.
    await h.context.clock.setFixedTime(new Date(Date.parse(`${h.today}T08:00:00Z`) + 20 * 60_000))
    await poll(() => row.locator('[data-test="waited"]').innerText()).toBe('da 20 min')
    await poll(() => row.getAttribute('class')).toContain('wr__row--warn')
    await h.screenshot('agenda-10-waiting')
  })

  it('shows a week for one chair: seven days, only that chair’s appointments', async () => {
    const chair = live()[1]!
    await noModal()
    await page.locator('[data-test="view-week"]').click()
    await page.locator('[data-test="col-day-2026-03-09"]').waitFor()
    expect(await page.locator('[data-test="chair-name"]').count()).toBe(7)
    const week = await h.invoke('appointmentsRange', { from: '2026-03-09', to: '2026-03-15' })
    const first = live()[0]!
    // The week opens on the first chair; switch to the second one.
    await poll(() => page.locator('.blk').count()).toBe(week.filter((a) => a.chairId === first.id && !a.allDay).length)
    await page.locator('[data-test="week-chair"]').click()
    await page.locator('.n-base-select-option').getByText(chair.name, { exact: true }).click()
    const mine = week.filter((a) => a.chairId === chair.id && !a.allDay)
    await poll(() => page.locator('.blk').count()).toBe(mine.length)
    await h.screenshot('agenda-11-week')
    await page.locator('[data-test="view-day"]').click()
    await page.locator(`[data-test="col-chair-${chair.id}"]`).waitFor()
  })

  it('hovering shows the phone numbers, and the privacy switch hides them', async () => {
    await noModal()
    const a = (await day()).find((x) => x.patientId != null && !x.allDay && x.state === 'confirmed')!
    const p = (await h.invoke('patientsByIds', { ids: [a.patientId!] }))[0]!
    await scrollGridTo(parseWall(a.date)!.minutes - 30)
    await block(a.id).locator('[data-test="appt-patient"]').hover()
    const card = page.locator('[data-test="hover-card"]')
    await card.waitFor()
    if (p.phoneNumbers.length > 0)
      expect(await card.locator('[data-test="hover-phone"]').first().innerText()).toContain(p.phoneNumbers[0]!.number)
    await page.mouse.move(5, 5)
    await page.locator('[data-test="privacy"]').click()
    await block(a.id).locator('[data-test="appt-patient"]').hover()
    await card.locator('[data-test="hover-hidden"]').waitFor()
    expect(await card.locator('[data-test="hover-phone"]').count()).toBe(0)
    await page.mouse.move(5, 5)
    await page.locator('[data-test="privacy"]').click()
  })

  it("at 1366×768 the hover card of the day's lowest block is wholly on screen, beside the block", async () => {
    await noModal()
    const before = page.viewportSize()!
    await page.setViewportSize({ width: 1366, height: 768 })
    try {
      const timed = (await day()).filter((x) => x.patientId != null && !x.allDay)
      const last = timed.reduce((a, b) => (parseWall(b.date)!.minutes + b.duration > parseWall(a.date)!.minutes + a.duration ? b : a))
      await scrollGridTo(parseWall(last.date)!.minutes + last.duration + 120)
      const card = page.locator('[data-test="hover-card"]')
      // The last test's card first goes (it outlives its block by a moment).
      await poll(() => card.count()).toBe(0)
      await block(last.id).locator('[data-test="appt-patient"]').hover()
      await poll(() => card.getAttribute('data-id')).toBe(String(last.id))
      const box = (await card.boundingBox())!
      const b = (await block(last.id).boundingBox())!
      expect(box.y).toBeGreaterThanOrEqual(0)
      expect(box.y + box.height).toBeLessThanOrEqual(768)
      expect(box.x).toBeGreaterThanOrEqual(0)
      expect(box.x + box.width).toBeLessThanOrEqual(1366)
      expect(box.x >= b.x + b.width || box.x + box.width <= b.x).toBe(true)
      await h.screenshot('agenda-hover-lowest-1366x768')
      // The card can be reached from the block (in one move: the way across the grid has its own timing): the pointer on it keeps it open.
      await page.mouse.move(box.x + box.width / 2, box.y + 12)
      await page.waitForTimeout(400) // past the 250 ms the card outlives the block it was for
      await card.waitFor()
      expect(await card.boundingBox()).toEqual(box)
    } finally {
      await page.mouse.move(5, 5)
      await page.setViewportSize(before)
    }
  })

  it('moves through days with the keyboard (→, ←, T) and opens an appointment to edit with a click', async () => {
    await noModal()
    await page.mouse.click(5, 400)
    await page.keyboard.press('ArrowRight')
    await page.waitForURL(new RegExp(`#/day/${addDaysIso(h.today, 1)}$`))
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('ArrowLeft')
    await page.waitForURL(new RegExp(`#/day/${addDaysIso(h.today, -1)}$`))
    await page.keyboard.press('t')
    await page.waitForURL(new RegExp(`#/day/${h.today}$`))
    const a = (await day()).find((x) => x.patientId != null && !x.allDay && x.state === 'confirmed')!
    await scrollGridTo(parseWall(a.date)!.minutes - 30)
    await block(a.id).locator('[data-test="appt-patient"]').click()
    const dlg = page.locator('[data-test="booking-dialog"]')
    await dlg.waitFor()
    expect(await dlg.locator('[data-test="booking-time"] input').inputValue()).toBe(hhmm(parseWall(a.date)!.minutes))
    await dlg.locator('[data-test="booking-description"] input').fill('Modificato dal dialogo')
    await dlg.locator('[data-test="booking-save"]').click()
    await poll(async () => (await one(a.id))?.description).toBe('Modificato dal dialogo')
  })

  it('exports the day as CSV with the same content as npm run day-sheet', async () => {
    await noModal()
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="csv"]').click()])
    const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\ufeff/, '')
    const appts = await day()
    const refNow = await h.invoke('referenceData')
    const ids = [...new Set(appts.map((a) => a.patientId).filter((x): x is number => x != null))]
    const patients = await h.invoke('patientsByIds', { ids })
    const sheet = buildDaySheet({
      date: h.today,
      chairs: refNow.chairs,
      operators: refNow.operators as never,
      appointments: appts,
      patients: new Map(patients.map((p) => [p.id, p])),
      noChairName: 'Senza poltrona',
    })
    expect(csv).toBe(formatDaySheetCsv(sheet))
  })
})
