import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SandboxProcess } from '../../electron/sandbox/process'
import type { Patient } from '../../shared/alfadocs/schemas'
import { closeOnSandboxProcess, openOnSandboxProcess } from './sandbox-process-setup'
import { findChromium, type Harness } from './harness'

// The cache is patient data on a shared computer: it belongs to the practice connected. Connecting another
// practice (a sandbox process with another seed) without disconnecting never shows the first one's patients,
// not even offline from the cache; the settings panel says how much is kept and "Svuota cache" empties it;
// disconnecting leaves every IndexedDB database of the app empty.

const chromiumPath = findChromium()

/** Rows of every object store of every IndexedDB database of the page's origin. */
const ALL_ROWS_JS = `(async () => {
  const out = {}
  for (const { name } of await indexedDB.databases()) {
    const idb = await new Promise((ok, ko) => { const r = indexedDB.open(name); r.onsuccess = () => ok(r.result); r.onerror = () => ko(r.error) })
    const names = Array.from(idb.objectStoreNames)
    for (const n of names) {
      out[name + '/' + n] = await new Promise((ok, ko) => { const c = idb.transaction(n).objectStore(n).count(); c.onsuccess = () => ok(c.result); c.onerror = () => ko(c.error) })
    }
    idb.close()
  }
  return out
})()`

describe.skipIf(!chromiumPath)('the cache belongs to the connected practice', () => {
  let h: Harness
  let sp: SandboxProcess
  let demoOnly: Patient

  beforeAll(async () => {
    ;({ h, sp } = await openOnSandboxProcess(chromiumPath!, { apiKey: 'offline-cache-key', seed: 7, connect: false }))
  })
  afterAll(() => closeOnSandboxProcess(sp, h))

  const results = () => h.page.locator('[data-test="search-result"]')
  const searchIdle = () => h.page.locator('[data-test="search-results"]').getAttribute('data-loading')

  it("the demo practice's patients fill the cache", async () => {
    const { page } = h
    await h.open('#/connect')
    await page.locator('[data-test="open-demo"]').click()
    await page.waitForURL(/#\/day/)
    await h.open('#/patients')
    const demo = (await h.invoke('patientsSearch', { text: '', offset: 0, limit: 100 })).total
    await expect.poll(async () => (await h.cacheCounts()).patients, { timeout: 30_000 }).toBeGreaterThanOrEqual(demo)
    // A patient of the demo the other practice has not (by fiscal code: both seeds draw names from one list).
    const others = new Set<string>()
    const demoPatients = (await h.invoke('patientsSearch', { text: '', offset: 0, limit: 100 })).results
    await h.connectTo(sp)
    for (let offset = 0; ; offset += 100) {
      const page = await h.invoke('patientsSearch', { text: '', offset, limit: 100 })
      for (const p of page.results) if (p.italianFiscalCode) others.add(p.italianFiscalCode)
      if (page.results.length === 0 || offset + page.results.length >= page.total) break
    }
    demoOnly = demoPatients.find((p) => p.italianFiscalCode && !others.has(p.italianFiscalCode))!
    expect(demoOnly).toBeDefined()
  })

  it('connected to another practice without a disconnect, the search never shows the first one’s patients, even offline from the cache', async () => {
    const { page } = h
    // Main now talks to the other practice (connected just above); the window loads again, as after a restart.
    await page.reload()
    await page.waitForURL(/#\/patients$/)
    await expect.poll(async () => (await h.cacheCounts()).patients, { timeout: 30_000 }).toBeGreaterThan(0)
    await sp.kill()
    await page.locator('[data-test="patient-search"] input').fill(demoOnly.italianFiscalCode!)
    await expect.poll(searchIdle, { timeout: 20_000 }).toBe('false')
    expect(await results().count()).toBe(0)
    const cached = await page.evaluate(
      `new Promise((ok) => { const r = indexedDB.open('sportello'); r.onsuccess = () => { const q = r.result.transaction('patients').objectStore('patients').get(${demoOnly.id}); q.onsuccess = () => { ok(q.result ?? null); r.result.close() } } })`,
    )
    expect(cached).toBeNull()
  })

  it('the settings panel shows what is kept and "Svuota cache" empties it', async () => {
    const { page } = h
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.locator('[data-test="open-settings"]').click()
    await page.waitForURL(/#\/settings$/)
    const patients = page.locator('[data-test="cache-count-patients"]')
    await expect.poll(async () => Number((await patients.innerText()).replace(/\D/g, '')), { timeout: 15_000 }).toBeGreaterThan(0)
    expect(await page.locator('[data-test="cache-bytes"]').innerText()).toMatch(/\d/)
    await h.screenshot('settings-cache-1366')

    await page.locator('[data-test="cache-clear"]').click()
    const dialog = page.locator('.n-dialog')
    await dialog.waitFor()
    await dialog.getByRole('button', { name: 'Svuota' }).click()
    // The page loads again over an empty cache: nothing is counted, and no table holds a row but the owner's mark.
    await expect.poll(async () => (await patients.innerText().catch(() => '')).trim(), { timeout: 15_000 }).toBe('0')
    const counts = await h.cacheCounts()
    expect(Object.entries(counts).filter(([t, n]) => n > 0 && t !== 'meta')).toEqual([])
    expect(counts.meta ?? 0).toBeLessThanOrEqual(1)
    await page.setViewportSize({ width: 1440, height: 900 })
  })

  it('disconnect leaves every IndexedDB database of the app empty, and the next practice starts from nothing', async () => {
    const { page } = h
    await sp.restart()
    await h.open('#/patients')
    await expect.poll(async () => (await h.cacheCounts()).patients, { timeout: 30_000 }).toBeGreaterThan(0)
    await page.locator('[data-test="patient-search"] input').fill('ro')
    await expect.poll(() => results().count(), { timeout: 20_000 }).toBeGreaterThan(0)

    await page.locator('[data-test="disconnect"]').click()
    const dialog = page.locator('.n-dialog')
    await dialog.waitFor()
    await dialog.getByRole('button', { name: 'Disconnetti' }).click()
    await page.waitForURL(/#\/connect$/)
    await expect
      .poll(async () => Object.entries(await page.evaluate<Record<string, number>>(ALL_ROWS_JS)).filter(([, n]) => n > 0))
      .toEqual([])

    // The stores forgot too: connected again, the search is empty, not the last query's list.
    await page.locator('[data-test="open-demo"]').click()
    await page.waitForURL(/#\/day/)
    await page.locator('[data-test="nav-patients"]').click()
    await page.waitForURL(/#\/patients$/)
    expect(await page.locator('[data-test="patient-search"] input').inputValue()).toBe('')
    expect(await results().count()).toBe(0)
    expect(h.pageErrors.filter((e) => !/Failed to load resource|ERR_CONNECTION_REFUSED/.test(e))).toEqual([])
  })
})
