import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { startSandbox, type Sandbox } from '../../electron/sandbox'
import { DEFAULT_TODAY, findChromium, startHarness, type Harness } from './harness'

// The privacy lock's screen in Chromium, with main's lock on as in the Electron app: a practice's desk is
// asked for its PIN first; once locked the whole window is covered and unreachable, a wrong PIN is refused,
// the right one opens it again on the same page (an overlay: nothing underneath was reloaded).

const chromiumPath = findChromium()
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000, interval: 100 })

describe.skipIf(!chromiumPath)('privacy lock screen in Chromium', () => {
  let h: Harness
  let page: Page
  let practice: Sandbox

  beforeAll(async () => {
    practice = await startSandbox({ port: 0, quiet: true, today: DEFAULT_TODAY, rateLimitPerSecond: false })
    h = await startHarness(chromiumPath!, { privacyLock: true })
    page = h.page
    await h.connectTo(practice)
    await h.open('#/day')
  })
  afterAll(async () => {
    await h?.close()
    await practice?.close()
  })

  const lockScreen = () => page.locator('[data-test="lock-screen"]')

  it('asks a practice desk for its PIN before anything else, and checks the two match', async () => {
    await poll(() => lockScreen().getAttribute('data-mode')).toBe('set')
    await h.screenshotSizes('lock-set-pin', { width: 1440, height: 900 })
    await page.locator('[data-test="lock-pin"] input').fill('482916')
    await page.locator('[data-test="lock-again"] input').fill('482917')
    await page.locator('[data-test="lock-submit"]').click()
    await poll(() => page.locator('[data-test="lock-error"]').textContent()).toBe('I due PIN non coincidono.')
    await page.locator('[data-test="lock-again"] input').fill('482916')
    await page.locator('[data-test="lock-submit"]').click()
    await poll(() => lockScreen().count()).toBe(0)
    await page.locator('[data-test="agenda-grid"]').waitFor()
    expect(await page.locator('#app').getAttribute('inert')).toBeNull()
  })

  it('covers the window when main locks, refuses a wrong PIN, and opens on the same page with the right one', async () => {
    await page.evaluate(() => ((window as unknown as { __notReloaded: boolean }).__notReloaded = true))
    await h.invoke('sessionLock')
    await poll(() => lockScreen().getAttribute('data-mode')).toBe('locked')
    // Nothing underneath can be reached (inert) or seen (the overlay is opaque and covers the viewport).
    expect(await page.locator('#app').getAttribute('inert')).toBe('')
    const box = (await lockScreen().boundingBox())!
    expect(box).toMatchObject({ x: 0, y: 0, width: 1440, height: 900 })
    await h.screenshotSizes('lock-locked', { width: 1440, height: 900 })

    await page.locator('[data-test="lock-pin"] input').fill('000000')
    await page.locator('[data-test="lock-submit"]').click()
    await poll(() => page.locator('[data-test="lock-error"]').textContent()).toBe('PIN errato.')
    expect(await lockScreen().getAttribute('data-mode')).toBe('locked')

    await page.locator('[data-test="lock-pin"] input').fill('482916')
    await page.locator('[data-test="lock-pin"] input').press('Enter')
    await poll(() => lockScreen().count()).toBe(0)
    expect(await page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded)).toBe(true)
    expect(await page.locator('#app').getAttribute('inert')).toBeNull()
  })

  it("this desk's settings: the lock minutes and the update feed are saved in main; a feed that is not https is refused", async () => {
    await page.evaluate(() => (location.hash = '#/settings'))
    const section = page.locator('[data-test="desk-settings"]')
    await section.waitFor()
    await section.scrollIntoViewIfNeeded()
    await h.screenshotSizes('lock-desk-settings', { width: 1440, height: 900 })
    await page.locator('[data-test="desk-feed"] input').fill('http://updates.example.org/')
    await poll(() => page.locator('[data-test="desk-settings-save"]').isDisabled()).toBe(true)
    await page.locator('[data-test="desk-feed"] input').fill('https://updates.example.org/sportello/')
    await page.locator('[data-test="desk-lock-minutes"] input').fill('10')
    await page.locator('[data-test="desk-lock-minutes"] input').blur()
    await page.locator('[data-test="desk-settings-save"]').click()
    await page.locator('[data-test="desk-settings-saved"]').waitFor()
    expect(await h.invoke('settingsGet')).toMatchObject({ lockAfterMinutes: 10, updateFeedUrl: 'https://updates.example.org/sportello/' })
  })
})
