import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { startSandbox, type Sandbox } from '../../electron/sandbox'
import { PaymentJournal } from '../../electron/main/services/billing/journal'
import { paymentEntry } from '../support/payment-entry'
import { loadWithStandIn } from '../support/electron-stub'

// The desk's comforts in the built main bundle, with stand-ins for Electron, electron-updater and the
// keychain binding: window state across starts and displays, the privacy lock, updates, notifications.

const bundle = 'out/main/index.js'
type Listener = (...args: any[]) => unknown
type Rect = { x: number; y: number; width: number; height: number }
const display = (id: number, x: number): { id: number; workArea: Rect } => ({ id, workArea: { x, y: 0, width: 1920, height: 1040 } })

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

/** The keychain binding, in memory, shared by the starts of one test (as the OS keychain would be). */
const keychain = () => {
  const m = new Map<string, string>()
  return {
    items: m,
    getPassword: async (s: string, a: string) => m.get(`${s}/${a}`) ?? null,
    setPassword: async (s: string, a: string, p: string) => void m.set(`${s}/${a}`, p),
    deletePassword: async (s: string, a: string) => m.delete(`${s}/${a}`),
  }
}

class FakeUpdater extends Emitter {
  touched: string[] = []
  autoDownload = false
  autoInstallOnAppQuit = true
  feeds: unknown[] = []
  checks = 0
  installs: unknown[][] = []
  setFeedURL(o: unknown) {
    this.feeds.push(o)
  }
  checkForUpdates() {
    this.checks++
    return Promise.resolve(null)
  }
  quitAndInstall(...args: unknown[]) {
    this.installs.push(args)
  }
}

interface BootOptions {
  dataDir: string
  keytar: ReturnType<typeof keychain>
  displays: Array<{ id: number; workArea: Rect }>
  packaged?: boolean
  idleSeconds?: () => number
}

async function boot(o: BootOptions) {
  const r = {
    windows: [] as FakeWindow[],
    handlers: new Map<string, Listener>(),
    appEvents: new Emitter(),
    powerMonitor: new Emitter(),
    notifications: [] as Array<{ title: string; body: string }>,
    exited: [] as number[],
    menu: [] as Array<{ label?: string; submenu?: any[]; click?: () => void }>,
    dialogs: [] as any[],
    opened: [] as string[],
    updaterModuleRead: 0,
    updater: new FakeUpdater(),
  }
  class FakeWindow extends Emitter {
    options: any
    maximized = false
    normalBounds: Rect
    zoom = 0
    zoomSet: number[] = []
    webContents = Object.assign(new Emitter(), {
      setWindowOpenHandler: () => undefined,
      executeJavaScript: () => Promise.resolve(),
      getZoomLevel: () => this.zoom,
      setZoomLevel: (z: number) => this.zoomSet.push(z),
      session: { clearStorageData: () => Promise.resolve() },
    })
    constructor(options: any) {
      super()
      this.options = options
      this.normalBounds = { x: options.x ?? 0, y: options.y ?? 0, width: options.width, height: options.height }
      r.windows.push(this)
    }
    show() {}
    maximize() {
      this.maximized = true
    }
    isMaximized() {
      return this.maximized
    }
    getNormalBounds() {
      return this.normalBounds
    }
    loadFile() {
      return Promise.resolve()
    }
    loadURL() {
      return Promise.resolve()
    }
  }
  const electron = {
    app: {
      isPackaged: o.packaged ?? true,
      requestSingleInstanceLock: () => true,
      getPath: () => o.dataDir,
      getLocale: () => 'it-IT',
      getVersion: () => '1.0.0',
      on: (name: string, fn: Listener) => r.appEvents.on(name, fn),
      whenReady: () => Promise.resolve(),
      quit: () => undefined,
      exit: (code: number) => r.exited.push(code),
      setAppUserModelId: () => undefined,
    },
    BrowserWindow: FakeWindow,
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (t: any) => (r.menu = t) },
    dialog: { showMessageBox: (...args: any[]) => (r.dialogs.push(args.at(-1)), Promise.resolve({ response: 0 })) },
    ipcMain: { handle: (name: string, fn: Listener) => r.handlers.set(name, fn), on: () => undefined },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: () => undefined },
        setPermissionRequestHandler: () => undefined,
        setPermissionCheckHandler: () => undefined,
      },
    },
    shell: { openExternal: () => undefined, openPath: (p: string) => (r.opened.push(p), Promise.resolve('')) },
    screen: {
      getAllDisplays: () => o.displays,
      getDisplayMatching: (b: Rect) =>
        o.displays.find((d) => b.x >= d.workArea.x && b.x < d.workArea.x + d.workArea.width) ?? o.displays[0],
    },
    powerMonitor: Object.assign(r.powerMonitor, { getSystemIdleTime: () => o.idleSeconds?.() ?? 0 }),
    Notification: Object.assign(
      class {
        constructor(private readonly n: { title: string; body: string }) {}
        show() {
          r.notifications.push(this.n)
        }
      },
      { isSupported: () => true },
    ),
  }
  const updaterModule = {
    get autoUpdater() {
      r.updaterModuleRead++
      return r.updater
    },
  }
  delete process.env['ELECTRON_RENDERER_URL']
  loadWithStandIn(bundle, electron, { keytar: o.keytar, 'electron-updater': updaterModule })
  await vi.waitFor(() => expect(r.windows).toHaveLength(1))
  const win = r.windows[0]!
  const event = { sender: win.webContents, senderFrame: { url: `file://${join(process.cwd(), 'out/renderer/index.html')}`, parent: null } }
  const call = (channel: string, input: unknown = {}) => r.handlers.get(channel)!(event, input) as Promise<any>
  const ok = async (channel: string, input: unknown = {}) => {
    const res = await call(channel, input)
    if (!res.ok) throw new Error(`${channel}: ${JSON.stringify(res.error)}`)
    return res.value
  }
  /** Quits as the OS would; resolves once main has finished (app.exit, or the updater's install). */
  const quit = async () => {
    r.appEvents.emit('will-quit', { preventDefault: () => undefined })
    await vi.waitFor(() => expect(r.exited.length + r.updater.installs.length).toBeGreaterThan(0), { timeout: 10_000 })
  }
  return { ...r, win, call, ok, quit }
}
type Booted = Awaited<ReturnType<typeof boot>>

