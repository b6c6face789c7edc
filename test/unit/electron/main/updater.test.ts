import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { UPDATE_CHECK_EVERY_MS, updateFeedUrl, Updates, type Updater } from '../../../../electron/main/updater'

function fakeUpdater() {
  const listeners = new Map<string, (arg: never) => void>()
  const u = {
    autoDownload: false,
    autoInstallOnAppQuit: true,
    feeds: [] as unknown[],
    checks: 0,
    installs: [] as unknown[][],
    setFeedURL: (o: unknown) => void u.feeds.push(o),
    checkForUpdates: () => (u.checks++, Promise.resolve(null)),
    on: (e: string, fn: (arg: never) => void) => listeners.set(e, fn),
    quitAndInstall: (...a: unknown[]) => void u.installs.push(a),
    emit: (e: string, arg?: unknown) => listeners.get(e)?.(arg as never),
  }
  return u
}

describe('updates', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] }))
  afterEach(() => vi.useRealTimers())

  it('take the feed from the setting, else from SPORTELLO_UPDATE_URL (https only), else none', () => {
    expect(updateFeedUrl({ updateFeedUrl: 'https://a.example/' }, { SPORTELLO_UPDATE_URL: 'https://b.example/' })).toBe(
      'https://a.example/',
    )
    expect(updateFeedUrl({ updateFeedUrl: null }, { SPORTELLO_UPDATE_URL: ' https://b.example/ ' })).toBe('https://b.example/')
    expect(updateFeedUrl({ updateFeedUrl: null }, { SPORTELLO_UPDATE_URL: 'http://b.example/' })).toBeNull()
    expect(updateFeedUrl({ updateFeedUrl: null }, {})).toBeNull()
  })

  it('without a feed never create the updater; with one, check at start and every six hours', async () => {
    const u = fakeUpdater()
    let created = 0
    let feed: string | null = null
    const updates = new Updates({
      updater: () => (created++, u as Updater),
      feedUrl: async () => feed,
      hasUnfinishedPayments: async () => false,
      log: () => undefined,
    })
    expect(await updates.start()).toBe(false)
    vi.advanceTimersByTime(UPDATE_CHECK_EVERY_MS * 2)
    expect(created).toBe(0)
    feed = 'https://updates.example/'
    expect(await updates.start()).toBe(true)
    expect(await updates.start()).toBe(true) // a settings change after start: nothing twice
    expect(created).toBe(1)
    expect(u.feeds).toEqual([{ provider: 'generic', url: 'https://updates.example/' }])
    expect(u.checks).toBe(1)
    vi.advanceTimersByTime(UPDATE_CHECK_EVERY_MS - 1)
    expect(u.checks).toBe(1)
    vi.advanceTimersByTime(1)
    expect(u.checks).toBe(2)
    updates.stop()
  })

  it('install at quit only once downloaded and while no payment is unfinished (an unknown answer waits too)', async () => {
    const u = fakeUpdater()
    let unfinished: () => Promise<boolean> = async () => true
    const updates = new Updates({
      updater: () => u as Updater,
      feedUrl: async () => 'https://updates.example/',
      hasUnfinishedPayments: () => unfinished(),
      log: () => undefined,
    })
    await updates.start()
    expect(u.autoInstallOnAppQuit).toBe(false)
    expect(await updates.readyToInstall()).toBe(false) // nothing downloaded yet
    u.emit('update-downloaded', { version: '1.0.1' })
    expect(await updates.readyToInstall()).toBe(false)
    unfinished = () => Promise.reject(new Error('journal unreadable'))
    expect(await updates.readyToInstall()).toBe(false)
    unfinished = async () => false
    expect(await updates.readyToInstall()).toBe(true)
    updates.install()
    expect(u.installs).toEqual([[true, false]])
  })
})
