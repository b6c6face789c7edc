import type * as PdfJs from 'pdfjs-dist'
import type { ErrorData } from '../../../../shared/contract'

/**
 * What of pdf.js the reader uses: the app passes the browser build (worker bundled), the unit tests the Node one;
 * `worker`: the one pdf.js worker every document shares (onWorkerPort), none for a worker per document.
 */
export interface PdfLib {
  getDocument: typeof PdfJs.getDocument
  worker?: PdfJs.PDFWorker
}

/**
 * pdf.js on a worker the app started, for every document. The worker is handed to each document rather than set
 * as GlobalWorkerOptions.workerPort: pdf.js then shares one PDFWorker of that port among the documents but lets
 * each destroy it, so a thumbnail closed while another PDF was opening made that one fail ("the worker is being
 * destroyed", shown as a damaged file). A worker handed over stays the app's.
 */
export function onWorkerPort(m: Pick<typeof PdfJs, 'getDocument' | 'PDFWorker'>, port: Worker): PdfLib {
  return { getDocument: m.getDocument, worker: m.PDFWorker.create({ port, verbosity: 0 }) }
}

/** Why a PDF cannot be shown: damaged (or not a PDF at all), locked with a password, no such page. */
export type PdfProblem = 'pdf-damaged' | 'pdf-password' | 'pdf-no-page'

export class PdfError extends Error {
  override readonly name = 'PdfError'
  constructor(
    readonly code: PdfProblem,
    message: string,
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause })
  }
  /** As the error data describeError words (`errors.code.<code>`). */
  toData(): ErrorData {
    return { kind: this.code === 'pdf-password' ? 'invalid' : 'damaged-file', code: this.code, message: this.message }
  }
}

/** Where a page is drawn: an on-screen canvas, or (tests) any canvas with a 2D context. */
export interface CanvasLike {
  width: number
  height: number
  getContext(kind: '2d'): unknown
}

/** The box the page must fit in, in CSS pixels; `pixelRatio` sharpens it for the screen (devicePixelRatio). */
export interface FitBox {
  width: number
  height?: number
  pixelRatio?: number
}

export interface PdfDocument {
  readonly pageCount: number
  /**
   * Draws page `n` (1-based) into the canvas, scaled to fit the box; answers the drawn size in CSS pixels, or
   * null when `signal` aborted it first (a newer page was asked for). Rejects with a PdfError.
   */
  render(n: number, canvas: CanvasLike, box: FitBox, signal?: AbortSignal): Promise<{ width: number; height: number } | null>
  destroy(): Promise<void>
}

/** pdf.js reports its problems by exception name (the worker's errors cross over as plain objects). */
export function toPdfError(e: unknown): PdfError {
  if (e instanceof PdfError) return e
  const name = (e as { name?: unknown } | null)?.name
  const message = e instanceof Error ? e.message : String((e as { message?: unknown } | null)?.message ?? e)
  if (name === 'PasswordException') return new PdfError('pdf-password', `The PDF is protected by a password: ${message}`, e)
  return new PdfError('pdf-damaged', `The PDF cannot be read: ${message}`, e)
}

const isCancelled = (e: unknown) => (e as { name?: unknown } | null)?.name === 'RenderingCancelledException'

/** Opens PDFs with the given pdf.js (loaded on first use). */
export function pdfReader(load: () => Promise<PdfLib>) {
  async function open(bytes: Uint8Array): Promise<PdfDocument> {
    const lib = await load()
    // pdf.js hands the buffer to its worker (detaching it): give it a copy, the caller keeps its bytes.
    const task = lib.getDocument({
      data: bytes.slice(),
      ...(lib.worker ? { worker: lib.worker } : {}),
      isEvalSupported: false, // the page's CSP has no 'unsafe-eval'
      verbosity: 0,
      stopAtErrors: false,
    })
    let doc: PdfJs.PDFDocumentProxy
    try {
      doc = await task.promise
    } catch (e) {
      void task.destroy().catch(() => undefined)
      throw toPdfError(e)
    }
    return {
      pageCount: doc.numPages,
      async render(n, canvas, box, signal) {
        if (!Number.isInteger(n) || n < 1 || n > doc.numPages) {
          throw new PdfError('pdf-no-page', `The PDF has no page ${n} (it has ${doc.numPages}).`)
        }
        if (signal?.aborted) return null
        let page: PdfJs.PDFPageProxy
        try {
          page = await doc.getPage(n)
        } catch (e) {
          throw toPdfError(e)
        }
        const natural = page.getViewport({ scale: 1 })
        const fit = Math.min(box.width / natural.width, box.height ? box.height / natural.height : Infinity)
        const ratio = box.pixelRatio ?? 1
        const viewport = page.getViewport({ scale: fit * ratio })
        canvas.width = Math.max(1, Math.floor(viewport.width))
        canvas.height = Math.max(1, Math.floor(viewport.height))
        const job = page.render({ canvas: canvas as HTMLCanvasElement, viewport })
        const stop = () => job.cancel()
        signal?.addEventListener('abort', stop, { once: true })
        try {
          await job.promise
        } catch (e) {
          if (isCancelled(e)) return null
          throw toPdfError(e)
        } finally {
          signal?.removeEventListener('abort', stop)
          page.cleanup()
        }
        return { width: viewport.width / ratio, height: viewport.height / ratio }
      },
      destroy: () => doc.destroy(),
    }
  }

  /** Page `n` of `bytes` drawn into the canvas (the document is closed afterwards): thumbnails. */
  async function renderPage(bytes: Uint8Array, n: number, canvas: CanvasLike, box: FitBox) {
    const doc = await open(bytes)
    try {
      return { pageCount: doc.pageCount, size: await doc.render(n, canvas, box) }
    } finally {
      await doc.destroy().catch(() => undefined)
    }
  }

  return { open, renderPage }
}

export type PdfReader = ReturnType<typeof pdfReader>
