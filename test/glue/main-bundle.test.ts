import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { channelNames, GRANT_PATH_CHANNEL } from '../../shared/contract'
import { loadWithStandIn } from '../support/electron-stub'

const bundle = 'out/main/index.js'

type Listener = (...args: any[]) => unknown

class FakeWebContents {
  windowOpenHandler: ((d: { url: string }) => { action: string }) | null = null
  listeners = new Map<string, Listener[]>()
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
}

const windows: Array<{ options: any; webContents: FakeWebContents; loaded: string | null }> = []
const handlers = new Map<string, Listener>()
const listeners = new Map<string, Listener>()
const opened: string[] = []
let headersHook: Listener | null = null
let permissionHook: Listener | null = null

const electron = {
  app: {
    requestSingleInstanceLock: () => true,
    getPath: () => mkdtempSync(join(tmpdir(), 'sportello-glue-')),
    on: () => undefined,
    whenReady: () => Promise.resolve(),
    quit: () => undefined,
    exit: () => undefined,
  },
  BrowserWindow: class {
    webContents = new FakeWebContents()
    entry: { options: any; webContents: FakeWebContents; loaded: string | null }
    constructor(options: any) {
      this.entry = { options, webContents: this.webContents, loaded: null }
      windows.push(this.entry)
    }
    once() {}
    on() {}
    show() {}
    loadFile(f: string) {
      this.entry.loaded = f
      return Promise.resolve()
    }
    loadURL(u: string) {
      this.entry.loaded = u
      return Promise.resolve()
    }
  },
  ipcMain: { handle: (name: string, fn: Listener) => handlers.set(name, fn), on: (name: string, fn: Listener) => listeners.set(name, fn) },
  session: {
    defaultSession: {
      webRequest: { onHeadersReceived: (fn: Listener) => (headersHook = fn) },
      setPermissionRequestHandler: (fn: Listener) => (permissionHook = fn),
    },
  },
  shell: { openExternal: (url: string) => opened.push(url) },
}

describe('the built main bundle, loaded with a stand-in electron', () => {
  beforeAll(async () => {
    if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build first`)
    loadWithStandIn(bundle, electron)
    await new Promise((r) => setTimeout(r, 50)) // let whenReady().then run
  })

  it('registers exactly one handler per contract channel, and only the path-grant listener besides', () => {
    expect([...handlers.keys()].sort()).toEqual([...channelNames].sort())
    expect([...listeners.keys()]).toEqual([GRANT_PATH_CHANNEL])
  })

  it('takes path grants only from our window, and only absolute paths', () => {
    const win = windows[0]!
    const appUrl = pathToFileURL(win.loaded!).toString()
    const grant = (sender: unknown, path: unknown) => {
      const event: { sender: unknown; senderFrame: { url: string }; returnValue?: unknown } = { sender, senderFrame: { url: appUrl } }
      listeners.get(GRANT_PATH_CHANNEL)!(event, path)
      return event.returnValue
    }
    expect(grant({}, '/home/desk/x-ray.dcm')).toBe(false)
    expect(grant(win.webContents, 42)).toBe(false)
    expect(grant(win.webContents, 'relative.dcm')).toBe(false)
    expect(grant(win.webContents, '/home/desk/x-ray.dcm')).toBe(true)
  })

  it('opens one window with the secure webPreferences', () => {
    expect(windows).toHaveLength(1)
    const prefs = windows[0]!.options.webPreferences
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false })
    expect(prefs.preload).toMatch(/preload[\\/]index\.js$/)
    expect(windows[0]!.loaded).toMatch(/renderer[\\/]index\.html$/)
  })

  it('denies window.open, and only hands https links to the system browser', () => {
    const wc = windows[0]!.webContents
    expect(wc.windowOpenHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' })
    expect(wc.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(opened).toEqual(['https://example.org/'])
  })

  it('blocks navigation away from the app but not within it', () => {
    const wc = windows[0]!.webContents
    const attempt = (url: string) => {
      let prevented = false
      wc.emit('will-navigate', { preventDefault: () => (prevented = true) }, url)
      return prevented
    }
    expect(attempt('https://evil.example/')).toBe(true)
    expect(attempt('file:///etc/passwd')).toBe(true)
    expect(attempt(pathToFileURL(windows[0]!.loaded!).toString() + '#/day')).toBe(false)
  })

  it('sets a strict Content-Security-Policy on every response and refuses permission requests', () => {
    let out: any
    headersHook!({ responseHeaders: { 'X-Other': ['1'] } }, (r: any) => (out = r))
    const csp = out.responseHeaders['Content-Security-Policy'][0] as string
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("object-src 'none'")
    expect(out.responseHeaders['X-Other']).toEqual(['1'])
    let granted: boolean | undefined
    permissionHook!(null, 'media', (g: boolean) => (granted = g))
    expect(granted).toBe(false)
  })

  it('refuses calls from other senders and validates input, returning errors as data', async () => {
    const win = windows[0]!
    const appUrl = pathToFileURL(win.loaded!).toString()
    const stranger = await handlers.get('sessionConnect')!({ sender: {}, senderFrame: { url: appUrl } }, { apiKey: 'x' })
    expect(stranger).toMatchObject({ ok: false, error: { kind: 'invalid' } })
    const bad: any = await handlers.get('sessionConnect')!({ sender: win.webContents, senderFrame: { url: appUrl } }, { apiKey: 42 })
    expect(bad.ok).toBe(false)
    expect(bad.error.kind).toBe('invalid')
    expect(bad.error.message).toMatch(/apiKey/)
    expect(JSON.stringify(bad)).not.toMatch(/\n\s+at /) // no stack trace
    const http = await handlers.get('sessionConnect')!(
      { sender: win.webContents, senderFrame: { url: appUrl } },
      { apiKey: 'k', baseUrl: 'http://alfadocs.example.com/api/v1' },
    )
    expect(http).toMatchObject({ ok: false, error: { kind: 'invalid' } })
  })
})
