import { z } from 'zod'
import { channel, empty } from './core'

/** A PDF of the print preview goes back to main to be saved: at most this many bytes. */
export const PRINT_PDF_MAX_BYTES = 40 * 1024 * 1024

/** The name the save dialog proposes: a plain file name (no folders), `.pdf` added by main when missing. */
const pdfFileName = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .regex(/^[^\\/:*?"<>|]+$/, 'expected a file name without folders')
  .refine((s) => ![...s].some((c) => c.charCodeAt(0) < 32), 'expected no control characters')

export const printChannels = {
  /**
   * The window's page as it prints (print media, A4), made by Chromium (webContents.printToPDF): the bytes of
   * the PDF, base64, for the preview. The page prepares what it prints (e.g. the day sheet) before asking.
   */
  printPreview: channel(empty, z.object({ base64: z.base64() })),
  /** The system print dialog for the same page; `printed` false when the user cancelled it. */
  printPrint: channel(empty, z.object({ printed: z.boolean() })),
  /** "Salva PDF": a save dialog, then the preview's PDF written there; `saved` false when the user cancelled. */
  printSave: channel(
    z.strictObject({ base64: z.base64().max(4 * Math.ceil(PRINT_PDF_MAX_BYTES / 3)), fileName: pdfFileName }),
    z.object({ saved: z.boolean() }),
  ),
}
