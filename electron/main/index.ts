import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  Notification,
  powerMonitor,
  screen,
  session,
  shell,
  type IpcMainInvokeEvent,
} from 'electron'
import { autoUpdater } from 'electron-updater'
import { todayIn } from '../../shared/dates'
import { doctorChecks, doctorReason, runDoctorChecks } from '../cli/doctor-checks'
import { createMainApp } from './app'
import { electronPrintTarget } from './electron-print-target'
import { registerIpc } from './ipc'
import { KeytarSecretStore } from './keychain/keytar-store'
import { watchIdle } from './lock/idle-watch'
import { rememberingSecrets } from './log/known-secrets'
import { LOG_FOLDER, LogFile, routeConsole } from './log/log-file'
import { aboutText, diagnosticsText, MENU_ROUTES, menuLanguage, menuTemplate } from './menu'
import { arrivalNotice, createNotifier, watchUnfinishedPayments } from './notifications'
import { updateFeedUrl, Updates, type Updater } from './updater'
import { appUrlMatcher, CONTENT_SECURITY_POLICY, lockDownNavigation, windowOptions } from './window'
import { placeWindow, WindowStateStore } from './window-state'

// Thin Electron glue: the logic lives in createMainApp and the plain modules it wires; tested without Electron.

/** electron-builder.yml's appId (Windows groups the notifications and the task bar entry by it). */
export const APP_ID = 'it.sportello.desk'
const PAYMENT_NOTICE_EVERY_MS = 60_000

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
  const dataDir = app.getPath('userData')
  const logDir = join(dataDir, LOG_FOLDER)
  const keychain = rememberingSecrets(new KeytarSecretStore())
  const log = new LogFile({ dir: logDir, secrets: keychain.secrets })
  routeConsole(log)
  log.write('info', `Sportello ${app.getVersion()} starting`)
  const main = createMainApp({
    secretStore: keychain.store,
    dataDir,
    privacyLock: true,
    printTarget: () => (win ? electronPrintTarget(win, dialog) : null),
  })
  const { services } = main
  const windowState = new WindowStateStore(dataDir)
  const savedState = windowState.read()
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID)

  let win: BrowserWindow | null = null
  let stateSaved: Promise<void> = Promise.resolve()
  let quitting = false

  const hasUnfinishedPayments = () =>
    services.payments.unfinished().then(
      (u) => u.payments.length > 0,
      // Not connected: no payment can be running. Anything else: not known, so counted as unfinished.
      (e: unknown) => (e as { kind?: string }).kind !== 'not-connected',
    )
  const updates = new Updates({
    updater: () => autoUpdater as unknown as Updater,
    feedUrl: () => services.settings.computer().then((s) => updateFeedUrl(s)),
    hasUnfinishedPayments,
    log: (message, e) => log.write(e ? 'warn' : 'info', message, e ?? ''),
  })

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

  const showBox = (options: Electron.MessageBoxOptions) => void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options))

  app.whenReady().then(async () => {
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

    const diagnostics = async () => {
      const client = await services.session.client().catch(() => null)
      const lines = client ? await runDoctorChecks(doctorChecks(client, todayIn(), language), (e) => doctorReason(e, language)) : null
      const { title, message, detail } = diagnosticsText(language, lines)
      log.write('info', `diagnostics:\n${detail || message}`)
      showBox({ type: lines?.every((l) => l.ok) ? 'info' : 'warning', title, message, detail, buttons: ['OK'] })
    }
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate({
          language,
          packaged,
          platform: process.platform,
          version: app.getVersion(),
          // A same-document hash change: the page's router takes it from there (and its guards apply).
          navigate: (to) =>
            void win?.webContents.executeJavaScript(`location.hash = ${JSON.stringify(MENU_ROUTES[to])}`).catch(() => undefined),
          about: () => {
            const { title, message } = aboutText(language, app.getVersion())
            showBox({ type: 'info', title, message, buttons: ['OK'] })
          },
          diagnostics: () => void diagnostics().catch((e: unknown) => console.error('[sportello] diagnostics failed', e)),
          openDataFolder: () => void shell.openPath(dataDir),
          openLogFolder: () => void shell.openPath(logDir),
        }),
      ),
    )

    const displays = () => screen.getAllDisplays().map((d) => ({ id: d.id, workArea: d.workArea }))
    const base = windowOptions(__dirname, { packaged })
    const placed = placeWindow(await savedState, displays(), { width: base.width ?? 1440, height: base.height ?? 900 })
    const w = new BrowserWindow({ ...base, ...placed.bounds })
    win = w
    if (placed.maximized) w.maximize()
    lockDownNavigation(w, isAppUrl, (url) => void shell.openExternal(url))
    w.webContents.on('did-finish-load', () => w.webContents.setZoomLevel(placed.zoomLevel))
    w.once('ready-to-show', () => w.show())
    w.on('close', () => {
      const bounds = w.getNormalBounds()
      stateSaved = windowState
        .save({
          bounds,
          maximized: w.isMaximized(),
          displayId: screen.getDisplayMatching(bounds).id,
          zoomLevel: w.webContents.getZoomLevel(),
        })
        .catch((e: unknown) => console.warn('[sportello] could not save the window state', e))
    })
    w.on('closed', () => (win = null))
    if (rendererUrl) void w.loadURL(rendererUrl)
    else void w.loadFile(rendererFile)

    // The privacy lock closes after the idle minutes and when the OS locks the screen; the page covers itself.
    watchIdle({
      idleSeconds: () => powerMonitor.getSystemIdleTime(),
      lockAfterMinutes: () => services.settings.computer().then((s) => s.lockAfterMinutes),
      lock: () => services.lock.lock(),
      onLockScreen: (fn) => powerMonitor.on('lock-screen', fn),
    })

    const notifier = createNotifier({
      show: ({ title, body }) => {
        if (Notification.isSupported()) new Notification({ title, body }).show()
      },
      settings: () => services.settings.computer(),
    })
    services.notices.subscribe((n) => void notifier.notify(n))
    services.agenda.arrivals?.onArrival((a) =>
      services.notices.publish(arrivalNotice(language, [a.patientName, a.date.slice(11, 16)].filter(Boolean).join(' · '))),
    )
    const payments = watchUnfinishedPayments({ unfinished: () => services.payments.unfinished(), notifier, language })
    void payments.check()
    setInterval(() => void payments.check(), PAYMENT_NOTICE_EVERY_MS).unref()

    void updates.start()
    services.settings.onChange(() => void updates.start())
  })

  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', (event) => {
    // The second time round is the updater's own quit, after everything below is done.
    if (quitting) return
    quitting = true
    event.preventDefault()
    void (async () => {
      await stateSaved
      const install = await updates.readyToInstall().catch(() => false)
      await main.dispose().catch(() => undefined)
      log.write('info', install ? 'quitting to install the update' : 'quitting')
      if (!install) return app.exit(0)
      updates.install()
      // Should the installer not take over, quit anyway.
      setTimeout(() => app.exit(0), 10_000).unref()
    })()
  })
}
