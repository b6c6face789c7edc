import { createCanvas } from '@napi-rs/canvas'
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs'
import { afterAll, describe, expect, it } from 'vitest'
import { onWorkerPort, pdfReader } from '../../../../../../renderer/src/lib/pdf/pdf-reader'
import { damagedPdf, pdfWithPages } from '../../../../../support/pdf-fixtures'

// The app's wiring of pdf.js to the one worker it starts (lib/pdf/index.ts → onWorkerPort), with the real pdf.js
// on both sides: the worker's half runs here behind a message port, as it does in the page's Web Worker. Several
// documents share that worker (the thumbnails of a patient's PDFs, the viewer): closing one must not take the
// worker from the others.

type Listener = (e: { data: unknown }) => void

/** Two ends of a message channel between this thread and pdf.js's worker half: each message a task later. */
function portPair() {
  const end = () => ({
    listeners: new Set<Listener>(),
    peer: null as null | { listeners: Set<Listener> },
    postMessage(data: unknown, transfer?: Transferable[]) {
      const copy = structuredClone(data, transfer ? { transfer } : undefined)
      setTimeout(() => {
        for (const l of this.peer!.listeners) l({ data: copy })
      }, 0)
    },
    addEventListener(_type: 'message', l: Listener) {
      this.listeners.add(l)
    },
    removeEventListener(_type: 'message', l: Listener) {
      this.listeners.delete(l)
    },
    terminate() {},
  })
  const page = end()
  const worker = end()
  page.peer = worker
  worker.peer = page
  return { page, worker }
}

const pdf = (text: string) => new Uint8Array(pdfWithPages([{ rgb: [0.2, 0.3, 0.8], text }]))

describe('pdf.js on the app’s one worker', async () => {
  // The worker half of pdf.js (what the page's Worker runs), set up on its end of the port.
  const { WorkerMessageHandler } = (await import('pdfjs-dist/legacy/build/pdf.worker.mjs' as string)) as {
    WorkerMessageHandler: { initializeFromPort(port: unknown): void }
  }
  const ports = portPair()
  WorkerMessageHandler.initializeFromPort(ports.worker)
  const lib = onWorkerPort(pdfjs, ports.page as unknown as Worker)
  const reader = pdfReader(() => Promise.resolve(lib))
  afterAll(() => lib.worker?.destroy())

  it('opens a PDF while another one is being closed (it used to fail as "damaged": the worker was being destroyed)', async () => {
    const first = await reader.open(pdf('Primo'))
    const closing = first.destroy()
    const second = await reader.open(pdf('Secondo'))
    await closing
    expect(second.pageCount).toBe(1)
    const canvas = createCanvas(1, 1)
    expect((await second.render(1, canvas, { width: 64, height: 64 }))!.width).toBeGreaterThan(0)
    await second.destroy()
    expect(lib.worker!.destroyed).toBe(false)
  })

  it('thumbnails drawn side by side, a damaged one among them: every good one drawn, the damaged one said, the worker kept', async () => {
    const files = [pdf('Uno'), new Uint8Array(damagedPdf()), pdf('Due'), pdf('Tre'), pdf('Quattro')]
    for (let round = 0; round < 3; round++) {
      const results = await Promise.allSettled(files.map((b) => reader.renderPage(b, 1, createCanvas(1, 1), { width: 64, height: 64 })))
      expect(results.map((r) => (r.status === 'fulfilled' ? 'drawn' : (r.reason as { code?: string }).code))).toEqual([
        'drawn',
        'pdf-damaged',
        'drawn',
        'drawn',
        'drawn',
      ])
    }
    expect(lib.worker!.destroyed).toBe(false)
  })
})
