import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { pdfWithPages } from '../support/pdf-fixtures'
import { loadWithStandIn } from '../support/electron-stub'

// The print preview in the built main bundle, with stand-ins for Electron: the preview is the PDF the window's
// webContents.printToPDF made, "Stampa" is webContents.print with the system dialog, "Salva PDF" the save dialog.

const bundle = 'out/main/index.js'
type Listener = (...args: any[]) => unknown
const chromiumPdf = pdfWithPages([{ rgb: [0.2, 0.2, 0.2], text: 'Foglio del giorno' }])

class Emitter {
  listeners = new Map<string, Listener[]>()
  on(event: string, fn: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn])
    return this
  }
  once(event: string, fn: Listener) {
    return this.on(event, fn)
  }
  emit(event: string, ...args: unknown[]) {
    for (const fn of this.listeners.get(event) ?? []) fn(...args)
  }
}

async function boot() {
  const dataDir = mkdtempSync(join(tmpdir(), 'sportello-print-glue-'))
  const r = {
    handlers: new Map<string, Listener>(),
    appEvents: new Emitter(),
    windows: [] as any[],
    pdfOptions: [] as unknown[],
    printOptions: [] as unknown[],
    /** What the next system print dialog answers: [success, failureReason]. */
    printAnswer: [true, ''] as [boolean, string],
    saveDialogs: [] as Array<{ parent: unknown; options: any }>,
    saveAnswer: { canceled: false, filePath: join(dataDir, 'scelto.pdf') } as { canceled: boolean; filePath?: string },
    exited: [] as number[],
  }
  class FakeWindow extends Emitter {
    webContents = Object.assign(new Emitter(), {
      setWindowOpenHandler: () => undefined,
      executeJavaScript: () => Promise.resolve(),
      getZoomLevel: () => 0,
      setZoomLevel: () => undefined,
      session: { clearStorageData: () => Promise.resolve() },
      printToPDF: (o: unknown) => (r.pdfOptions.push(o), Promise.resolve(Buffer.from(chromiumPdf))),
      print: (o: unknown, cb: (ok: boolean, reason: string) => void) => (r.printOptions.push(o), cb(...r.printAnswer)),
    })
    constructor(readonly options: any) {
      super()
      r.windows.push(this)
    }
    show() {}
    maximize() {}
    isMaximized() {
      return false
    }
    getNormalBounds() {
      return { x: 0, y: 0, width: 1440, height: 900 }
    }
    loadFile() {
      return Promise.resolve()
    }
    loadURL() {
      return Promise.resolve()
    }
  }
  const workArea = { x: 0, y: 0, width: 1920, height: 1040 }
  const electron = {
    app: {
      isPackaged: true,
      requestSingleInstanceLock: () => true,
      getPath: () => dataDir,
      getLocale: () => 'it-IT',
      getVersion: () => '1.0.0',
      on: (name: string, fn: Listener) => r.appEvents.on(name, fn),
      whenReady: () => Promise.resolve(),
      quit: () => undefined,
      exit: (code: number) => r.exited.push(code),
      setAppUserModelId: () => undefined,
    },
    BrowserWindow: FakeWindow,
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: () => undefined },
    dialog: {
      showMessageBox: () => Promise.resolve({ response: 0 }),
      showSaveDialog: (parent: unknown, options: unknown) => (r.saveDialogs.push({ parent, options }), Promise.resolve(r.saveAnswer)),
    },
    ipcMain: { handle: (name: string, fn: Listener) => r.handlers.set(name, fn), on: () => undefined },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: () => undefined },
        setPermissionRequestHandler: () => undefined,
        setPermissionCheckHandler: () => undefined,
      },
    },
    shell: { openExternal: () => undefined, openPath: () => Promise.resolve('') },
    screen: { getAllDisplays: () => [{ id: 1, workArea }], getDisplayMatching: () => ({ id: 1, workArea }) },
    powerMonitor: Object.assign(new Emitter(), { getSystemIdleTime: () => 0 }),
    Notification: Object.assign(class {}, { isSupported: () => false }),
  }
  const keytar = {
    getPassword: async () => null,
    setPassword: async () => undefined,
    deletePassword: async () => false,
  }
  const updater = Object.assign(new Emitter(), { setFeedURL: () => undefined, checkForUpdates: () => Promise.resolve(null) })
  delete process.env['ELECTRON_RENDERER_URL']
  loadWithStandIn(bundle, electron, { keytar, 'electron-updater': { autoUpdater: updater } })
  await vi.waitFor(() => expect(r.windows).toHaveLength(1))
  const win = r.windows[0]!
  const event = { sender: win.webContents, senderFrame: { url: `file://${join(process.cwd(), 'out/renderer/index.html')}`, parent: null } }
  const call = (channel: string, input: unknown = {}) => r.handlers.get(channel)!(event, input) as Promise<any>
  const quit = async () => {
    r.appEvents.emit('will-quit', { preventDefault: () => undefined })
    await vi.waitFor(() => expect(r.exited.length).toBeGreaterThan(0), { timeout: 10_000 })
  }
  return Object.assign(r, { win, dataDir, call, quit })
}

let b: Awaited<ReturnType<typeof boot>>

beforeAll(async () => {
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build first`)
  b = await boot()
})
afterAll(async () => {
  await b?.quit()
})

describe('print preview in the built main bundle', () => {
  it('is the PDF the window’s printToPDF made (A4, white paper)', async () => {
    const out = await b.call('printPreview')
    expect(out.ok).toBe(true)
    expect(Buffer.from(out.value.base64, 'base64').equals(chromiumPdf)).toBe(true)
    expect(b.pdfOptions).toEqual([expect.objectContaining({ pageSize: 'A4', printBackground: false })])
  })

  it('Stampa opens the system print dialog of the same window; a cancelled dialog is not an error', async () => {
    expect(await b.call('printPrint')).toEqual({ ok: true, value: { printed: true } })
    expect(b.printOptions).toEqual([expect.objectContaining({ silent: false })])
    b.printAnswer = [false, 'Print job canceled']
    expect(await b.call('printPrint')).toEqual({ ok: true, value: { printed: false } })
    b.printAnswer = [false, 'Print job failed']
    expect(await b.call('printPrint')).toMatchObject({ ok: false, error: { code: 'print-failed' } })
  })

  it('Salva PDF asks where with a save dialog over the window and writes the PDF there', async () => {
    const out = await b.call('printSave', { base64: chromiumPdf.toString('base64'), fileName: 'foglio-del-giorno-2026-03-11' })
    expect(out).toEqual({ ok: true, value: { saved: true } })
    expect(b.saveDialogs).toHaveLength(1)
    expect(b.saveDialogs[0]!.parent).toBe(b.win)
    expect(b.saveDialogs[0]!.options).toMatchObject({ defaultPath: 'foglio-del-giorno-2026-03-11.pdf' })
    expect(readFileSync(join(b.dataDir, 'scelto.pdf')).equals(chromiumPdf)).toBe(true)
    b.saveAnswer = { canceled: true }
    expect(await b.call('printSave', { base64: chromiumPdf.toString('base64'), fileName: 'x' })).toEqual({
      ok: true,
      value: { saved: false },
    })
  })
})
