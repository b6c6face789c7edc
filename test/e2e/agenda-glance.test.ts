import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { contrastRatio, MIN_TEXT_CONTRAST, over, parseColor, WHITE, type Rgb } from '../../shared/agenda/contrast'
import { CHAIRS, seedGlanceDay, STATES } from './agenda-glance-setup'
import { findChromium, startHarness, type Harness } from './harness'

// The agenda read at a glance at 1366×768: every text on every block at 4.5:1 or more, computed from the
// colours, backgrounds (stripes included) and opacity Chromium rendered; twelve chairs on screen with a
// name and a start time on each block; the states named by a word or the legend; the now-line under the
// blocks' text. One page for all the checks.

const chromiumPath = findChromium()
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000, interval: 100 })

interface TextSample {
  id: number
  state: string
  part: string
  color: string
  /** the painted backgrounds under the text, nearest first: [colour, background-image] per layer */
  layers: Array<{ color: string; image: string }>
  opacity: number
}

/** Every text of every block with what is painted under it (read in the page; judged here). */
const sampleTexts = (page: Page) =>
  page.locator('.blk').evaluateAll((blocks) =>
    blocks.flatMap((b) => {
      const parts = [
        ...b.querySelectorAll<HTMLElement>(
          '[data-test="appt-time"], [data-test="appt-patient"], .blk__desc, [data-test="appt-state"], [data-test="appt-late"]',
        ),
      ]
      return parts.map((el) => {
        const layers: Array<{ color: string; image: string }> = []
        let opacity = 1
        for (let n: HTMLElement | null = el; n; n = n.parentElement) {
          const cs = getComputedStyle(n)
          opacity *= Number(cs.opacity)
          if (n.closest('.blk')) layers.push({ color: cs.backgroundColor, image: cs.backgroundImage })
        }
        return {
          id: Number(b.getAttribute('data-id')),
          state: b.getAttribute('data-state') ?? '',
          part: el.className,
          color: getComputedStyle(el).color,
          layers,
          opacity,
        }
      })
    }),
  )

/** The colours a text can sit on: the nearest opaque layer, with the translucent ones (and stripes) over it. */
function backgroundsOf(s: TextSample): Rgb[] {
  let base: Rgb = WHITE // the grid under the blocks
  const stripes: Rgb[] = []
  for (const l of [...s.layers].reverse()) {
    const c = parseColor(l.color)
    if (c && c.a === 1) stripes.length = 0 // an opaque layer hides what is under it
    if (c && c.a > 0) base = over(c, base)
    for (const m of l.image.matchAll(/rgba?\([^)]*\)/g)) {
      const g = parseColor(m[0])
      if (g && g.a > 0) stripes.push(over(g, base))
    }
  }
  return [base, ...stripes]
}

function ratioOf(s: TextSample): number {
  const fg = parseColor(s.color)!
  // A faded element paints both its text and its background over the white grid at its opacity.
  const fade = (c: Rgb) => over({ ...c, a: s.opacity }, WHITE)
  return Math.min(...backgroundsOf(s).map((bg) => contrastRatio(fade(over(fg, bg)), fade(bg))))
}

