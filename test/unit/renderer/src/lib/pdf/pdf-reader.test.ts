import { createCanvas, type Canvas } from '@napi-rs/canvas'
import { describe, expect, it } from 'vitest'
import { PdfError, pdfReader } from '../../../../../../renderer/src/lib/pdf/pdf-reader'
import { damagedPdf, passwordPdf, pdfWithPages } from '../../../../../support/pdf-fixtures'

// The real pdf.js (its Node build, fake worker in-process) behind the app's wrapper.
const reader = pdfReader(() => import('pdfjs-dist/legacy/build/pdf.mjs'))

const twoPages = () =>
  new Uint8Array(
    pdfWithPages([
      { rgb: [0.9, 0.1, 0.1], text: 'Pagina uno' },
      { rgb: [0.1, 0.2, 0.9], text: 'Pagina due' },
    ]),
  )

async function failure(p: Promise<unknown>): Promise<PdfError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  )
  expect(e).toBeInstanceOf(PdfError)
  return e as PdfError
}

/** The colour in the middle of the band the fixture paints across the top of each page. */
function bandColour(canvas: Canvas) {
  const ctx = canvas.getContext('2d')
  const d = ctx.getImageData(Math.floor(canvas.width / 2), Math.floor(canvas.height * 0.25), 1, 1).data
  return [d[0], d[1], d[2]]
}

describe('pdf reader', () => {
  it('draws the asked page scaled into the box, each page its own', async () => {
    const doc = await reader.open(twoPages())
    expect(doc.pageCount).toBe(2)
    const canvas = createCanvas(1, 1)
    const size = await doc.render(1, canvas, { width: 200, height: 400, pixelRatio: 2 })
    // A4 (595×842) fit into 200×400: width-bound.
    expect(size!.width).toBeCloseTo(200, 0)
    expect(canvas.width).toBe(400)
    const [r1, , b1] = bandColour(canvas)
    expect(r1).toBeGreaterThan(200)
    expect(b1).toBeLessThan(60)
    await doc.render(2, canvas, { width: 200 })
    const [r2, , b2] = bandColour(canvas)
    expect(b2).toBeGreaterThan(200)
    expect(r2).toBeLessThan(60)
    await doc.destroy()
  })

  it('leaves the caller its bytes (pdf.js gets a copy)', async () => {
    const bytes = twoPages()
    const length = bytes.byteLength
    await (await reader.open(bytes)).destroy()
    expect(bytes.byteLength).toBe(length)
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-')
  })

  it('refuses a page the document does not have', async () => {
    const doc = await reader.open(twoPages())
    const e = await failure(doc.render(3, createCanvas(1, 1), { width: 100 }))
    expect(e.code).toBe('pdf-no-page')
    await doc.destroy()
  })

  it('says a damaged PDF is damaged, and so anything that is not a PDF', async () => {
    for (const bytes of [damagedPdf(), Buffer.from('not a pdf at all'), twoPages().subarray(0, 300)]) {
      const e = await failure(reader.renderPage(new Uint8Array(bytes), 1, createCanvas(1, 1), { width: 100 }))
      expect(e.code).toBe('pdf-damaged')
      expect(e.toData()).toMatchObject({ kind: 'damaged-file', code: 'pdf-damaged' })
    }
  })

  it('says a password-protected PDF needs its password', async () => {
    const e = await failure(reader.open(new Uint8Array(passwordPdf())))
    expect(e.code).toBe('pdf-password')
    expect(e.toData()).toMatchObject({ kind: 'invalid', code: 'pdf-password' })
  })

  it('a render aborted before it starts draws nothing and answers null', async () => {
    const doc = await reader.open(twoPages())
    const ac = new AbortController()
    ac.abort()
    const canvas = createCanvas(3, 3)
    expect(await doc.render(1, canvas, { width: 100 }, ac.signal)).toBeNull()
    expect(canvas.width).toBe(3)
    await doc.destroy()
  })
})
