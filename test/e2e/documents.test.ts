import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Patient } from '../../shared/alfadocs/schemas'
import { xrayPng } from '../../electron/sandbox/png'
import { findChromium, startHarness, type Harness } from './harness'

// Documents end to end: three files dropped at once on the x-ray area (an image, a PDF, one over the
// limit) → two uploaded with the right types and folders, one refused by name; the list and thumbnails
// show them; what comes back from the download equals what was dropped.

const chromiumPath = findChromium()

describe.skipIf(!chromiumPath)('documents in Chromium', () => {
  let h: Harness
  let patient: Patient
  const png = xrayPng(3)
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')

  beforeAll(async () => {
    h = await startHarness(chromiumPath!)
    await h.invoke('sessionConnectDemo')
    await h.invoke('documentsSettingsSet', { maxUploadMb: 1 })
    patient = (await h.invoke('patientsSearch', { text: 'b', limit: 1 })).results[0]!
  })
  afterAll(async () => {
    await h?.close()
  })

  it('drops three files on the x-ray area: two upload with their types and folders, the big one is refused by name', async () => {
    const { page } = h
    const before = await h.invoke('documentsList', { patientId: patient.id })
    await h.open(`#/patients/${patient.id}?tab=documents`)
    const target = page.locator('[data-test="xray-drop"]')
    await target.waitFor()
    await page.locator('[data-test="doc-list"], [data-test="documents-tab"] .n-empty').first().waitFor()

    const dt = await page.evaluateHandle(
      ([pngB64, pdfB64]) => {
        const bytes = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
        const big = new Uint8Array(2 * 1024 * 1024)
        big.set([0x44, 0x49, 0x43, 0x4d], 128)
        const d = new DataTransfer()
        d.items.add(new File([bytes(pngB64)], 'panoramica-2026.png', { type: 'image/png' }))
        d.items.add(new File([bytes(pdfB64)], 'referto.pdf', { type: 'application/pdf' }))
        d.items.add(new File([big], 'tac-completa.dcm'))
        return d
      },
      [png.toString('base64'), pdf.toString('base64')] as const,
    )
    await target.dispatchEvent('dragenter', { dataTransfer: dt })
    await target.dispatchEvent('dragover', { dataTransfer: dt })
    await page.locator('[data-test="drop-overlay"]').waitFor()
    await h.screenshot('documents-01-dragover')
    await target.dispatchEvent('drop', { dataTransfer: dt })

    const row = (name: string) => page.locator(`[data-test="upload-row"][data-name="${name}"]`)
    await expect.poll(() => row('panoramica-2026.png').getAttribute('data-state'), { timeout: 20_000 }).toBe('done')
    await expect.poll(() => row('referto.pdf').getAttribute('data-state'), { timeout: 20_000 }).toBe('done')
    expect(await row('tac-completa.dcm').getAttribute('data-state')).toBe('refused')
    expect(await row('tac-completa.dcm').locator('[data-test="upload-refusal"]').innerText()).toBe(
      '“tac-completa.dcm” supera il limite di 1 MB',
    )

    // What AlfaDocs (the sandbox) now holds for the patient.
    const after = await h.invoke('documentsList', { patientId: patient.id })
    const added = after.filter((d) => !before.some((b) => b.id === d.id))
    expect(added.map((d) => [d.name, d.type, d.folderName]).sort()).toEqual([
      ['panoramica-2026.png', 'xray', 'Radiografie'],
      ['referto.pdf', 'text', 'Documenti'],
    ])

    // The list refreshed by itself, with a real thumbnail for the x-ray image.
    const xrayRow = page.locator('[data-test="doc-row"][data-name="panoramica-2026.png"]')
    await xrayRow.waitFor()
    expect(await xrayRow.locator('[data-test="doc-type"]').innerText()).toBe('Radiografia')
    expect(await xrayRow.locator('[data-test="doc-folder"]').innerText()).toBe('Radiografie')
    await xrayRow.locator('[data-test="thumb-image"] img').waitFor()
    await expect.poll(() => xrayRow.locator('img').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0)
    const pdfRow = page.locator('[data-test="doc-row"][data-name="referto.pdf"]')
    expect(await pdfRow.locator('[data-test="doc-folder"]').innerText()).toBe('Documenti')
    // Not a PDF pdf.js can read (no pages): its icon stays, marked, with the reason as its tooltip.
    await pdfRow.locator('[data-test="thumb-problem"]').waitFor()
    expect(await pdfRow.locator('[data-test="thumb-icon"]').getAttribute('title')).toMatch(/^Il PDF è danneggiato/)
    await h.screenshot('documents-02-uploaded')

    // Byte for byte through the download route, and through "save a copy" in the page.
    for (const [name, bytes] of [
      ['panoramica-2026.png', png],
      ['referto.pdf', pdf],
    ] as const) {
      const doc = added.find((d) => d.name === name)!
      const back = await h.invoke('documentsDownload', { patientId: patient.id, documentId: doc.id })
      expect(Buffer.from(back.base64, 'base64').equals(bytes)).toBe(true)
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator(`[data-test="doc-row"][data-name="${name}"] [data-test="doc-save"]`).click(),
      ])
      expect(download.suggestedFilename()).toBe(name)
      const saved = await download.createReadStream()
      const chunks: Buffer[] = []
      for await (const c of saved) chunks.push(c as Buffer)
      expect(Buffer.concat(chunks).equals(bytes)).toBe(true)
    }
  })

  it('filters by type and opens an x-ray in the viewer, which zooms', async () => {
    const { page } = h
    await page.locator('[data-test="doc-filter"] label', { hasText: 'Radiografia' }).click()
    await expect
      .poll(
        async () => new Set(await page.locator('[data-test="doc-row"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-type')))),
      )
      .toEqual(new Set(['xray']))
    // A name cut by the row's width is read whole on hover.
    expect(await page.locator('[data-test="doc-row"][data-name="panoramica-2026.png"] [data-test="doc-open"]').getAttribute('title')).toBe(
      'panoramica-2026.png',
    )
    await page.locator('[data-test="doc-row"][data-name="panoramica-2026.png"] [data-test="doc-open"]').click()
    await page.locator('[data-test="doc-viewer"] img').waitFor()
    await page.locator('[data-test="zoom-in"]').click()
    await page.locator('[data-test="zoom-in"]').click()
    expect(await page.locator('[data-test="zoom-level"]').innerText()).toBe('156%')
    await h.screenshot('documents-03-viewer')
    await page.locator('[data-test="viewer-close"]').click()
  })

  it('cancels a waiting upload and retries it into the folder typed on its row', async () => {
    const { page } = h
    await h.invoke('documentsSettingsSet', { maxUploadMb: 50 })
    await h.open(`#/patients/${patient.id}?tab=documents`)
    await page.locator('[data-test="documents-tab"]').waitFor()
    if (await page.locator('[data-test="upload-clear"]').count()) await page.locator('[data-test="upload-clear"]').click()
    const target = page.locator('[data-test="patient-drop"]')
    const dt = await page.evaluateHandle(() => {
      const d = new DataTransfer()
      d.items.add(new File([new Uint8Array(40 * 1024 * 1024).fill(7)], 'archivio-grande.bin'))
      d.items.add(new File(['Nota breve.\n'], 'nota.txt', { type: 'text/plain' }))
      return d
    })
    await target.dispatchEvent('drop', { dataTransfer: dt })
    const row = (name: string) => page.locator(`[data-test="upload-row"][data-name="${name}"]`)
    // One upload at a time: while the big file goes, the note waits and can still be edited or cancelled.
    await expect.poll(() => row('archivio-grande.bin').getAttribute('data-state')).toBe('uploading')
    expect(await row('nota.txt').getAttribute('data-state')).toBe('queued')
    await row('nota.txt').locator('[data-test="upload-cancel"]').click()
    expect(await row('nota.txt').getAttribute('data-state')).toBe('cancelled')
    await row('nota.txt').locator('[data-test="upload-folder"] input').fill('Note')
    await expect.poll(() => row('archivio-grande.bin').getAttribute('data-state'), { timeout: 30_000 }).toBe('done')
    expect(await row('nota.txt').getAttribute('data-state')).toBe('cancelled')
    await row('nota.txt').locator('[data-test="upload-retry"]').click()
    await expect.poll(() => row('nota.txt').getAttribute('data-state'), { timeout: 30_000 }).toBe('done')
    const docs = await h.invoke('documentsList', { patientId: patient.id })
    expect(docs.filter((d) => d.name === 'nota.txt')).toMatchObject([{ type: 'text', folderName: 'Note' }])
    expect(docs.find((d) => d.name === 'archivio-grande.bin')).toMatchObject({ type: 'other', folderName: 'Documenti' })
  })

  it('shows an upload that failed with the reason, and retries it', async () => {
    const { page } = h
    await h.invoke('sessionDisconnect')
    const dt = await page.evaluateHandle(() => {
      const d = new DataTransfer()
      d.items.add(new File(['Referto radiologico.\n'], 'referto-rx.txt', { type: 'text/plain' }))
      return d
    })
    await page.locator('[data-test="patient-drop"]').dispatchEvent('drop', { dataTransfer: dt })
    const row = page.locator('[data-test="upload-row"][data-name="referto-rx.txt"]')
    await expect.poll(() => row.getAttribute('data-state')).toBe('failed')
    expect(await row.locator('[data-test="upload-error"]').innerText()).toBe('Lo studio non è collegato. Collegalo di nuovo.')
    await h.screenshot('documents-05-failed')
    // Connected again (the same demo practice): Retry sends it.
    await h.invoke('sessionConnectDemo')
    await row.locator('[data-test="upload-retry"]').click()
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 30_000 }).toBe('done')
    const docs = await h.invoke('documentsList', { patientId: patient.id })
    expect(docs.find((d) => d.name === 'referto-rx.txt')).toMatchObject({ type: 'text', folderName: 'Documenti' })
    // (The list still shows only x-rays, as filtered earlier.)
    await page.locator('[data-test="doc-filter"] label', { hasText: 'Tutti' }).click()
    await page.locator('[data-test="doc-row"][data-name="referto-rx.txt"]').waitFor()
  })

  it('uploads through the x-ray file picker too', async () => {
    const { page } = h
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('[data-test="upload-pick-xray"]').click()])
    await chooser.setFiles([{ name: 'bitewing.png', mimeType: 'image/png', buffer: xrayPng(5) }])
    await expect
      .poll(() => page.locator('[data-test="upload-row"][data-name="bitewing.png"]').getAttribute('data-state'), { timeout: 20_000 })
      .toBe('done')
    const docs = await h.invoke('documentsList', { patientId: patient.id })
    expect(docs.find((d) => d.name === 'bitewing.png')).toMatchObject({ type: 'xray', folderName: 'Radiografie' })
  })

  it('takes a file dropped on a patient in the search results, after keyboard navigation', async () => {
    const { page } = h
    await h.open('#/patients')
    const box = page.locator('[data-test="patient-search"] input')
    await box.fill(patient.lastName.toLowerCase())
    // Wait for AlfaDocs' answer (the cache answers first).
    await page.locator('[data-test="search-results"][data-source="server"][data-loading="false"]').waitFor({ timeout: 10_000 })
    const rows = page.locator('[data-test="search-result"]')
    const ids = await rows.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-id'))))
    const target = rows.nth(ids.indexOf(patient.id))
    const dt = await page.evaluateHandle(() => {
      const d = new DataTransfer()
      d.items.add(new File(['Anamnesi: nessuna allergia nota.\n'], 'anamnesi.txt', { type: 'text/plain' }))
      return d
    })
    await target.dispatchEvent('dragenter', { dataTransfer: dt })
    await target.dispatchEvent('dragover', { dataTransfer: dt })
    await target.dispatchEvent('drop', { dataTransfer: dt })
    await expect
      .poll(() => page.locator('[data-test="upload-row"][data-name="anamnesi.txt"]').getAttribute('data-state'), { timeout: 20_000 })
      .toBe('done')
    const docs = await h.invoke('documentsList', { patientId: patient.id })
    expect(docs.find((d) => d.name === 'anamnesi.txt')).toMatchObject({ type: 'text', folderName: 'Documenti' })
    await h.screenshot('documents-04-drop-on-result')

    // The right half of a result is its x-ray area: an image dropped there is an x-ray, as on the patient page.
    const xray = await page.evaluateHandle((b64) => {
      const d = new DataTransfer()
      d.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], 'bitewing-destra.png', { type: 'image/png' }))
      return d
    }, png.toString('base64'))
    const rect = (await target.boundingBox())!
    const right = { dataTransfer: xray, clientX: rect.x + rect.width * 0.75, clientY: rect.y + rect.height / 2 }
    await target.dispatchEvent('dragenter', right)
    await target.dispatchEvent('dragover', right)
    await page.locator('[data-test="drop-half-xray"].dz__half--on').waitFor()
    await h.screenshot('documents-05-drop-xray-half')
    await target.dispatchEvent('drop', right)
    await expect
      .poll(() => page.locator('[data-test="upload-row"][data-name="bitewing-destra.png"]').getAttribute('data-state'), { timeout: 20_000 })
      .toBe('done')
    const after = await h.invoke('documentsList', { patientId: patient.id })
    expect(after.find((d) => d.name === 'bitewing-destra.png')).toMatchObject({ type: 'xray', folderName: 'Radiografie' })

    // Arrow keys move the highlight (it wraps around); Enter opens the highlighted patient.
    await page.mouse.move(0, 0)
    await box.focus()
    const active = () => page.locator('.res__row--active').getAttribute('data-id')
    for (let i = 0; i < ids.length && (await active()) !== String(patient.id); i++) await box.press('ArrowDown')
    expect(await active()).toBe(String(patient.id))
    await box.press('Enter')
    await page.waitForURL(new RegExp(`#/patients/${patient.id}$`))
    expect(h.pageErrors).toEqual([])
  })
})