describe.skipIf(!chromiumPath)('agenda at a glance (1366×768)', () => {
  let h: Harness
  let page: Page
  let seeded: { nowBlock: number; ids: number[] }

  const grid = () => page.locator('[data-test="agenda-grid"]')
  /** Blocks on screen, each with its patient's name (none still "Caricamento…"). */
  const namesLoaded = () =>
    poll(() => page.locator('.blk').evaluateAll((bs) => bs.length > 0 && bs.every((b) => !b.querySelector('.appt__loading')))).toBe(true)
  const shot = (name: string) => h.screenshot(`agenda-glance-${name}`)

  beforeAll(async () => {
    h = await startHarness(chromiumPath!)
    page = h.page
    await page.setViewportSize({ width: 1366, height: 768 })
    await h.invoke('sessionConnectDemo')
    await h.open('#/day')
    await grid().waitFor()
  })
  afterAll(async () => {
    await h?.close()
  })

  it('the demo day fits: five chairs and "Senza poltrona" on screen beside the waiting room', async () => {
    await namesLoaded()
    const g = (await grid().boundingBox())!
    const last = (await page.locator('[data-test="col-no-chair"]').boundingBox())!
    expect(last.x + last.width).toBeLessThanOrEqual(g.x + g.width + 0.5)
    expect(
      await page.locator('[data-test="col-no-chair"] [data-test="chair-name"]').evaluate((el) => el.scrollWidth <= el.clientWidth),
    ).toBe(true)
    expect(await grid().evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
    const side = (await page.locator('.agv__side').boundingBox())!
    expect(side.x + side.width).toBeLessThanOrEqual(1366)
    await shot('1366-demo')
  })

  it('every text on every block reads at 4.5:1 or more, in every state and demo colour, from the rendered colours', async () => {
    seeded = seedGlanceDay(h.sandbox().state, h.today)
    await page.reload()
    await poll(() => page.locator('.blk').count()).toBe(seeded.ids.length)
    await namesLoaded()
    const samples = await sampleTexts(page)
    expect(new Set(samples.map((s) => s.state))).toEqual(new Set(STATES))
    const failing = samples.map((s) => ({ ...s, ratio: ratioOf(s) })).filter((s) => s.ratio < MIN_TEXT_CONTRAST)
    expect(
      failing
        .map((f) => `${f.id} ${f.state} ${f.part}: ${f.ratio.toFixed(2)} ${f.color} ${JSON.stringify(f.layers.slice(0, 2))}`)
        .join('\n'),
    ).toBe('')
    // Finished states are marked, not faded.
    expect(samples.every((s) => s.opacity === 1)).toBe(true)
    // The all-day strip's chips too (none today) and every click target on a block: 24×24 at least.
    const targets = await page
      .locator('.blk, .blk [data-test="appt-state"]')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => Math.min(r.width, r.height)))
    expect(Math.min(...targets)).toBeGreaterThanOrEqual(24)
  })

  it('fit to width: all twelve chairs on screen, each block with surname, initial and start time, no two alike', async () => {
    expect(await grid().getAttribute('data-columns')).toBe('fit')
    const g = (await grid().boundingBox())!
    const heads = await page.locator('[data-test^="col-chair-"]').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right))
    expect(heads).toHaveLength(CHAIRS)
    for (const right of heads) expect(right).toBeLessThanOrEqual(g.x + g.width + 0.5)
    expect(await grid().evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)

    const shown = await page.locator('.blk').evaluateAll((blocks) =>
      blocks.map((b) => {
        const time = b.querySelector<HTMLElement>('[data-test="appt-time"]')!
        const name = b.querySelector<HTMLElement>('[data-test="appt-patient"]')!
        // The name drawn: the short one where the block is narrow, the whole one otherwise (only one is drawn).
        const drawn = [...name.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent!.trim())
        const box = b.getBoundingClientRect()
        const nameBox = name.getBoundingClientRect()
        return {
          id: Number(b.getAttribute('data-id')),
          start: (time.textContent ?? '').split('–')[0]!.trim(),
          endShown: (time.textContent ?? '').includes('–'),
          name: drawn.length === 1 ? drawn[0]! : `${drawn.length} names drawn`,
          // The whole name drawn: no ellipsis, its lines inside the block.
          nameWhole: name.scrollWidth <= name.clientWidth + 1 && nameBox.top + name.scrollHeight <= box.bottom + 1,
          timeInside: time.getBoundingClientRect().bottom <= box.bottom + 1,
          lanes: b.classList.contains('blk--lanes'),
          height: box.height,
        }
      }),
    )
    const sb = h.sandbox().state
    const byId = new Map(sb.appointments.map((a) => [a.id, a]))
    for (const s of shown) {
      const p = sb.patients.find((x) => x.id === byId.get(s.id)!.patientId)!
      expect(s.name.startsWith(`${p.lastName} ${p.firstName.charAt(0)}`), `${s.id}: ${s.name}`).toBe(true)
      expect(s.start).toMatch(/^\d\d:\d\d$/)
    }
    const labels = shown.map((s) => `${s.start} ${s.name}`)
    expect(new Set(labels).size).toBe(labels.length)
    // Two Rossi M.: each as long as tells them apart.
    expect(shown.some((s) => s.name === 'Rossi Ma.') && shown.some((s) => s.name === 'Rossi Mi.')).toBe(true)
    // A single-lane block of 20 minutes or more (58 px at zoom 2) draws all of it.
    const roomy = shown.filter((s) => !s.lanes && s.height >= 58)
    expect(roomy.length).toBeGreaterThan(40)
    expect(
      roomy
        .filter((s) => !s.nameWhole || !s.timeInside)
        .map((s) => `${s.id} ${s.name} ${s.height} ${s.nameWhole} ${s.timeInside}`)
        .join('\n'),
    ).toBe('')
    await shot('1366-fit-12')
  })

  it('states are named: the legend always on screen in both languages, the word on every block wide enough', async () => {
    const legend = page.locator('[data-test="grid-legend"]')
    const words = async () => (await legend.locator('[data-test^="legend-"]').allInnerTexts()).map((w) => w.replace(/^\S+\s+/, ''))
    expect(await words()).toEqual(['Confermato', 'In attesa', 'In poltrona', 'Concluso', 'Assente', 'Disdetto'])
    const box = (await legend.boundingBox())!
    expect(box.y + box.height).toBeLessThanOrEqual(768)
    // Nothing covers it.
    expect(
      await legend.evaluate((el) => {
        const r = el.getBoundingClientRect()
        return el.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2))
      }),
    ).toBe(true)
    await page.locator('[data-test="locale-en"]').click()
    await poll(words).toEqual(['Confirmed', 'Waiting', 'In the chair', 'Done', 'Absent', 'Cancelled'])

    // Wide columns (remembered across a reload): the word beside the start time, never over it or cut.
    await page.locator('[data-test="columns-comfortable"]').click()
    await poll(() => grid().getAttribute('data-columns')).toBe('comfortable')
    await page.reload()
    await poll(() => grid().getAttribute('data-columns')).toBe('comfortable')
    await namesLoaded()
    const pills = await page.locator('.blk').evaluateAll((blocks) =>
      blocks.map((b) => {
        const btn = b.querySelector<HTMLElement>('[data-test="appt-state"]')!
        const time = b.querySelector<HTMLElement>('[data-test="appt-time"]')!
        const range = document.createRange()
        range.selectNodeContents(time)
        const t = range.getBoundingClientRect()
        const r = btn.getBoundingClientRect()
        const box = b.getBoundingClientRect()
        return {
          word: btn.classList.contains('blk__state--word') && /^\S+ \S/.test(btn.textContent!),
          lanes: b.classList.contains('blk--lanes'),
          inside: r.right <= box.right + 0.5 && r.left >= box.left,
          clear: t.right <= r.left + 0.5 || t.top >= r.bottom - 0.5,
        }
      }),
    )
    expect(pills.filter((p) => !p.lanes).every((p) => p.word)).toBe(true)
    expect(pills.every((p) => p.inside && p.clear)).toBe(true)
    // The time column and the chair names stay while the grid scrolls both ways.
    await grid().evaluate((el) => el.scrollTo(600, 300))
    const g = (await grid().boundingBox())!
    const axis = (await page.locator('.ag__axis').boundingBox())!
    const head = (await page.locator('.ag__head').boundingBox())!
    expect(Math.abs(axis.x - g.x)).toBeLessThanOrEqual(1.5)
    expect(Math.abs(head.y - g.y)).toBeLessThanOrEqual(1.5)
    await shot('1366-comfortable-en')
    await page.setViewportSize({ width: 1920, height: 1080 })
    await grid().evaluate((el) => el.scrollTo(0, 0))
    await shot('1920-comfortable-en')
    await page.locator('[data-test="locale-it"]').click()
    await page.locator('[data-test="columns-fit"]').click()
    await poll(() => grid().getAttribute('data-columns')).toBe('fit')
    await shot('1920-fit-12')
    await page.setViewportSize({ width: 1366, height: 768 })
  })

  it('the now-line runs under the blocks: a name on it is the block’s text, and the time column marks it', async () => {
    await grid().evaluate((el) => el.scrollTo(0, 0))
    const line = (await page.locator('[data-test="now-line"]').boundingBox())!
    const mark = (await page.locator('[data-test="now-mark"]').boundingBox())!
    expect(Math.abs(mark.y + mark.height / 2 - (line.y + line.height / 2))).toBeLessThanOrEqual(2)
    const name = (await page.locator(`.blk[data-id="${seeded.nowBlock}"] [data-test="appt-patient"]`).boundingBox())!
    const y = line.y + line.height / 2
    expect(y).toBeGreaterThan(name.y)
    expect(y).toBeLessThan(name.y + name.height)
    // The line lets the pointer through; made hit-testable here, what the point finds is what is painted on top.
    const hits = await page.evaluate(
      ([x, yy]) => {
        const line = document.querySelector<HTMLElement>('[data-test="now-line"]')!
        line.style.pointerEvents = 'auto'
        const on = (px: number) => document.elementFromPoint(px, yy!)
        const el = on(x!)
        const cols = document.querySelector('.ag__cols')!.getBoundingClientRect()
        let seen = false
        for (let px = cols.left + 4; px < cols.right && !seen; px += 6) seen = on(px) === line
        line.style.pointerEvents = ''
        return {
          name: {
            test: el?.closest('[data-test]')?.getAttribute('data-test') ?? null,
            block: el?.closest('.blk')?.getAttribute('data-id') ?? null,
          },
          seen,
        }
      },
      [name.x + Math.min(20, name.width / 2), y],
    )
    expect(hits.name).toEqual({ test: 'appt-patient', block: String(seeded.nowBlock) })
    // Between the blocks the line is there to see.
    expect(hits.seen).toBe(true)
    // The operator week stays legible: seven days on screen, no sideways scroll, names drawn.
    await page.locator('[data-test="view-week"]').click()
    await page.locator('[data-test="week-operator"]').click()
    await page.locator('.n-base-select-option').first().click()
    await poll(() => page.locator('[data-test="chair-name"]').count()).toBe(7)
    await poll(() => page.locator('[data-test="day-unknown"]').count()).toBe(0)
    await namesLoaded()
    expect(await grid().evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
    await shot('1366-operator-week')
  })
})
