import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, BrowserWindow, ipcMain, session, shell } from 'electron'
import { createMainApp } from './app'
import { registerIpc } from './ipc'
import { KeytarSecretStore } from './keychain/keytar-store'
import { CONTENT_SECURITY_POLICY, lockDownNavigation, windowOptions } from './window'

// Thin Electron glue: the logic lives in createMainApp and is tested without Electron.

const rendererUrl = process.env['ELECTRON_RENDERER_URL']
const rendererFile = join(__dirname, '../renderer/index.html')
const appUrl = rendererUrl ?? pathToFileURL(rendererFile).toString()

function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url)
    const base = new URL(appUrl)
    return u.protocol === 'file:' ? u.pathname === base.pathname : u.origin === base.origin
  } catch {
    return false
  }
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  const main = createMainApp({ secretStore: new KeytarSecretStore(), dataDir: app.getPath('userData') })
  let win: BrowserWindow | null = null

  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore()
      win.focus()
    }
  })

  app.whenReady().then(() => {
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({
        responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
      })
    })
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))

    registerIpc(ipcMain, main, (event) => win !== null && event.sender === win.webContents && isAppUrl(event.senderFrame?.url ?? ''))

    win = new BrowserWindow(windowOptions(__dirname))
    lockDownNavigation(win, isAppUrl, (url) => void shell.openExternal(url))
    win.once('ready-to-show', () => win?.show())
    win.on('closed', () => (win = null))
    if (rendererUrl) void win.loadURL(rendererUrl)
    else void win.loadFile(rendererFile)
  })

  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', (event) => {
    event.preventDefault()
    main
      .dispose()
      .catch(() => undefined)
      .finally(() => app.exit(0))
  })
}
