import { join } from 'node:path'
import type { BrowserWindow as BrowserWindowType, BrowserWindowConstructorOptions, WebPreferences } from 'electron'

/** The only webPreferences Sportello's window ever gets; a packaged build has no DevTools at all. */
export function secureWebPreferences(preloadPath: string, opts: { packaged: boolean }): WebPreferences {
  return {
    preload: preloadPath,
    devTools: !opts.packaged,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  }
}

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

export function windowOptions(mainDir: string, opts: { packaged: boolean }): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    title: 'Sportello',
    backgroundColor: '#f5f6f8',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(join(mainDir, '../preload/index.js'), opts),
  }
}

/**
 * Whether a URL is the app's own page. A `file:` page's origin is the opaque "null", which every data:,
 * about:blank or blob:null URL shares, so origins cannot be compared there: a file page must be exactly the
 * app's index.html (any #route). In development the dev server's exact http(s) origin.
 */
export function appUrlMatcher(appUrl: string): (url: string) => boolean {
  const base = new URL(appUrl)
  const isFile = base.protocol === 'file:'
  if (!isFile && base.protocol !== 'http:' && base.protocol !== 'https:') throw new Error(`unexpected app URL ${appUrl}`)
  return (url) => {
    let u: URL
    try {
      u = new URL(url)
    } catch {
      return false
    }
    if (isFile) return u.protocol === 'file:' && u.host === base.host && u.pathname === base.pathname && u.search === ''
    return u.protocol === base.protocol && u.origin === base.origin
  }
}

/** What the system may open for a link of the page: https pages, and phone numbers to call (digits only). */
export const isExternalLink = (url: string): boolean => /^https:\/\//i.test(url) || /^tel:\+?\d{3,20}$/.test(url)

/** No navigation away from the app and no new windows; external links open in the browser (https) or the phone app (tel:). */
export function lockDownNavigation(win: BrowserWindowType, isAppUrl: (url: string) => boolean, openExternal: (url: string) => void) {
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url)) openExternal(url)
    return { action: 'deny' }
  })
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  win.webContents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  win.webContents.on('will-attach-webview', (event) => event.preventDefault())
}
