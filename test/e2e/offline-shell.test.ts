import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandboxProcess, type SandboxProcess } from '../../electron/sandbox/process'
import { closeOnSandboxProcess, openOnSandboxProcess } from './sandbox-process-setup'
import { findChromium, type Harness } from './harness'

// One offline state for the whole app, against a real sandbox PROCESS that is killed (as when the network
// drops) and started again on the same port: the shell says it on every screen with since when and the time
// of what the screen shows, notices AlfaDocs answering again by itself within 15 s, and the screen refreshes
// in place. A key the server no longer accepts is said as such, never "Aggiornato".

const chromiumPath = findChromium()

describe.skipIf(!chromiumPath)('the shell online, offline and with a refused key', () => {
  let h: Harness
  let sp: SandboxProcess
  let patientId: number

  beforeAll(async () => {
    ;({ h, sp } = await openOnSandboxProcess(chromiumPath!, { apiKey: 'offline-shell-key' }))
    patientId = (await h.invoke('patientsSearch', { text: '', offset: 0, limit: 5 })).results[0]!.id
  })
  afterAll(() => closeOnSandboxProcess(sp, h))

  const shell = () => h.page.locator('[data-test="sync-status"]')
  const linkState = () => h.page.locator('[data-test="app-shell"]').getAttribute('data-link')
  const freshness = () => h.page.locator('[data-test="freshness"]').first()
  const go = (hash: string) => h.page.evaluate((to) => (location.hash = to), hash)

  it('online: the agenda, a patient and the bills each say they are up to date, and the shell has no offline line', async () => {
    const { page } = h
    await h.open('#/day')
    await expect.poll(() => shell().innerText(), { timeout: 15_000 }).toMatch(/^Aggiornato alle /)
    expect(await linkState()).toBe('online')
    await go(`#/patients/${patientId}`)
    await expect.poll(() => freshness().getAttribute('data-status'), { timeout: 15_000 }).toBe('fresh')
    expect(await shell().count()).toBe(0)
    await page.locator('[data-test="nav-billing"]').click()
    await page.waitForURL(/#\/billing$/)
    await expect.poll(() => freshness().getAttribute('data-status'), { timeout: 15_000 }).toBe('fresh')
    await page.locator('[data-test="nav-agenda"]').click()
    await page.waitForURL(/#\/day/)
  })

  it('AlfaDocs gone: the same offline line, with since when and the time of what is shown, on patients, billing and agenda', async () => {
    const { page } = h
    await sp.kill()
    // A patient page asks again: main sees no answer.
    await page.locator('[data-test="nav-patients"]').click()
    await page.waitForURL(/#\/patients$/)
    await go(`#/patients/${patientId}`)
    await expect.poll(linkState, { timeout: 30_000 }).toBe('offline')
    await expect.poll(() => shell().innerText()).toMatch(/^Offline dall?e? \S.* — dati del(le)? \S/)
    // The screen's own line marks its data as older than its last sync, not "Aggiornato".
    await expect.poll(() => freshness().innerText()).toMatch(/^Offline — dati del(le)? \S/)
    await page.locator('[data-test="nav-patients"]').click()
    await page.waitForURL(/#\/patients$/)
    await expect.poll(() => shell().innerText()).toMatch(/^Offline dall?e? \S/)

    await page.locator('[data-test="nav-billing"]').click()
    await page.waitForURL(/#\/billing$/)
    await expect.poll(() => shell().innerText()).toMatch(/^Offline dall?e? \S.* — dati del(le)? \S/)
    await expect.poll(() => freshness().innerText()).toMatch(/^Offline — dati del(le)? \S/)
    await h.screenshot('offline-shell-01-billing')

    await page.locator('[data-test="nav-agenda"]').click()
    await page.waitForURL(/#\/day/)
    await expect.poll(() => shell().innerText()).toMatch(/^Offline dall?e? \S.* — dati del(le)? \S/)
    await h.screenshot('offline-shell-02-agenda')

    await page.locator('[data-test="locale-en"]').click()
    await expect.poll(() => shell().innerText()).toMatch(/^Offline since \S.* — data from \S/)
    await page.locator('[data-test="locale-it"]').click()
    await expect.poll(() => shell().innerText()).toMatch(/^Offline dall?e? /)
    await page.locator('[data-test="nav-billing"]').click()
    await page.waitForURL(/#\/billing$/)
  })

  it('AlfaDocs back: the shell is online within 15 s on its own, and the screen refreshes in place', async () => {
    const { page } = h
    const rowsBefore = await page.locator('[data-test^="bill-row-"]').count()
    await sp.restart()
    await expect.poll(linkState, { timeout: 15_000 }).not.toBe('offline')
    expect(await shell().count()).toBe(0) // online on billing: the screen's own line says how fresh it is
    await expect.poll(() => freshness().getAttribute('data-status'), { timeout: 15_000 }).toBe('fresh')
    expect(await page.locator('[data-test^="bill-row-"]').count()).toBe(rowsBefore)
    await h.screenshot('offline-shell-03-back-online')
  })

  it('a refused key: the shell says so on every screen, and no line says "Aggiornato"', async () => {
    const { page } = h
    const port = Number(new URL(sp.baseUrl).port)
    await sp.stop()
    sp = await startSandboxProcess({ apiKey: 'a-key-that-replaced-ours', today: h.today, port })
    await page.locator('[data-test="bills-refresh"]').click()
    await expect.poll(linkState, { timeout: 30_000 }).toBe('auth-refused')
    await expect.poll(() => shell().innerText()).toMatch(/^Chiave API rifiutata — dati del(le)? \S/)
    await expect.poll(() => freshness().innerText()).toMatch(/^Chiave API rifiutata/)
    await page.locator('[data-test="nav-agenda"]').click()
    await page.waitForURL(/#\/day/)
    await expect.poll(() => shell().innerText()).toMatch(/^Chiave API rifiutata/)
    await page.locator('[data-test="locale-en"]').click()
    await expect.poll(() => shell().innerText()).toMatch(/^API key refused/)
    await page.locator('[data-test="locale-it"]').click()
    await h.screenshot('offline-shell-04-refused-key')
  })
})
