import type { ComputerSettings } from '../../shared/contract/settings'

// Updates from the practice's own feed (electron-updater's generic provider). Nothing at all happens without
// a feed address. With one: a check at start and every six hours, the download in the background, and the
// install when the desk quits the app, never while a payment is unfinished (it waits for a later quit).

/** The part of electron-updater's autoUpdater used here (tests stand in for it). */
export interface Updater {
  autoDownload: boolean
  autoInstallOnAppQuit: boolean
  setFeedURL(options: { provider: 'generic'; url: string }): void
  checkForUpdates(): Promise<unknown>
  on(event: 'update-downloaded' | 'error', listener: (arg: never) => void): unknown
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void
}

export const UPDATE_CHECK_EVERY_MS = 6 * 60 * 60_000
/** IT may set the feed for every desk through the environment instead of the setting. */
export const UPDATE_URL_ENV = 'SPORTELLO_UPDATE_URL'

/** The feed address: the desk's setting, else the environment's (https only); null means no updates. */
export function updateFeedUrl(settings: Pick<ComputerSettings, 'updateFeedUrl'>, env: NodeJS.ProcessEnv = process.env): string | null {
  if (settings.updateFeedUrl) return settings.updateFeedUrl
  const fromEnv = env[UPDATE_URL_ENV]?.trim()
  return fromEnv && URL.canParse(fromEnv) && new URL(fromEnv).protocol === 'https:' ? fromEnv : null
}

export interface UpdatesOptions {
  /** Called only once a feed is known, so electron-updater is not even loaded without one. */
  updater: () => Updater
  feedUrl: () => Promise<string | null>
  /** Whether a payment is unfinished (pending or needing attention); an unknown answer counts as yes. */
  hasUnfinishedPayments: () => Promise<boolean>
  log: (message: string, e?: unknown) => void
  everyMs?: number
}

export class Updates {
  private updater: Updater | null = null
  private timer: ReturnType<typeof setInterval> | null = null
  private downloaded = false
  private feed: string | null = null

  constructor(private readonly o: UpdatesOptions) {}

  get started(): boolean {
    return this.updater !== null
  }

  /** Starts when a feed is set (again after a settings change: a no-op once started). Answers whether it runs. */
  async start(): Promise<boolean> {
    if (this.updater) return true
    const url = await this.o.feedUrl().catch(() => null)
    if (!url) return false
    const u = this.o.updater()
    this.updater = u
    this.feed = url
    u.autoDownload = true
    // electron-updater's own install-on-quit would ignore unfinished payments: installOnQuit() decides instead.
    u.autoInstallOnAppQuit = false
    u.setFeedURL({ provider: 'generic', url })
    u.on('update-downloaded', (info: { version?: string } | undefined) => {
      this.downloaded = true
      this.o.log(`update ${info?.version ?? ''} downloaded; it is installed when Sportello is closed`)
    })
    u.on('error', (e: unknown) => this.o.log('update check failed', e))
    this.check()
    this.timer = setInterval(() => this.check(), this.o.everyMs ?? UPDATE_CHECK_EVERY_MS)
    this.timer.unref?.()
    return true
  }

  /** The feed now in use (null before start). */
  get feedUrl(): string | null {
    return this.feed
  }

  /** At quit: whether the downloaded update may be installed now (not while a payment is unfinished). */
  async readyToInstall(): Promise<boolean> {
    if (!this.updater || !this.downloaded) return false
    if (await this.o.hasUnfinishedPayments().catch(() => true)) {
      this.o.log('update not installed: a payment is unfinished; it will be installed at a later quit')
      return false
    }
    return true
  }

  /** Hands over to the installer (silent, the app not restarted); electron-updater then quits the app. */
  install(): void {
    if (!this.updater || !this.downloaded) return
    this.stop()
    this.updater.quitAndInstall(true, false)
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  private check(): void {
    this.updater?.checkForUpdates().catch((e: unknown) => this.o.log('update check failed', e))
  }
}
