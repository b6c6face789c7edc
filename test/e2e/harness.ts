import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { channelNames, type ChannelInput, type ChannelName, type ChannelOutput } from '../../shared/contract'
import { createMainApp, type MainApp } from '../../electron/main/app'
import { MemorySecretStore } from '../../electron/main/keychain/memory-store'
import type { PrintTarget } from '../../electron/main/services/print/print-target'
import { startSandbox, type Sandbox } from '../../electron/sandbox'

// Drives the *built* renderer (out/renderer) in Debian's Chromium, with `window.api` wired to the very
// `invoke` the Electron IPC handler calls. Only the Electron glue (ipcMain/preload) is left out.

const ROOT = resolve(__dirname, '../..')
const RENDERER_DIR = join(ROOT, 'out/renderer')
export const SCREENSHOT_DIR = join(ROOT, 'test-results/screenshots')

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']

/** The Chromium to drive, or null (a loud warning; in CI a hard failure). */
export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH
  const found = fromEnv ? (existsSync(fromEnv) ? fromEnv : null) : (CANDIDATES.find((p) => existsSync(p)) ?? null)
  if (found) return found
  const msg =
    `No Chromium found (${fromEnv ? `CHROMIUM_PATH=${fromEnv} does not exist` : `looked at ${CANDIDATES.join(', ')}`}). ` +
    'Install it (apt-get install chromium) or set CHROMIUM_PATH.'
  if (process.env.CI) throw new Error(`[e2e] ${msg}`)
  console.warn(`\n${'!'.repeat(78)}\n!! E2E TESTS SKIPPED: ${msg}\n${'!'.repeat(78)}\n`)
  return null
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/**
 * The page's `window.api`, as the preload gives it: every channel calls the `__sportelloInvoke` binding the
 * context exposes. Page-side code is plain JS text: this file is type-checked without the DOM library.
 */
export const WINDOW_API_JS = `(() => {
  const api = {}
  for (const name of ${JSON.stringify(channelNames)}) api[name] = (input) => window.__sportelloInvoke(name, input ?? {})
  Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false, configurable: false })
})()`

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
}

/**
 * How long the page may keep a file: Vite names every file under assets/ by its content's hash, so a name
 * never holds other bytes (a new build writes new names); index.html and the rest are asked for each time.
 * As a static host serves a Vite build: a reload then reads the scripts from Chromium's cache, as Electron
 * reads them from out/renderer on disk, instead of over loopback HTTP behind the harness's own event loop.
 */
export const cacheControl = (pathname: string): string =>
  /^\/assets\/[^/]+-[\w-]{8}\.(?:js|mjs|css|woff2|png|svg)$/.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-cache'

/** Serves the built renderer (out/renderer) on a free loopback port. */
export async function serveRenderer(): Promise<{ server: Server; url: string }> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`[e2e] ${RENDERER_DIR}/index.html is missing: run npm run build first.`)
  }
  const server = createServer((req, res) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
      const file = normalize(join(RENDERER_DIR, pathname === '/' ? 'index.html' : pathname))
      if (!file.startsWith(RENDERER_DIR + sep) || !(await stat(file).catch(() => null))?.isFile()) {
        res.writeHead(404).end('not found')
        return
      }
      res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': cacheControl(pathname) })
      res.end(await readFile(file))
    })().catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500)
      res.end(String(e))
    })
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const { port } = server.address() as AddressInfo
  return { server, url: `http://127.0.0.1:${port}/` }
}

export interface HarnessOptions {
  /** The practice's "today" for the demo sandbox and the page's clock (a weekday, YYYY-MM-DD). */
  today?: string
  seed?: number
  /** Leave the page's clock alone (benchmarks): a faked clock also fakes requestAnimationFrame and
   * `performance`, so "painted" would follow a timer instead of a frame and performance marks vanish. */
  realClock?: boolean
  /** The privacy lock as the Electron app has it (a PIN for a practice's desk); off otherwise. */
  privacyLock?: boolean
}

