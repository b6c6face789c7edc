import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { channelNames, GRANT_PATH_CHANNEL } from '../../shared/contract'
import { loadWithStandIn } from '../support/electron-stub'

const bundle = 'out/main/index.js'

type Listener = (...args: any[]) => unknown
type MenuItem = { label?: string; role?: string; submenu?: MenuItem[]; click?: () => void }

class FakeWebContents {
  windowOpenHandler: ((d: { url: string }) => { action: string }) | null = null
  listeners = new Map<string, Listener[]>()
  executed: string[] = []
  cleared: unknown[] = []
  session = {
    clearStorageData: (o: unknown) => {
      this.cleared.push(o)
      return Promise.resolve()
    },
  }
  setWindowOpenHandler(fn: (d: { url: string }) => { action: string }) {
    this.windowOpenHandler = fn
  }
  on(event: string, fn: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn])
    return this
  }
  emit(event: string, ...args: unknown[]) {
    for (const fn of this.listeners.get(event) ?? []) fn(...args)
  }
  executeJavaScript(code: string) {
    this.executed.push(code)
    return Promise.resolve()
  }
}

/** The OS keychain, in memory: these tests are about the glue, not the Secret Service. */
function memoryKeytar() {
  const m = new Map<string, string>()
  return {
    getPassword: async (s: string, a: string) => m.get(`${s}/${a}`) ?? null,
    setPassword: async (s: string, a: string, p: string) => void m.set(`${s}/${a}`, p),
    deletePassword: async (s: string, a: string) => m.delete(`${s}/${a}`),
  }
}

/** Loads the built main bundle once with stand-ins recording everything it asks of Electron. */
async function boot(opts: { packaged: boolean; locale: string }) {
  const r = {
    windows: [] as Array<{ options: any; webContents: FakeWebContents; loaded: string | null }>,
    handlers: new Map<string, Listener>(),
    listeners: new Map<string, Listener>(),
    appEvents: new Map<string, Listener>(),
    opened: [] as string[],
    headersHook: null as Listener | null,
    permissionRequest: null as Listener | null,
    permissionCheck: null as Listener | null,
    menu: null as MenuItem[] | null,
    dialogs: [] as any[],
  }
  const electron = {
    app: {
      isPackaged: opts.packaged,
      requestSingleInstanceLock: () => true,
      getPath: () => mkdtempSync(join(tmpdir(), 'sportello-glue-')),
      getLocale: () => opts.locale,
      getVersion: () => '9.8.7',
      on: (name: string, fn: Listener) => r.appEvents.set(name, fn),
      whenReady: () => Promise.resolve(),
      quit: () => undefined,
      exit: () => undefined,
      setAppUserModelId: () => undefined,
    },
    screen: {
      getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
      getDisplayMatching: () => ({ id: 1 }),
    },
    powerMonitor: { getSystemIdleTime: () => 0, on: () => undefined },
    Notification: Object.assign(class {}, { isSupported: () => false }),
    BrowserWindow: class {
      webContents = new FakeWebContents()
      entry: { options: any; webContents: FakeWebContents; loaded: string | null }
      constructor(options: any) {
        this.entry = { options, webContents: this.webContents, loaded: null }
        r.windows.push(this.entry)
      }
      once() {}
      on() {}
      show() {}
      maximize() {}
      loadFile(f: string) {
        this.entry.loaded = f
        return Promise.resolve()
      }
      loadURL(u: string) {
        this.entry.loaded = u
        return Promise.resolve()
      }
    },
    Menu: {
      buildFromTemplate: (t: MenuItem[]) => ({ template: t }),
      setApplicationMenu: (m: { template: MenuItem[] } | null) => (r.menu = m?.template ?? null),
    },
    dialog: { showMessageBox: (...args: any[]) => (r.dialogs.push(args.at(-1)), Promise.resolve({ response: 0 })) },
    ipcMain: {
      handle: (name: string, fn: Listener) => r.handlers.set(name, fn),
      on: (name: string, fn: Listener) => r.listeners.set(name, fn),
    },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: (fn: Listener) => (r.headersHook = fn) },
        setPermissionRequestHandler: (fn: Listener) => (r.permissionRequest = fn),
        setPermissionCheckHandler: (fn: Listener) => (r.permissionCheck = fn),
      },
    },
    shell: { openExternal: (url: string) => r.opened.push(url) },
  }
  delete process.env['ELECTRON_RENDERER_URL']
  loadWithStandIn(bundle, electron, { keytar: memoryKeytar(), 'electron-updater': { autoUpdater: null } })
  for (let i = 0; i < 100 && r.windows.length === 0; i++) await new Promise((ok) => setTimeout(ok, 10)) // whenReady().then
  const win = r.windows[0]!
  const appUrl = pathToFileURL(win.loaded!).toString()
  /** An IPC event as Electron would build it: from our window's top frame unless told otherwise. */
  const event = (url = appUrl, o: { sender?: unknown; parent?: unknown } = {}) => ({
    sender: o.sender ?? win.webContents,
    senderFrame: { url, parent: o.parent ?? null },
  })
  const call = (channel: string, input: unknown, ev = event()) => r.handlers.get(channel)!(ev, input) as Promise<any>
  return { ...r, win, appUrl, event, call }
}
type Booted = Awaited<ReturnType<typeof boot>>

