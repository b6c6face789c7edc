import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findChromium, startHarness, type Harness } from './harness'

// A reload with the day in the cache: the day is painted first, and what the shell asks main for itself
// (unfinished payments, is AlfaDocs there, arrivals from other desks, the morning's prefetch) waits for that
// paint instead of running among the first frame's work.

const chromiumPath = findChromium()
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000, interval: 100 })

/** Notes every call the page makes to main (its channel, and when, in the page's clock). */
const LOG_CALLS_JS = `(() => {
  const invoke = window.__sportelloInvoke
  window.__calls = []
  window.__sportelloInvoke = (name, input) => (window.__calls.push([name, performance.now()]), invoke(name, input))
})()`

describe.skipIf(!chromiumPath)('the first paint of the day', () => {
  let h: Harness

  beforeAll(async () => {
    h = await startHarness(chromiumPath!)
    await h.invoke('sessionConnectDemo')
    await h.open(`#/day/${h.today}`)
    await h.page.locator('[data-test^="appointment-"]').first().waitFor()
    await h.context.addInitScript({ content: LOG_CALLS_JS })
  })
  afterAll(async () => {
    await h?.close()
  })

  it('comes before the shell asks main anything of its own', async () => {
    const { page } = h
    await page.reload()
    const shellChannels = ['paymentsUnfinished', 'sessionConnectivity', 'agendaArrivals', 'billsList']
    await poll(() => page.evaluate(`window.__calls.map((c) => c[0])`)).toEqual(expect.arrayContaining(shellChannels))
    const { painted, calls, blocks } = await page.evaluate<{ painted: number; calls: Array<[string, number]>; blocks: number }>(
      `({ painted: window.__agendaPerf.painted, calls: window.__calls, blocks: document.querySelectorAll('[data-test^="appointment-"]').length })`,
    )
    expect(blocks).toBeGreaterThan(0)
    const first = (name: string) => Math.min(...calls.filter((c) => c[0] === name).map((c) => c[1]))
    for (const name of shellChannels) expect({ name, after: first(name) >= painted }).toEqual({ name, after: true })
    // The session is asked for before (the paint does not wait for it).
    expect(first('sessionStatus')).toBeLessThan(painted)
  })

  it("asks for the desk's settings and the alert fields' definitions beside the session: the day's first drawing has the alerts", async () => {
    const { page } = h
    await h.invoke('settingsUpdate', { alertFields: ['allergie'] })
    const firstFrame = `(() => {
      const look = () => {
        const blocks = [...document.querySelectorAll('[data-test^="appointment-"]')]
        if (blocks.length > 0)
          window.__firstFrame = { ids: blocks.map((b) => b.dataset.id), alerted: blocks.filter((b) => b.querySelector('[data-test="appt-alert"]')).map((b) => b.dataset.id) }
        else requestAnimationFrame(look)
      }
      requestAnimationFrame(look)
    })()`
    await h.context.addInitScript({ content: firstFrame })
    for (let i = 0; i < 3; i++) {
      await page.reload()
      await poll(() => page.evaluate(`window.__agendaPerf?.painted !== undefined && window.__firstFrame !== undefined`)).toBe(true)
      // The same blocks a moment later (the first frame draws those on screen; the rest follow it).
      const { openStart, calls, frame, later } = await page.evaluate<{
        openStart: number
        calls: Array<[string, number]>
        frame: { ids: string[]; alerted: string[] }
        later: string[]
      }>(
        `({ openStart: window.__agendaPerf.openStart, calls: window.__calls, frame: window.__firstFrame,
            later: window.__firstFrame.ids.filter((id) => document.querySelector('[data-id="' + id + '"] [data-test="appt-alert"]')) })`,
      )
      const at = (name: string) => Math.min(...calls.filter((c) => c[0] === name).map((c) => c[1]))
      expect(at('settingsGet')).toBeLessThan(openStart)
      expect(at('sessionStatus')).toBeLessThan(openStart)
      // The desk's settings are asked before the session: their answer is there when the day is drawn.
      expect(at('settingsGet')).toBeLessThanOrEqual(at('sessionStatus'))
      expect(later.length).toBeGreaterThan(0)
      expect(frame.alerted).toEqual(later)
    }
    await h.invoke('settingsUpdate', { alertFields: [] })
  })

  it("started on Connect, the first asks' practice-less answers are forgotten: once connected the practice's settings draw the day", async () => {
    const { page } = h
    await h.invoke('settingsUpdate', { alertFields: ['allergie'] })
    await h.invoke('sessionDisconnect')
    await page.reload()
    await page.locator('[data-test="open-demo"]').waitFor()
    await page.locator('[data-test="open-demo"]').click()
    await page.locator('[data-test^="appointment-"]').first().waitFor()
    await poll(() => page.locator('[data-test="appt-alert"]').count()).toBeGreaterThan(0)
    await h.invoke('settingsUpdate', { alertFields: [] })
  })

  it('the page hides without a style and layout pass: no scroll position saved on hide, the history still goes back', async () => {
    const { page, context } = h
    const cdp = await context.newCDPSession(page)
    const types = async (expression: string) => {
      const { result } = (await cdp.send('Runtime.evaluate', { expression })) as { result: { objectId: string } }
      const { listeners } = (await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId })) as {
        listeners: Array<{ type: string }>
      }
      return listeners.map((l) => l.type)
    }
    expect(await types('document')).not.toContain('visibilitychange')
    expect(await types('window')).toContain('popstate')
    await cdp.detach()
    await page.locator('[data-test="nav-patients"]').click()
    await page.waitForURL(/#\/patients/)
    await page.goBack()
    await page.waitForURL(/#\/day/)
    await page.locator('[data-test^="appointment-"]').first().waitFor()
  })
})
