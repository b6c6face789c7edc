import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url'
import { onWorkerPort, pdfReader, type PdfLib } from './pdf-reader'

export { PdfError, toPdfError, type PdfDocument, type PdfProblem } from './pdf-reader'

let lib: Promise<PdfLib> | null = null

/** The worker answers "ready" once loaded; an error first means it could not start here. */
function startWorker(): Promise<Worker | null> {
  let worker: Worker
  try {
    worker = new Worker(workerUrl, { type: 'module' })
  } catch {
    return Promise.resolve(null)
  }
  return new Promise((done) => {
    const ac = new AbortController()
    worker.addEventListener('message', () => (ac.abort(), done(worker)), { signal: ac.signal })
    worker.addEventListener('error', () => (ac.abort(), worker.terminate(), done(null)), { signal: ac.signal })
  })
}

/**
 * pdf.js, loaded on the first PDF (not at start: it is most of a megabyte). Its worker is a file of the app
 * itself (bundled by Vite), so it loads under the page's CSP ('self', no blob:). We start it ourselves: pdf.js
 * would wrap a worker of an opaque origin (the packaged app's file: page) in a blob: URL the CSP refuses. Where a
 * worker cannot start at all, the same module runs on the page's thread (slower, same result).
 */
function loadPdfJs(): Promise<PdfLib> {
  lib ??= (async () => {
    const [m, worker] = await Promise.all([import('pdfjs-dist'), startWorker()])
    if (worker) return onWorkerPort(m, worker)
    ;(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import(/* @vite-ignore */ workerUrl)
    return m
  })()
  lib.catch(() => (lib = null))
  return lib
}

/** The app's PDF reader: documents' thumbnails and viewer, the print preview. */
export const pdf = pdfReader(loadPdfJs)