const flat = (items: MenuItem[]): MenuItem[] => items.flatMap((i) => [i, ...(i.submenu ? flat(i.submenu) : [])])

let dev: Booted
let packaged: Booted

beforeAll(async () => {
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build first`)
  dev = await boot({ packaged: false, locale: 'en-US' })
  packaged = await boot({ packaged: true, locale: 'it-IT' })
})
afterAll(async () => {
  // Let each main app close what it opened (the demo practice), as on quit.
  for (const b of [dev, packaged]) b?.appEvents.get('will-quit')?.({ preventDefault: () => undefined })
  await new Promise((ok) => setTimeout(ok, 50))
})

describe('the built main bundle, loaded with a stand-in electron', () => {
  it('registers exactly one handler per contract channel, and only the path-grant listener besides', () => {
    expect([...packaged.handlers.keys()].sort()).toEqual([...channelNames].sort())
    expect([...packaged.listeners.keys()]).toEqual([GRANT_PATH_CHANNEL])
  })

  it('takes path grants only from our window, and only absolute paths', () => {
    const b = packaged
    const grant = (ev: ReturnType<Booted['event']>, path: unknown) => {
      const e: typeof ev & { returnValue?: unknown } = ev
      b.listeners.get(GRANT_PATH_CHANNEL)!(e, path)
      return e.returnValue
    }
    expect(grant(b.event(b.appUrl, { sender: {} }), '/home/desk/x-ray.dcm')).toBe(false)
    expect(grant(b.event('data:text/html,x'), '/home/desk/x-ray.dcm')).toBe(false)
    expect(grant(b.event(), 42)).toBe(false)
    expect(grant(b.event(), 'relative.dcm')).toBe(false)
    expect(grant(b.event(), '/home/desk/x-ray.dcm')).toBe(true)
  })

  it('opens one window with the secure webPreferences, and no DevTools when packaged', () => {
    for (const b of [dev, packaged]) {
      expect(b.windows).toHaveLength(1)
      const prefs = b.windows[0]!.options.webPreferences
      expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false })
      expect(prefs.preload).toMatch(/preload[\\/]index\.js$/)
      expect(b.windows[0]!.loaded).toMatch(/renderer[\\/]index\.html$/)
    }
    expect(packaged.windows[0]!.options.webPreferences.devTools).toBe(false)
    expect(dev.windows[0]!.options.webPreferences.devTools).toBe(true)
  })

  it('denies window.open, and only hands https links and plain phone numbers to the system', () => {
    const wc = packaged.win.webContents
    for (const url of ['https://example.org/', 'file:///etc/passwd', 'tel:+390612345678', 'tel:06;rm', 'tel:+39 06', 'javascript:alert(1)'])
      expect(wc.windowOpenHandler!({ url })).toEqual({ action: 'deny' })
    expect(packaged.opened).toEqual(['https://example.org/', 'tel:+390612345678'])
  })

  it('blocks navigation and redirects away from the app, opaque-origin URLs included, but not within it', () => {
    const wc = packaged.win.webContents
    const attempt = (event: string, url: string) => {
      let prevented = false
      wc.emit(event, { preventDefault: () => (prevented = true) }, url)
      return prevented
    }
    for (const ev of ['will-navigate', 'will-redirect']) {
      for (const url of [
        'https://evil.example/',
        'file:///etc/passwd',
        'data:text/html,<script>alert(1)</script>',
        'about:blank',
        'blob:null/1',
      ]) {
        expect(attempt(ev, url), `${ev} ${url}`).toBe(true)
      }
      expect(attempt(ev, packaged.appUrl + '#/day')).toBe(false)
    }
  })

  it('sets a strict Content-Security-Policy on every response and refuses every permission, asked or checked', () => {
    let out: any
    packaged.headersHook!({ responseHeaders: { 'X-Other': ['1'] } }, (r: any) => (out = r))
    const csp = out.responseHeaders['Content-Security-Policy'][0] as string
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("object-src 'none'")
    expect(out.responseHeaders['X-Other']).toEqual(['1'])
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      let granted: boolean | undefined
      packaged.permissionRequest!(null, permission, (g: boolean) => (granted = g))
      expect(granted, permission).toBe(false)
      expect(packaged.permissionCheck, 'a permission check handler').not.toBeNull()
      expect(packaged.permissionCheck!(null, permission, packaged.appUrl, { requestingUrl: packaged.appUrl }), permission).toBe(false)
    }
  })

  it('refuses calls from other senders, from opaque-origin pages and from frames inside our page', async () => {
    const b = packaged
    const refused = { ok: false, error: { kind: 'invalid', message: 'This request did not come from the Sportello window.' } }
    expect(await b.call('sessionStatus', {}, b.event(b.appUrl, { sender: {} }))).toEqual(refused)
    for (const url of ['data:text/html,<script>1</script>', 'about:blank', 'blob:null/2', 'file:///tmp/evil.html', `${b.appUrl}?x`]) {
      expect(await b.call('sessionStatus', {}, b.event(url)), url).toEqual(refused)
    }
    expect(await b.call('sessionStatus', {}, b.event(b.appUrl, { parent: { url: b.appUrl } }))).toEqual(refused)
    expect(await b.call('sessionStatus', {}, { sender: b.win.webContents, senderFrame: null } as any)).toEqual(refused)
    expect(await b.call('sessionStatus', {})).toMatchObject({ ok: true })
  })

  it('validates input, returning errors as data', async () => {
    const bad = await packaged.call('sessionConnect', { apiKey: 42 })
    expect(bad.ok).toBe(false)
    expect(bad.error.kind).toBe('invalid')
    expect(bad.error.message).toMatch(/apiKey/)
    expect(JSON.stringify(bad)).not.toMatch(/\n\s+at /) // no stack trace
    const http = await packaged.call('sessionConnect', { apiKey: 'k', baseUrl: 'http://alfadocs.example.com/api/v1' })
    expect(http).toMatchObject({ ok: false, error: { kind: 'invalid' } })
  })

  it('sets an application menu in the system language, without reload or DevTools when packaged', () => {
    expect(packaged.menu!.map((m) => m.label)).toEqual(['File', 'Modifica', 'Visualizza', 'Vai', 'Aiuto'])
    expect(dev.menu!.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Go', 'Help'])
    const roles = (b: Booted) => flat(b.menu!).map((i) => i.role)
    for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']) {
      expect(roles(packaged)).toContain(role)
    }
    expect(roles(packaged)).not.toContain('toggleDevTools')
    expect(roles(packaged)).not.toContain('reload')
    expect(roles(dev)).toContain('toggleDevTools')
  })

  it('goes to a screen from the menu by the page hash route, and shows the version in the about box', async () => {
    const go = packaged.menu!.find((m) => m.label === 'Vai')!.submenu!
    for (const item of go) item.click!()
    expect(packaged.win.webContents.executed).toEqual([
      'location.hash = "#/day"',
      'location.hash = "#/patients"',
      'location.hash = "#/billing"',
      'location.hash = "#/lists/confirmations"',
    ])
    flat(packaged.menu!).find((i) => i.label === 'Informazioni su Sportello')!.click!()
    expect(packaged.dialogs.at(-1)).toMatchObject({ title: 'Informazioni su Sportello', message: 'Sportello, versione 9.8.7' })
  })

  it("clears the window's Chromium storage after a successful disconnect, and only then", async () => {
    const wc = packaged.win.webContents
    expect(await packaged.call('sessionConnectDemo', {})).toMatchObject({ ok: true })
    expect(wc.cleared).toEqual([])
    expect(await packaged.call('sessionDisconnect', {}, packaged.event('about:blank'))).toMatchObject({ ok: false })
    expect(wc.cleared).toEqual([])
    expect(await packaged.call('sessionDisconnect', {})).toMatchObject({ ok: true })
    expect(wc.cleared).toHaveLength(1)
    const storages = (wc.cleared[0] as { storages: string[] }).storages
    for (const s of ['indexdb', 'localstorage', 'cachestorage', 'serviceworkers']) expect(storages).toContain(s)
    expect(await packaged.call('sessionStatus', {})).toMatchObject({ ok: true, value: { state: 'disconnected' } })
  })
})
