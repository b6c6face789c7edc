import type { BrowserWindow, Dialog } from 'electron'
import type { PrintTarget } from './services/print/print-target'

/** The printing of Sportello's window, as Electron does it (the logic is in services/print/). */
export function electronPrintTarget(win: BrowserWindow, dialog: Pick<Dialog, 'showSaveDialog'>): PrintTarget {
  return {
    // White paper: the screen's backgrounds (the app's grey) are not printed, in the preview as on paper.
    printToPDF: () => win.webContents.printToPDF({ printBackground: false, pageSize: 'A4', preferCSSPageSize: true }),
    print: () =>
      new Promise((done, fail) =>
        win.webContents.print({ silent: false, printBackground: false }, (ok, reason) => {
          // Electron's words for a dialog the user closed; anything else is a failure.
          if (ok) done(true)
          else if (/cancel/i.test(reason)) done(false)
          else fail(new Error(reason || 'printing failed'))
        }),
      ),
    saveDialog: async (defaultName) => {
      const r = await dialog.showSaveDialog(win, { defaultPath: defaultName, filters: [{ name: 'PDF', extensions: ['pdf'] }] })
      return r.canceled || !r.filePath ? null : r.filePath
    },
  }
}
