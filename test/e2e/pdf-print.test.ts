import { readFile } from 'node:fs/promises'
import type { Locator } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Patient } from '../../shared/alfadocs/schemas'
import { damagedPdf, passwordPdf, pdfWithPages } from '../support/pdf-fixtures'
import { findChromium, startHarness, type Harness } from './harness'

// PDFs drawn by pdf.js in the page under its CSP (worker from 'self'): thumbnails, the viewer with previous and
// next, a damaged and a locked PDF saying so; the print preview of the day sheet (main's printToPDF, here
// Chromium's page.pdf()) with Stampa and Salva PDF. Screenshots at 1366×768 and 1920×1080.

const chromiumPath = findChromium()
const SHOTS = process.env.SHOTS_DIR

/** Pixels of a canvas that are neither white nor transparent (a drawn page has its band and text). */
const inkedPixels = (canvas: Locator) =>
  canvas.evaluate((c) => {
    const el = c as HTMLCanvasElement
    const d = el.getContext('2d')!.getImageData(0, 0, el.width, el.height).data
    let n = 0
    for (let i = 0; i < d.length; i += 4) if (d[i + 3]! > 0 && (d[i]! < 240 || d[i + 1]! < 240 || d[i + 2]! < 240)) n++
    return n
  })

describe.skipIf(!chromiumPath)('PDFs and the print preview in Chromium', () => {
  let h: Harness
  let patient: Patient
  // Uploaded in this order, listed newest first (the same second told apart by id): referto-rosso heads the list.
  const files = [
    ['preventivo-blu.pdf', pdfWithPages([{ rgb: [0.1, 0.2, 0.85], text: 'Preventivo' }])],
    ['rovinato.pdf', damagedPdf()],
    ['protetto.pdf', passwordPdf()],
    [
      'referto-rosso.pdf',
      pdfWithPages([
        { rgb: [0.85, 0.1, 0.1], text: 'Referto pagina 1' },
        { rgb: [0.1, 0.6, 0.2], text: 'Pagina 2' },
      ]),
    ],
  ] as const
  const shot = async (name: string) => {
    await h.screenshot(name)
    if (SHOTS) await h.page.screenshot({ path: `${SHOTS}/${name}.png` })
  }

  beforeAll(async () => {
    h = await startHarness(chromiumPath!)
    await h.invoke('sessionConnectDemo')
    patient = (await h.invoke('patientsSearch', { text: 'c', limit: 1 })).results[0]!
    for (const [i, [name, bytes]] of files.entries()) {
      const base = { uploadId: `pdf-e2e-${i}-0000`, patientId: patient.id, name, type: 'text' as const, folderName: 'Documenti' }
      await h.invoke('documentsUploadBytes', { ...base, base64: bytes.toString('base64') })
    }
  })
  afterAll(async () => {
    await h?.close()
  })

  const row = (name: string) => h.page.locator(`[data-test="doc-row"][data-name="${name}"]`)

  it('draws a PDF thumbnail with pdf.js; a damaged one keeps its icon and says why; large thumbnails are remembered', async () => {
    const { page } = h
    await page.setViewportSize({ width: 1366, height: 768 })
    await h.open(`#/patients/${patient.id}?tab=documents`)
    const thumb = row('referto-rosso.pdf').locator('[data-test="thumb-pdf"] canvas')
    await thumb.waitFor()
    await expect.poll(() => inkedPixels(thumb)).toBeGreaterThan(200)
    // What the thumbnail shows until it is the drawn page (its data-test, and the reason it gives).
    const shows = (name: string) =>
      row(name)
        .locator('.thumb')
        .evaluate((e) => `${e.getAttribute('data-test')} ${e.getAttribute('title') ?? ''}`.trim())
    await expect.poll(() => shows('preventivo-blu.pdf'), { timeout: 30_000 }).toBe('thumb-pdf')
    for (const name of ['rovinato.pdf', 'protetto.pdf']) {
      await row(name).locator('[data-test="thumb-problem"]').waitFor()
      expect(await row(name).locator('[data-test="thumb-icon"]').innerText()).toMatch(/^PDF/)
    }
    expect(await row('rovinato.pdf').locator('[data-test="thumb-icon"]').getAttribute('title')).toMatch(/danneggiato/)
    expect(await row('protetto.pdf').locator('[data-test="thumb-icon"]').getAttribute('title')).toMatch(/protetto da password/)
    await shot('pdf-01-thumbnails-1366')

    const size = () =>
      row('referto-rosso.pdf')
        .locator('.thumb')
        .evaluate((e) => e.getBoundingClientRect().width)
    expect(await size()).toBe(64)
    await page.locator('[data-test="large-thumbs"]').click()
    await expect.poll(size).toBe(128)
    expect((await h.invoke('settingsGet')).largeThumbnails).toBe(true)
    await page.reload()
    await row('referto-rosso.pdf').locator('[data-test="thumb-pdf"]').waitFor()
    await expect.poll(size).toBe(128)
    await page.setViewportSize({ width: 1920, height: 1080 })
    await shot('pdf-02-large-thumbnails-1920')
  })

  it('the viewer shows the PDF pages, goes to the previous and next document (← →), and says a damaged or locked PDF cannot be shown', async () => {
    const { page } = h
    await page.setViewportSize({ width: 1366, height: 768 })
    const order = await page.locator('[data-test="doc-row"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-name')!))
    expect(order.slice(0, 4)).toEqual(['referto-rosso.pdf', 'protetto.pdf', 'rovinato.pdf', 'preventivo-blu.pdf'])
    await row('referto-rosso.pdf').locator('[data-test="doc-open"]').click()
    const viewer = page.locator('[data-test="doc-viewer"]')
    await expect.poll(() => viewer.locator('[data-test="pdf-view"]').getAttribute('data-drawn')).toBe('2')
    expect(await inkedPixels(viewer.locator('[data-test="pdf-page"]').nth(1))).toBeGreaterThan(200)
    expect(await viewer.locator('[data-test="viewer-position"]').innerText()).toBe(`1 / ${order.length}`)
    await shot('pdf-03-viewer-1366')

    const name = () => viewer.locator('[data-test="viewer-name"]').innerText()
    await page.keyboard.press('ArrowRight')
    await expect.poll(name).toBe('protetto.pdf')
    await page.keyboard.press('ArrowLeft')
    await expect.poll(name).toBe('referto-rosso.pdf')
    // Before the first there is nothing: ← stays, the button is off.
    expect(await viewer.locator('[data-test="viewer-prev"]').isDisabled()).toBe(true)
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('ArrowRight')
    await expect.poll(name).toBe('protetto.pdf')
    await viewer.locator('[data-test="viewer-next"]').click()
    await expect.poll(name).toBe('rovinato.pdf')
    await viewer.locator('[data-test="viewer-prev"]').click()
    await expect.poll(name).toBe('protetto.pdf')

    for (const [key, doc, words] of [
      ['ArrowRight', 'rovinato.pdf', /Il PDF è danneggiato o incompleto/],
      ['ArrowLeft', 'protetto.pdf', /protetto da password/],
    ] as const) {
      await page.keyboard.press(key)
      await expect.poll(name).toBe(doc)
      await expect.poll(() => viewer.locator('[data-test="viewer-error"]').innerText()).toMatch(words)
    }
    await page.setViewportSize({ width: 1920, height: 1080 })
    await shot('pdf-04-viewer-damaged-1920')
    await viewer.locator('[data-test="viewer-close"]').click()
  })

  it('the day sheet opens in a print preview drawn from printToPDF: Stampa prints, Salva PDF writes that PDF', async () => {
    const { page } = h
    await page.setViewportSize({ width: 1366, height: 768 })
    await h.open(`#/day/${h.today}`)
    await page.locator('[data-test="agenda-grid"]').waitFor()
    await page.locator('[data-test="print"]').click()
    await page.locator('.n-dropdown-option-body').first().click()
    const preview = page.locator('[data-test="print-preview"]')
    const first = preview.locator('[data-test="pdf-page"]').first()
    await first.waitFor()
    await expect.poll(() => inkedPixels(first)).toBeGreaterThan(500)
    // One page per chair: as many pages as the day's chairs with appointments, at least.
    expect(Number(await preview.locator('[data-test="pdf-view"]').getAttribute('data-pages'))).toBeGreaterThan(1)
    expect(await preview.locator('[data-test="print-preview-title"]').innerText()).toMatch(/Foglio del giorno/)
    // Cut at 1366 px by the toolbar: whole on hover.
    expect(await preview.locator('[data-test="print-preview-title"]').getAttribute('title')).toMatch(/Foglio del giorno/)
    // Every patient of the day is printed by name: the sheet waits for a refresh still reading them ('—' is a blocked time).
    const blocked = h.sandbox().state.appointments.filter((a) => a.date.startsWith(h.today) && a.patientId == null).length
    const names = await page.locator('.ps__name').allInnerTexts()
    expect(names.length).toBeGreaterThan(blocked)
    expect(names.filter((n) => n.trim() === '—').length).toBeLessThanOrEqual(blocked)
    await shot('pdf-05-print-preview-1366')

    // The agenda's ← is not for the day under the preview: it is the day being printed.
    await page.keyboard.press('ArrowLeft')
    await preview.locator('[data-test="print-preview-print"]').click()
    await expect.poll(() => h.printing.printed).toBe(1)
    expect(page.url()).toContain(`#/day/${h.today}`)
    await preview.locator('[data-test="print-notice"]').waitFor()
    await preview.locator('[data-test="print-preview-save"]').click()
    await expect.poll(() => h.printing.saved.length).toBe(1)
    expect(h.printing.saved[0]).toMatch(new RegExp(`foglio-del-giorno-${h.today}\\.pdf$`))
    await expect.poll(() => preview.locator('[data-test="print-notice"]').innerText()).toBe('PDF salvato.')
    expect((await readFile(h.printing.saved[0]!)).subarray(0, 5).toString()).toBe('%PDF-')
    await page.setViewportSize({ width: 1920, height: 1080 })
    await shot('pdf-06-print-preview-1920')
    await page.keyboard.press('Escape')
    await preview.waitFor({ state: 'detached' })
    expect(await page.locator('.print-sheet').count()).toBe(0)
  })

  it("the takings' Anteprima di stampa opens the preview too; no page error, no CSP refusal", async () => {
    const { page } = h
    await h.open(`#/billing/takings/${h.today}`)
    await page.locator('[data-test="takings"]').waitFor()
    expect(await page.locator('[data-test="print-takings"]').innerText()).toBe('Anteprima di stampa')
    await page.locator('[data-test="print-takings"]').click()
    await expect.poll(() => inkedPixels(page.locator('[data-test="print-preview"] [data-test="pdf-page"]').first())).toBeGreaterThan(200)
    await shot('pdf-07-takings-preview-1920')
    await page.locator('[data-test="print-preview-close"]').click()
    expect(h.pageErrors).toEqual([])
  })
})
