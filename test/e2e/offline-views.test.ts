import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Bill, Patient } from '../../shared/alfadocs/schemas'
import { xrayPng } from '../../electron/sandbox/png'
import type { SandboxProcess } from '../../electron/sandbox/process'
import { addDaysIso } from '../../shared/dates'
import { closeOnSandboxProcess, openOnSandboxProcess } from './sandbox-process-setup'
import { findChromium, type Harness } from './harness'

// Everything seen stays viewable offline, against a real sandbox PROCESS killed as when the network drops: the
// agenda, a patient (every tab: appointments, documents with the thumbnail seen, bills, care plans, custom
// fields), a bill, the day's takings and a document opened are viewed online; then AlfaDocs is gone, the page is
// reloaded, and each still shows, marked offline with its sync time; then main restarts (same data folder) and
// the page loads again: still there.

const chromiumPath = findChromium()

describe.skipIf(!chromiumPath)('what was seen, offline after a reload and a restart', () => {
  let h: Harness
  let sp: SandboxProcess
  let patientId: number
  let bill: Bill
  /** On today's agenda too, but his page is never opened online. */
  let other: Patient
  /** A bill in the list, never opened: offline it shows what the list said. */
  let listedOnly: Bill
  const docName = 'panoramica-offline.png'

  beforeAll(async () => {
    ;({ h, sp } = await openOnSandboxProcess(chromiumPath!, { apiKey: 'offline-views-key' }))
    const today = await h.invoke('appointmentsRange', { from: h.today, to: h.today })
    patientId = today.find((a) => a.patientId != null)!.patientId!
    const otherId = today.find((a) => a.patientId != null && a.patientId !== patientId)!.patientId!
    other = await h.invoke('patientGet', { patientId: otherId })
    const uploaded = await h.invoke('documentsUploadBytes', {
      uploadId: 'offline-views-1',
      patientId,
      name: docName,
      type: 'xray',
      folderName: 'Radiografie',
      base64: xrayPng(2).toString('base64'),
    })
    expect(uploaded.state).toBe('done')
    const { bills } = await h.invoke('billsList', { from: addDaysIso(h.today, -30), to: h.today })
    bill = bills.find((b) => b.patientId != null) ?? bills[0]!
    listedOnly = bills.find((b) => b.id !== bill.id)!
  })
  afterAll(() => closeOnSandboxProcess(sp, h))

  const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 30_000, interval: 100 })
  const go = (hash: string) => h.page.evaluate((to) => (location.hash = to), hash)
  const freshness = (scope = '') => h.page.locator(`${scope} [data-test="freshness"]`.trim()).first()
  const tab = (name: string) => h.page.locator('[data-test="patient-tabs"] .n-tabs-tab', { hasText: name }).first()

  /** Visits every screen; each one's own freshness line says up to date, or offline with the time of its data. */
  async function visitAll(expectOffline: boolean) {
    const { page } = h
    const status = (el: ReturnType<typeof freshness>) => poll(() => el.getAttribute('data-status'))
    const line = expectOffline ? /^Offline — dati del(le)? \S/ : /^Aggiornato alle \S/

    // The agenda's day (once the app has mounted: a hash set while the first navigation waits is lost).
    await page.locator('[data-test="app-shell"]').waitFor({ timeout: 30_000 })
    await go(`#/day/${h.today}`)
    await page.locator('[data-test="appt-patient"]').first().waitFor({ timeout: 30_000 })
    if (expectOffline)
      await poll(() => page.locator('[data-test="sync-status"]').innerText()).toMatch(/^Offline dall?e? \S.* — dati del(le)? \S/)

    // The patient, every tab.
    await go(`#/patients/${patientId}`)
    await poll(() => page.locator('[data-test="patient-name"]').count()).toBe(1)
    await status(freshness('[data-test="app-shell"] ~ *')).toBe(expectOffline ? 'cached' : 'fresh')
    await poll(() => freshness('[data-test="appointments-tab"]').innerText()).toMatch(line)
    expect(await page.locator('[data-test="appt-next"], [data-test="appt-past"]').count()).toBeGreaterThan(0)
    expect(await page.locator('[data-test="appointments-none-next"], [data-test="appointments-none-past"]').count()).toBe(0)

    await tab('Documenti').click()
    const row = page.locator(`[data-test="doc-row"][data-name="${docName}"]`)
    await row.waitFor({ timeout: 30_000 })
    await row.locator('[data-test="thumb-image"] img').waitFor({ timeout: 30_000 })
    await poll(() => freshness('[data-test="documents-tab"]').innerText()).toMatch(line)
    await row.locator('[data-test="doc-open"]').click()
    await page.locator('[data-test="doc-viewer"] img').waitFor({ timeout: 30_000 })
    expect(await page.locator('[data-test="viewer-error"]').count()).toBe(0)
    await page.locator('[data-test="viewer-close"]').click()

    for (const name of ['Conti', 'Piani di cura', 'Campi personalizzati']) {
      await tab(name).click()
      const pane = page.locator('.n-tab-pane:visible')
      await poll(() => pane.locator('[data-test="freshness"]').first().innerText()).toMatch(line)
      expect(await pane.locator('.n-alert--error-type').count()).toBe(0)
    }

    // The bills of the last 31 days (the billing screen's default range).
    await go('#/billing')
    await page.locator(`[data-test="bill-row-${bill.id}"]`).waitFor({ timeout: 30_000 })
    await poll(() => freshness().innerText()).toMatch(line)

    // A bill, with its liabilities or transactions as they were.
    await go(`#/billing/bill/${bill.id}`)
    await page.locator('[data-test="bill-facts"]').waitFor({ timeout: 30_000 })
    expect(await page.locator('[data-test="bill-from-list"]').count()).toBe(0)
    await poll(() => page.locator('[data-test="liabilities"], [data-test="no-liabilities"]').count()).toBeGreaterThan(0)
    await poll(() => freshness().innerText()).toMatch(line)

    // The day's takings.
    await go(`#/billing/takings/${h.today}`)
    await page.locator('[data-test="takings"]').waitFor({ timeout: 30_000 })
    await poll(() => freshness().innerText()).toMatch(line)
  }

  /** The page loaded again: every screen shows what was seen, marked offline; the last one (the takings) pictured. */
  async function reloadedOffline(screenshot: string) {
    await h.page.reload()
    await visitAll(true)
    await h.screenshot(screenshot)
  }

  it('online: every screen is seen, up to date', async () => {
    await h.open(`#/day/${h.today}`)
    await visitAll(false)
    await h.screenshot('offline-views-01-online-takings')
  })

  it('AlfaDocs gone, page reloaded: every screen still shows what was seen, offline with its sync time', async () => {
    await sp.kill()
    await reloadedOffline('offline-views-02-offline-takings')

    await go(`#/billing/bill/${listedOnly.id}`)
    await h.page.locator('[data-test="bill-from-list"]').waitFor({ timeout: 30_000 })
    expect(await h.page.locator('[data-test="bill-number"]').innerText()).toBe(listedOnly.numberIncludingPrefix ?? `#${listedOnly.id}`)
    expect(await h.page.locator('[data-test="bill-from-list"]').innerText()).toMatch(/^Dati dell’elenco dei conti delle \S+/)
    await h.screenshot('offline-views-03-bill-from-list')

    // The search finds the patients saved on this computer and says so; one whose page was never opened shows
    // his appointments of the agenda's saved days, never "no appointments".
    const { page } = h
    await go('#/patients')
    await page.locator('[data-test="patient-search"] input').fill(other.lastName)
    const result = page.locator(`[data-test="search-result"][data-id="${other.id}"]`)
    await result.waitFor({ timeout: 30_000 })
    await poll(() => page.locator('[data-test="search-error"]').getAttribute('data-cached')).toBe('true')
    expect(await page.locator('[data-test="search-error"]').innerText()).toMatch(/^Solo i pazienti salvati su questo computer:/)
    await result.click()
    await page.locator('[data-test="appointments-from-agenda"]').waitFor({ timeout: 30_000 })
    expect(await page.locator('[data-test="appt-next"], [data-test="appt-past"]').count()).toBeGreaterThan(0)
    expect(await page.locator('[data-test="appointments-none-next"], [data-test="appointments-none-past"]').count()).toBe(0)
    await h.screenshot('offline-views-04-appointments-from-agenda')
  })

  it('main restarted on the same data folder, page loaded again: still all there', async () => {
    await h.restartMain()
    await reloadedOffline('offline-views-05-restarted-takings')
  })
})
