import { readdir, readFile, writeFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../../../../electron/main/services/app-error'
import { PrintService } from '../../../../../../electron/main/services/print/print-service'
import type { PrintTarget } from '../../../../../../electron/main/services/print/print-target'
import { pdfWithPages } from '../../../../../support/pdf-fixtures'
import { freshTempFile } from '../../../../../support/temp-file'

const pdf = pdfWithPages([{ rgb: [0, 0.5, 0.5], text: 'Foglio del giorno' }])

/** The window, as the service sees it: what it was asked, and scripted answers. */
function standIn(over: Partial<PrintTarget> = {}) {
  const asked = { pdf: 0, print: 0, saveNames: [] as string[] }
  const target: PrintTarget = {
    printToPDF: async () => (asked.pdf++, new Uint8Array(pdf)),
    print: async () => (asked.print++, true),
    saveDialog: async (name) => (asked.saveNames.push(name), null),
    ...over,
  }
  return { asked, target }
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  )
  expect(e).toBeInstanceOf(AppError)
  return e as AppError
}

describe('print service', () => {
  it('the preview is the PDF printToPDF made, base64', async () => {
    const { asked, target } = standIn()
    const out = await new PrintService({ target: () => target }).preview()
    expect(asked.pdf).toBe(1)
    expect(Buffer.from(out.base64, 'base64').equals(pdf)).toBe(true)
  })

  it('without a window, or when Chromium made no PDF, says so with a code', async () => {
    expect((await refusal(new PrintService({ target: () => null }).preview())).code).toBe('print-no-window')
    const empty = standIn({ printToPDF: async () => new Uint8Array() })
    expect((await refusal(new PrintService({ target: () => empty.target }).preview())).code).toBe('print-failed')
    const broken = standIn({ printToPDF: () => Promise.reject(new Error('renderer gone')) })
    const e = await refusal(new PrintService({ target: () => broken.target }).preview())
    expect([e.kind, e.code]).toEqual(['internal', 'print-failed'])
  })

  it('print answers whether the dialog printed; a failure is print-failed', async () => {
    const ok = standIn()
    expect(await new PrintService({ target: () => ok.target }).print()).toEqual({ printed: true })
    const cancelled = standIn({ print: async () => false })
    expect(await new PrintService({ target: () => cancelled.target }).print()).toEqual({ printed: false })
    const failed = standIn({ print: () => Promise.reject(new Error('no printer')) })
    expect((await refusal(new PrintService({ target: () => failed.target }).print())).code).toBe('print-failed')
  })

  it('save writes the PDF where the dialog says, proposing the name with .pdf', async () => {
    const { dir, file } = await freshTempFile('sportello-print-', 'giorno.pdf')
    const { asked, target } = standIn({ saveDialog: async (n) => (asked.saveNames.push(n), file) })
    const out = await new PrintService({ target: () => target }).save({ base64: pdf.toString('base64'), fileName: 'foglio-2026-03-11' })
    expect(out).toEqual({ saved: true })
    expect(asked.saveNames).toEqual(['foglio-2026-03-11.pdf'])
    expect((await readFile(file)).equals(pdf)).toBe(true)
    expect(await readdir(dir)).toEqual(['giorno.pdf'])
  })

  it('a cancelled save dialog writes nothing', async () => {
    const { dir } = await freshTempFile('sportello-print-', 'x.pdf')
    const { asked, target } = standIn()
    expect(await new PrintService({ target: () => target }).save({ base64: pdf.toString('base64'), fileName: 'ricevuta.pdf' })).toEqual({
      saved: false,
    })
    expect(asked.saveNames).toEqual(['ricevuta.pdf'])
    expect(await readdir(dir)).toEqual([])
  })

  it('a failed write leaves the old file as it was and no temp file; the refusal names the file', async () => {
    const { dir, file } = await freshTempFile('sportello-print-', 'incassi.pdf')
    await writeFile(file, 'old')
    const { target } = standIn({ saveDialog: async () => file })
    const diskFull = async (path: string, bytes: Uint8Array) => {
      await writeFile(path, bytes.subarray(0, 10))
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
    }
    const e = await refusal(
      new PrintService({ target: () => target, writeFile: diskFull }).save({ base64: pdf.toString('base64'), fileName: 'incassi' }),
    )
    expect([e.kind, e.code]).toEqual(['storage', 'print-save-failed'])
    expect(e.detail).toContain('incassi.pdf')
    expect(await readFile(file, 'utf8')).toBe('old')
    expect(await readdir(dir)).toEqual(['incassi.pdf'])
  })

  it('refuses to save anything but a PDF, before any dialog', async () => {
    const { asked, target } = standIn()
    const e = await refusal(
      new PrintService({ target: () => target }).save({ base64: Buffer.from('<html>').toString('base64'), fileName: 'x' }),
    )
    expect(e.code).toBe('print-not-pdf')
    expect(asked.saveNames).toEqual([])
  })
})