/** A channel's input, optional when the channel takes none (`{}`), as the renderer's `call` sends it. */
export type InvokeInput<C extends ChannelName> =
  Record<never, never> extends ChannelInput<C> ? [input?: ChannelInput<C>] : [input: ChannelInput<C>]

/** The screens a reception desk has: the common laptop and the common monitor. */
const DESK_SCREENS = [
  [1366, 768],
  [1920, 1080],
] as const

export interface Harness {
  page: Page
  context: BrowserContext
  app: MainApp
  secretStore: MemorySecretStore
  today: string
  /** Everything the page logged as an error, and uncaught exceptions (CSP violations land here too). */
  pageErrors: string[]
  /** Loads the app at a hash route ("#/connect", "#/day/2026-03-11"); default: the start page. */
  open(hash?: string): Promise<void>
  /** Screenshot of what the receptionist sees (the window; `fullPage` for all of it) into
   * test-results/screenshots/NAME.png; returns the path. */
  screenshot(name: string, opts?: { fullPage?: boolean }): Promise<string>
  /** The same screenshot at the two screens a desk has (NAME-1366x768.png, NAME-1920x1080.png), then the viewport
   * back to `back`. */
  screenshotSizes(name: string, back: { width: number; height: number }): Promise<void>
  /** Row counts of every table in the renderer's IndexedDB (Dexie) database. */
  cacheCounts(): Promise<Record<string, number>>
  /** The demo practice the app is connected to (its live state and fault knobs), once started. */
  sandbox(): Sandbox
  /**
   * Main quits and starts again on the same data folder and keychain (the page keeps running: reload it,
   * as the window of a restarted app loads again).
   */
  restartMain(): Promise<void>
  /** Connects main to an AlfaDocs-shaped server (e.g. a sandbox process) with its key, as "Collega il mio studio" does. */
  connectTo(server: { baseUrl: string; apiKey: string }): Promise<void>
  /** Calls a channel exactly as the renderer does (for expectations taken from the sandbox), typed by the contract. */
  invoke<C extends ChannelName>(channel: C, ...input: InvokeInput<C>): Promise<ChannelOutput<C>>
  /** What the print preview asked of the window: system print dialogs "printed", files the save dialog answered. */
  printing: PrintJobs
  close(): Promise<void>
}

export interface PrintJobs {
  printed: number
  /** Paths the save dialog answered (a folder of the data dir), in order. */
  saved: string[]
}

/**
 * The window's printing without Electron: Chromium's own page.pdf() is printToPDF (the same engine, print media),
 * the system dialog "prints" at once, the save dialog answers a file in `dir`.
 */
function pagePrintTarget(page: () => Page | null, dir: string, jobs: PrintJobs): PrintTarget {
  return {
    printToPDF: async () => {
      const p = page()
      if (!p) throw new Error('no page yet')
      // As Electron's printToPDF: A4, its default 1 cm margins, no backgrounds.
      const margin = { top: '1cm', bottom: '1cm', left: '1cm', right: '1cm' }
      return new Uint8Array(await p.pdf({ format: 'A4', printBackground: false, preferCSSPageSize: true, margin }))
    },
    print: async () => (jobs.printed++, true),
    saveDialog: async (name) => {
      const path = join(dir, name)
      jobs.saved.push(path)
      return path
    },
  }
}

const COUNT_TABLES_JS = `new Promise((done, fail) => {
  const req = indexedDB.open('sportello')
  req.onerror = () => fail(req.error)
  req.onsuccess = () => {
    const idb = req.result
    const names = Array.from(idb.objectStoreNames)
    const out = {}
    if (names.length === 0) { idb.close(); done(out); return }
    const tx = idb.transaction(names, 'readonly')
    for (const n of names) { const c = tx.objectStore(n).count(); c.onsuccess = () => { out[n] = c.result } }
    tx.oncomplete = () => { idb.close(); done(out) }
    tx.onerror = () => fail(tx.error)
  }
})`

/** A fixed Wednesday: the sandbox's seeded week has appointments on it and on the day after. */
export const DEFAULT_TODAY = '2026-03-11'

