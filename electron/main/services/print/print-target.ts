/**
 * What printing needs of the window, so the logic runs without Electron: main's glue gives the window's
 * webContents and dialog (electron/main/electron-print-target.ts), the e2e harness Chromium's own page.pdf().
 */
export interface PrintTarget {
  /** The page as it prints (print media), as PDF bytes. */
  printToPDF(): Promise<Uint8Array>
  /** The system print dialog; false when the user cancelled it. Rejects when printing failed. */
  print(): Promise<boolean>
  /** A save dialog proposing `defaultName`: the chosen path, or null when cancelled. */
  saveDialog(defaultName: string): Promise<string | null>
}
