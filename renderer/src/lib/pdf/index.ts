import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url'
import { pdfReader, type PdfLib } from './pdf-reader'

export { PdfError, toPdfError, type PdfDocument, type PdfProblem } from './pdf-reader'

let lib: Promise<PdfLib> | null = null

/**
 * pdf.js, loaded on the first PDF (not at start: it is most of a megabyte). Its worker is a file of the app
 * itself (bundled by Vite), so it loads under the page's CSP ('self'); pdf.js starts it as a module worker.
 */
function loadPdfJs(): Promise<PdfLib> {
  lib ??= import('pdfjs-dist').then((m) => {
    m.GlobalWorkerOptions.workerSrc = workerUrl
    return m
  })
  lib.catch(() => (lib = null))
  return lib
}

/** The app's PDF reader: documents' thumbnails and viewer, the print preview. */
export const pdf = pdfReader(loadPdfJs)