export async function startHarness(executablePath: string, opts: HarnessOptions = {}): Promise<Harness> {
  const today = opts.today ?? DEFAULT_TODAY
  const cleanup: Array<() => Promise<unknown>> = []
  const close = async () => {
    for (const fn of cleanup.reverse()) await fn().catch((e: unknown) => console.warn('[e2e] cleanup:', e))
  }
  try {
    const { server, url } = await serveRenderer()
    cleanup.push(() => new Promise((ok) => server.close(ok)))

    const dataDir = await mkdtemp(join(tmpdir(), 'sportello-e2e-'))
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }))
    const secretStore = new MemorySecretStore()
    const printing: PrintJobs = { printed: 0, saved: [] }
    let shown: Page | null = null
    const printTarget = pagePrintTarget(() => shown, dataDir, printing)
    let demo: Sandbox | null = null
    const startMain = () =>
      createMainApp({
        secretStore,
        dataDir,
        printTarget: () => printTarget,
        ...(opts.privacyLock ? { privacyLock: true } : {}),
        sandbox: { today, ...(opts.seed !== undefined ? { seed: opts.seed } : {}), onStart: (sb) => (demo = sb) },
      })
    let app = startMain()
    cleanup.push(() => app.dispose())

    const browser: Browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
    cleanup.push(() => browser.close())
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'it-IT', timezoneId: 'Europe/Rome' })
    cleanup.push(() => context.close())
    // The page's clock says it is 09:00 on `today` in Rome, so "Oggi" is the sandbox's today.
    if (!opts.realClock) await context.clock.setFixedTime(new Date(`${today}T08:00:00Z`))

    await context.exposeBinding('__sportelloInvoke', (_source, channel: string, input: unknown) => app.invoke(channel, input))
    await context.addInitScript({ content: WINDOW_API_JS })

    const page = await context.newPage()
    shown = page
    const pageErrors: string[] = []
    page.on('console', (m) => {
      if (m.type() === 'error') {
        pageErrors.push(m.text())
      }
    })
    page.on('pageerror', (e) => pageErrors.push(`${e.name}: ${e.message}`))

    await mkdir(SCREENSHOT_DIR, { recursive: true })

    return {
      page,
      context,
      get app() {
        return app
      },
      secretStore,
      today,
      pageErrors,
      open: async (hash = '') => {
        await page.goto(url + hash)
      },
      screenshot: async (name, opts) => {
        const path = join(SCREENSHOT_DIR, `${name}.png`)
        await page.screenshot({ path, fullPage: opts?.fullPage ?? false, animations: 'disabled' })
        return path
      },
      screenshotSizes: async (name, back) => {
        for (const [width, height] of DESK_SCREENS) {
          await page.setViewportSize({ width, height })
          await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${width}x${height}.png`), animations: 'disabled' })
        }
        await page.setViewportSize(back)
      },
      sandbox: () => {
        if (!demo) throw new Error('the demo practice has not been opened yet')
        return demo
      },
      cacheCounts: () => page.evaluate<Record<string, number>>(COUNT_TABLES_JS),
      restartMain: async () => {
        await app.dispose()
        demo = null
        app = startMain()
      },
      connectTo: async (server) => {
        const r = await app.invoke('sessionConnect', { apiKey: server.apiKey, baseUrl: server.baseUrl })
        if (!r.ok) throw new Error(`sessionConnect failed: ${r.error.kind}: ${r.error.message}`)
      },
      invoke: async <C extends ChannelName>(channel: C, ...input: InvokeInput<C>) => {
        const r = await app.invoke(channel, input[0] ?? {})
        if (!r.ok) throw new Error(`${channel} failed: ${r.error.kind}: ${r.error.message}`)
        return r.value as ChannelOutput<C>
      },
      printing,
      close,
    }
  } catch (e) {
    await close()
    throw e
  }
}

/** A separate demo server (for "Connect to my practice" against a real AlfaDocs-shaped API). */
export async function startDemoServer(today = DEFAULT_TODAY): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const sb = await startSandbox({ port: 0, quiet: true, today })
  return { baseUrl: sb.baseUrl, close: () => sb.close() }
}
