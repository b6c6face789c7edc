import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell, type IpcMainInvokeEvent } from 'electron'
import { createMainApp } from './app'
import { registerIpc } from './ipc'
import { KeytarSecretStore } from './keychain/keytar-store'
import { aboutText, MENU_ROUTES, menuLanguage, menuTemplate } from './menu'
import { appUrlMatcher, CONTENT_SECURITY_POLICY, lockDownNavigation, windowOptions } from './window'

// Thin Electron glue: the logic lives in createMainApp and is tested without Electron.

const rendererUrl = process.env['ELECTRON_RENDERER_URL']
const rendererFile = join(__dirname, '../renderer/index.html')
const isAppUrl = appUrlMatcher(rendererUrl ?? pathToFileURL(rendererFile).toString())

/** Everything of the window's Chromium that could hold a practice's data. */
const WINDOW_STORAGES = [
  'indexdb',
  'localstorage',
  'cachestorage',
  'serviceworkers',
  'websql',
  'filesystem',
  'cookies',
  'shadercache',
] as const

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

  /** Only the top frame of our window, showing our page. */
  const isTrustedSender = (event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>) => {
    const frame = event.senderFrame
    return win !== null && event.sender === win.webContents && frame != null && frame.parent === null && isAppUrl(frame.url)
  }

  app.whenReady().then(() => {
    const packaged = app.isPackaged
    const language = menuLanguage(app.getLocale())
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({
        responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
      })
    })
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
    session.defaultSession.setPermissionCheckHandler(() => false)

    registerIpc(ipcMain, main, isTrustedSender, {
      afterDisconnect: async () => {
        if (win) await win.webContents.session.clearStorageData({ storages: [...WINDOW_STORAGES] })
      },
    })

    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate({
          language,
          packaged,
          platform: process.platform,
          // A same-document hash change: the page's router takes it from there (and its guards apply).
          navigate: (to) =>
            void win?.webContents.executeJavaScript(`location.hash = ${JSON.stringify(MENU_ROUTES[to])}`).catch(() => undefined),
          about: () => {
            const { title, message } = aboutText(language, app.getVersion())
            const options = { type: 'info' as const, title, message, buttons: ['OK'] }
            void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options))
          },
        }),
      ),
    )

    win = new BrowserWindow(windowOptions(__dirname, { packaged }))
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
