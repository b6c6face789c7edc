import { randomBytes } from 'node:crypto'
import { rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { storageError } from '../../storage/storage-error'
import { AppError } from '../app-error'
import type { PrintTarget } from './print-target'

export interface PrintServiceOptions {
  /** The window to print, or null (no window yet / closed). */
  target: () => PrintTarget | null
  /** Writes a file (tests inject a failing disk). */
  writeFile?: (path: string, bytes: Uint8Array) => Promise<void>
}

const isPdf = (b: Uint8Array) => b.length > 8 && Buffer.from(b.subarray(0, 5)).toString('latin1') === '%PDF-'

/**
 * Print preview (Electron has none): the page as a PDF for the renderer's pdf.js viewer, the system print
 * dialog, and "Salva PDF" through a save dialog. A file is written whole or not at all.
 */
export class PrintService {
  private readonly write: (path: string, bytes: Uint8Array) => Promise<void>

  constructor(private readonly opts: PrintServiceOptions) {
    this.write = opts.writeFile ?? ((path, bytes) => writeFile(path, bytes))
  }

  private target(): PrintTarget {
    const t = this.opts.target()
    if (!t) throw new AppError('internal', 'There is no window to print.', { code: 'print-no-window' })
    return t
  }

  async preview(): Promise<{ base64: string }> {
    let bytes: Uint8Array
    try {
      bytes = await this.target().printToPDF()
    } catch (e) {
      if (e instanceof AppError) throw e
      throw new AppError('internal', `printToPDF failed: ${e instanceof Error ? e.message : String(e)}`, { code: 'print-failed', cause: e })
    }
    if (!isPdf(bytes)) throw new AppError('internal', 'printToPDF produced no PDF.', { code: 'print-failed' })
    return { base64: Buffer.from(bytes).toString('base64') }
  }

  async print(): Promise<{ printed: boolean }> {
    try {
      return { printed: await this.target().print() }
    } catch (e) {
      if (e instanceof AppError) throw e
      throw new AppError('internal', `Printing failed: ${e instanceof Error ? e.message : String(e)}`, {
        code: 'print-failed',
        cause: e,
      })
    }
  }

  async save(input: { base64: string; fileName: string }): Promise<{ saved: boolean }> {
    const bytes = Buffer.from(input.base64, 'base64')
    if (!isPdf(bytes)) throw new AppError('invalid', 'Only a PDF can be saved.', { code: 'print-not-pdf' })
    const name = /\.pdf$/i.test(input.fileName) ? input.fileName : `${input.fileName}.pdf`
    const path = await this.target().saveDialog(name)
    if (!path) return { saved: false }
    // Whole or nothing: a temp file next to it, renamed over (a full disk leaves the old file, or none).
    const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`)
    try {
      await this.write(tmp, bytes)
      await rename(tmp, path)
    } catch (e) {
      await rm(tmp, { force: true }).catch(() => undefined)
      throw storageError(e, path, 'write', 'print-save-failed')
    }
    return { saved: true }
  }
}