const booted: Booted[] = []
const start = async (o: BootOptions) => {
  const b = await boot(o)
  booted.push(b)
  return b
}
const tempDir = () => mkdtempSync(join(tmpdir(), 'sportello-desk-glue-'))
/** Every file under the data folder, as text. */
const filesText = (dir: string): string =>
  readdirSync(dir)
    .map((f) => join(dir, f))
    .map((p) => (statSync(p).isDirectory() ? filesText(p) : readFileSync(p, 'latin1')))
    .join('\n')

let sandbox: Sandbox

beforeAll(async () => {
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build first`)
  sandbox = await startSandbox({ port: 0, quiet: true, rateLimitPerSecond: false })
  // Only the intervals are the test's (idle checks, six-hourly update checks, payment notices); time runs as usual.
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
})
afterEach(async () => {
  for (const b of booted.splice(0)) if (b.exited.length === 0 && b.updater.installs.length === 0) await b.quit()
})
afterAll(async () => {
  vi.useRealTimers()
  delete process.env['SPORTELLO_UPDATE_URL']
  await sandbox?.close()
})

describe('the window', () => {
  it('is saved on close (size, position, maximized, display, zoom) and restored, clamped to the displays there are', async () => {
    const dataDir = tempDir()
    const keytar = keychain()
    const two = [display(1, 0), display(2, 1920)]
    const first = await start({ dataDir, keytar, displays: two })
    expect(first.win.options).toMatchObject({ width: 1440, height: 900 })
    expect(first.win.options.x).toBeUndefined() // the OS centres a first window
    // The desk put it on the second monitor, maximized, zoomed in.
    first.win.normalBounds = { x: 2100, y: 120, width: 1300, height: 820 }
    first.win.maximized = true
    first.win.zoom = 1.5
    first.win.emit('close')
    await first.quit()
    expect(JSON.parse(readFileSync(join(dataDir, 'window-state.json'), 'utf8'))).toEqual({
      bounds: { x: 2100, y: 120, width: 1300, height: 820 },
      maximized: true,
      displayId: 2,
      zoomLevel: 1.5,
    })

    const same = await start({ dataDir, keytar, displays: two })
    expect(same.win.options).toMatchObject({ x: 2100, y: 120, width: 1300, height: 820 })
    expect(same.win.maximized).toBe(true)
    same.win.webContents.emit('did-finish-load')
    expect(same.win.zoomSet).toEqual([1.5])

    // The second monitor was unplugged: back on the first, wholly inside its work area.
    const one = await start({ dataDir, keytar, displays: [display(1, 0)] })
    expect(one.win.options).toMatchObject({ x: 1920 - 1300, y: 120, width: 1300, height: 820 })
    // A smaller screen than the window: shrunk to it.
    const small = await start({ dataDir, keytar, displays: [{ id: 7, workArea: { x: 0, y: 25, width: 1280, height: 775 } }] })
    expect(small.win.options).toMatchObject({ x: 0, y: 25, width: 1280, height: 775 })
  })
})

describe('the privacy lock', () => {
  it('the demo practice has no PIN and never locks', async () => {
    const b = await start({ dataDir: tempDir(), keytar: keychain(), displays: [display(1, 0)], idleSeconds: () => 10_000 })
    await b.ok('sessionConnectDemo')
    expect(await b.ok('sessionLockState')).toEqual({ enabled: true, locked: false, needsPin: false, retryInMs: 0 })
    b.powerMonitor.emit('lock-screen')
    vi.advanceTimersByTime(15_000)
    expect(await b.ok('sessionLock')).toMatchObject({ locked: false })
    expect(await b.call('sessionSetPin', { pin: '1234' })).toMatchObject({ ok: false, error: { code: 'pin-not-needed' } })
  })

  it('asks a practice for a PIN, locks when idle and on the OS lock screen, refuses a wrong PIN, opens with the right one', async () => {
    const dataDir = tempDir()
    const keytar = keychain()
    let idle = 0
    const b = await start({ dataDir, keytar, displays: [display(1, 0)], idleSeconds: () => idle })
    await b.ok('sessionConnect', { apiKey: sandbox.apiKey, baseUrl: sandbox.baseUrl })
    expect(await b.ok('sessionLockState')).toEqual({ enabled: true, locked: false, needsPin: true, retryInMs: 0 })
    expect(await b.ok('sessionSetPin', { pin: '482916' })).toMatchObject({ locked: false, needsPin: false })
    expect(await b.call('sessionSetPin', { pin: '111111' })).toMatchObject({ ok: false, error: { code: 'pin-exists' } })

    // The hash lives in the keychain only: salted scrypt, not the PIN, in no file of the data folder.
    const hash = keytar.items.get('Sportello/desk-pin')!
    expect(hash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[\w+/=]+\$[\w+/=]+$/)
    expect(hash).not.toContain('482916')
    const text = filesText(dataDir)
    for (const part of hash.split('$').slice(4)) expect(text).not.toContain(part)
    expect(text).not.toContain('482916')

    // Idle: not yet at 4:59 (default 5 minutes), locked at 5:00.
    idle = 299
    vi.advanceTimersByTime(15_000)
    await new Promise((ok) => setTimeout(ok, 50))
    expect(await b.ok('sessionLockState')).toMatchObject({ locked: false })
    idle = 300
    vi.advanceTimersByTime(15_000)
    await vi.waitFor(async () => expect(await b.ok('sessionLockState')).toMatchObject({ locked: true }))
    idle = 0

    expect(await b.call('sessionUnlock', { pin: '000000' })).toMatchObject({ ok: false, error: { kind: 'auth', code: 'pin-wrong' } })
    expect(await b.ok('sessionLockState')).toMatchObject({ locked: true })
    expect(await b.ok('sessionUnlock', { pin: '482916' })).toMatchObject({ locked: false })

    b.powerMonitor.emit('lock-screen')
    await vi.waitFor(async () => expect(await b.ok('sessionLockState')).toMatchObject({ locked: true }))
    // Three wrong PINs are free; then even the right one waits.
    for (let i = 0; i < 3; i++) expect(await b.call('sessionUnlock', { pin: '999999' })).toMatchObject({ error: { code: 'pin-wrong' } })
    expect(await b.call('sessionUnlock', { pin: '482916' })).toMatchObject({ ok: false, error: { code: 'pin-wait' } })
    expect((await b.ok('sessionLockState')).retryInMs).toBeGreaterThan(0)
    await b.quit()

    // Restarting neither opens the lock nor forgets the wait.
    const again = await start({ dataDir, keytar, displays: [display(1, 0)] })
    const state = await again.ok('sessionLockState')
    expect(state).toMatchObject({ enabled: true, locked: true, needsPin: false })
    expect(state.retryInMs).toBeGreaterThan(0)

    // Disconnecting (the way out for a forgotten PIN: the key has to be entered again) forgets the PIN.
    await again.ok('sessionDisconnect')
    expect(keytar.items.has('Sportello/desk-pin')).toBe(false)
    expect(await again.ok('sessionLockState')).toEqual({ enabled: true, locked: false, needsPin: false, retryInMs: 0 })
  })
})

/** A payment the desk must still finish, in the demo practice's journal. */
async function unfinishedPayment(dataDir: string, practice: { practiceId: number; archiveId: number }) {
  await new PaymentJournal(dataDir).put(
    paymentEntry('glue-unfinished', {}, { ...practice, state: 'needs-attention', createdAt: new Date().toISOString() }),
  )
}

describe('Aiuto', () => {
  it("runs the doctor's checks on the connected practice, opens the data and log folders; the log never holds the key", async () => {
    const dataDir = tempDir()
    const b = await start({ dataDir, keytar: keychain(), displays: [display(1, 0)] })
    const help = b.menu.find((m) => m.label === 'Aiuto')!.submenu!
    const item = (label: string) => help.find((i) => i.label === label)!.click!()
    item('Diagnostica…')
    await vi.waitFor(() => expect(b.dialogs).toHaveLength(1))
    expect(b.dialogs[0]).toMatchObject({ title: 'Diagnostica', message: 'Nessuno studio collegato da controllare.' })

    await b.ok('sessionConnect', { apiKey: sandbox.apiKey, baseUrl: sandbox.baseUrl })
    item('Diagnostica…')
    await vi.waitFor(() => expect(b.dialogs).toHaveLength(2))
    expect(b.dialogs[1]).toMatchObject({ title: 'Diagnostica', message: 'Sportello lavora correttamente con AlfaDocs.' })
    expect(b.dialogs[1].detail).toMatch(/^✓ studio: .* practiceId \d+, archiveId \d+\n✓ poltrone: \d+ in uso/)
    expect(help.find((i) => i.label?.startsWith('Versione'))).toMatchObject({ label: 'Versione 1.0.0', enabled: false })

    item('Apri la cartella dei dati')
    item('Apri la cartella dei log')
    expect(b.opened).toEqual([dataDir, join(dataDir, 'logs')])
    // Whatever main logs with the key in it (here a console.warn of its own) reaches the file without it.
    console.warn('[sportello] test line with the key', sandbox.apiKey)
    const log = readFileSync(join(dataDir, 'logs', 'sportello.log'), 'utf8')
    expect(log).toContain('diagnostics:')
    expect(log).toContain('test line with the key ***')
    expect(log).not.toContain(sandbox.apiKey)
  })
})

describe('updates and notifications', () => {
  it('without a feed, electron-updater is never touched', async () => {
    delete process.env['SPORTELLO_UPDATE_URL']
    const b = await start({ dataDir: tempDir(), keytar: keychain(), displays: [display(1, 0)] })
    vi.advanceTimersByTime(7 * 60 * 60_000)
    await b.quit()
    expect(b.updaterModuleRead).toBe(0)
    expect(b.exited).toEqual([0])
  })

  it('with a feed: checks at start and every six hours, and installs at quit only when no payment is unfinished', async () => {
    process.env['SPORTELLO_UPDATE_URL'] = 'https://updates.example.org/sportello/'
    const dataDir = tempDir()
    const keytar = keychain()
    const first = await start({ dataDir, keytar, displays: [display(1, 0)] })
    await vi.waitFor(() => expect(first.updater.checks).toBe(1))
    expect(first.updater.feeds).toEqual([{ provider: 'generic', url: 'https://updates.example.org/sportello/' }])
    expect(first.updater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: false })
    vi.advanceTimersByTime(6 * 60 * 60_000)
    expect(first.updater.checks).toBe(2)
    const demo = await first.ok('sessionConnectDemo')
    await first.quit()

    // A payment is unfinished: the downloaded update waits; the app quits as usual.
    await unfinishedPayment(dataDir, demo)
    const waiting = await start({ dataDir, keytar, displays: [display(1, 0)] })
    await vi.waitFor(() => expect(waiting.updater.checks).toBe(1))
    waiting.updater.emit('update-downloaded', { version: '1.0.1' })
    // …and the desk hears of the payment (notifications are on by default).
    await vi.waitFor(() => expect(waiting.notifications).toHaveLength(1))
    expect(waiting.notifications[0]!.title).toBe('Pagamento non concluso')
    await waiting.quit()
    expect(waiting.updater.installs).toEqual([])
    expect(waiting.exited).toEqual([0])

    // Nothing unfinished: installed at quit, silently, not restarted.
    const clean = await start({ dataDir: tempDir(), keytar: keychain(), displays: [display(1, 0)] })
    await vi.waitFor(() => expect(clean.updater.checks).toBe(1))
    clean.updater.emit('update-downloaded', { version: '1.0.1' })
    await clean.quit()
    expect(clean.updater.installs).toEqual([[true, false]])
  })

  it('notifications off in the settings: no system notification for the unfinished payment', async () => {
    delete process.env['SPORTELLO_UPDATE_URL']
    const dataDir = tempDir()
    const keytar = keychain()
    const first = await start({ dataDir, keytar, displays: [display(1, 0)] })
    const demo = await first.ok('sessionConnectDemo')
    await first.ok('settingsUpdate', { notifications: false })
    await first.quit()
    await unfinishedPayment(dataDir, demo)
    const b = await start({ dataDir, keytar, displays: [display(1, 0)] })
    await vi.waitFor(async () => expect((await b.ok('paymentsUnfinished')).payments).toHaveLength(1))
    vi.advanceTimersByTime(60_000)
    await new Promise((ok) => setTimeout(ok, 100))
    expect(b.notifications).toEqual([])
  })
})
