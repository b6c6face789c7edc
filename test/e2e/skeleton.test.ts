import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Appointment } from '../../shared/alfadocs/schemas'
import { addDaysIso, hhmm, parseWall } from '../../shared/dates'
import { findChromium, startDemoServer, startHarness, type Harness } from './harness'

// The walking skeleton, end to end: Connect → the day by chair → another day → a wrong key → disconnect.
// Expected names and times come from the demo practice itself (through the same invoke), never hard-coded.

const chromiumPath = findChromium()

const timeRange = (a: Appointment) => {
  const start = parseWall(a.date)!.minutes
  return a.duration > 0 ? `${hhmm(start)}–${hhmm(start + a.duration)}` : hhmm(start)
}

describe.skipIf(!chromiumPath)('walking skeleton in Chromium', () => {
  let h: Harness
  let demoBaseUrl = ''

  beforeAll(async () => {
    h = await startHarness(chromiumPath!)
  })
  afterAll(async () => {
    await h?.close()
  })

  /** The first appointment with a patient, in time order, and that patient's "Last First". */
  async function samplesFor(day: string) {
    const appts = await h.invoke('appointmentsRange', { from: day, to: day })
    const withPatient = appts.filter((a) => a.patientId != null && !a.allDay).sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id)
    const ids = [...new Set(withPatient.slice(0, 3).map((a) => a.patientId!))]
    const patients = await h.invoke('patientsByIds', { ids })
    const byId = new Map(patients.map((p) => [p.id, p]))
    const samples = withPatient
      .slice(0, 3)
      .map((a) => ({ a, name: `${byId.get(a.patientId!)!.lastName} ${byId.get(a.patientId!)!.firstName}`.trim() }))
    return { appts, samples }
  }

  async function expectDayShows(day: string) {
    const { page } = h
    const { appts, samples } = await samplesFor(day)
    expect(appts.length).toBeGreaterThan(0)
    for (const { a, name } of samples) {
      const card = page.locator(`[data-test="appointment-${a.id}"]`)
      await card.waitFor()
      await expect.poll(() => card.locator('[data-test="appt-patient"]').innerText()).toBe(name)
      // The whole range where the block has room for it, else the start.
      const time = (await card.locator('[data-test="appt-time"]').textContent())?.trim()
      expect([timeRange(a), timeRange(a).split('–')[0]]).toContain(time)
    }
    await expect.poll(() => page.locator('[data-test^="appointment-"]').count()).toBe(appts.length)
    // Names fill in after the blocks: wait until none is left loading.
    await expect.poll(() => page.locator('.appt__loading').count(), { timeout: 20_000 }).toBe(0)
    return appts
  }

  it('starts on Connect when nothing is stored', async () => {
    await h.open()
    await h.page.locator('[data-test="open-demo"]').waitFor()
    expect(h.page.url()).toMatch(/#\/connect$/)
    expect(await h.page.locator('h1').innerText()).toBe('Sportello')
    expect(await h.page.getByText('Impostazioni → Studio → Chiavi API').count()).toBe(1)
    await h.screenshot('01-connect')
  })

  let todayAppts: Appointment[] = []

  it('opens the demo practice and shows today by chair, with patient names', async () => {
    const { page, today } = h
    await page.locator('[data-test="open-demo"]').click()
    await page.waitForURL(/#\/day/)

    const status = await h.invoke('sessionStatus')
    expect(status.state).toBe('connected')
    if (status.state === 'connected') {
      demoBaseUrl = status.baseUrl
      if (status.practiceName) expect(await page.locator('[data-test="practice-name"]').innerText()).toBe(status.practiceName)
    }

    const { chairs } = await h.invoke('referenceData')
    const live = chairs.filter((c) => !c.deleted)
    expect(live.length).toBeGreaterThan(0)
    await page.locator('[data-test="chairs"]').waitFor()
    const shown = await page.locator('[data-test="chair-name"]').allInnerTexts()
    for (const c of live) expect(shown).toContain(c.name)

    todayAppts = await expectDayShows(today)
    expect(await page.locator('[data-test="day-heading"]').innerText()).toContain('Oggi')
    expect(await page.locator('[data-test="today"]').isDisabled()).toBe(true)
    await expect.poll(() => page.locator('[data-test="sync-status"]').innerText()).toMatch(/^Aggiornato alle /)
    const counts = await h.cacheCounts()
    // The agenda fetches today and both neighbouring days in one request, and caches all three (the morning
    // prefetch may already have cached the next working days too).
    const around = await h.invoke('appointmentsRange', { from: addDaysIso(today, -1), to: addDaysIso(today, 1) })
    expect(counts.appointments).toBeGreaterThanOrEqual(around.length)
    expect(counts.chairs).toBe(chairs.length)
    expect(counts.patients).toBeGreaterThan(0)
    await h.screenshot('02-day-today')
    await h.screenshot('02-day-today-full', { fullPage: true })
  })

  it('goes to the next day: the date and the appointments change', async () => {
    const { page, today } = h
    const heading = await page.locator('[data-test="day-heading"]').innerText()
    await page.locator('[data-test="next-day"]').click()
    const next = addDaysIso(today, 1)
    await page.waitForURL(new RegExp(`#/day/${next}$`))

    const nextAppts = await expectDayShows(next)
    const nextIds = new Set(nextAppts.map((a) => a.id))
    expect(todayAppts.some((a) => nextIds.has(a.id))).toBe(false)
    expect(await page.locator(`[data-test="appointment-${todayAppts[0]!.id}"]`).count()).toBe(0)
    const nextHeading = await page.locator('[data-test="day-heading"]').innerText()
    expect(nextHeading).not.toBe(heading)
    expect(nextHeading).not.toContain('Oggi')
    await h.screenshot('03-day-next')
  })

  it('the date picker shows the day on screen and goes to the day picked in its calendar', async () => {
    const { page, today } = h
    const shown = (d: string) => `${d.slice(8)}/${d.slice(5, 7)}/${d.slice(0, 4)}`
    const input = page.locator('[data-test="date-picker"] input')
    await expect.poll(() => input.inputValue()).toBe(shown(addDaysIso(today, 1)))
    const target = addDaysIso(today, 3)
    expect(target.slice(0, 7)).toBe(today.slice(0, 7))
    await input.click()
    await page
      .locator('.n-date-panel-date:not(.n-date-panel-date--excluded)')
      .getByText(String(Number(target.slice(8))), { exact: true })
      .click()
    await page.waitForURL(new RegExp(`#/day/${target}$`))
    await expect.poll(() => input.inputValue()).toBe(shown(target))
    await expectDayShows(target)
  })

  it('switches the whole UI to English and remembers it', async () => {
    const { page } = h
    await page.locator('[data-test="locale-en"]').click()
    await expect.poll(() => page.locator('[data-test="today"]').innerText()).toBe('Today')
    expect(await page.locator('[data-test="disconnect"]').innerText()).toBe('Disconnect')
    expect(await page.evaluate('localStorage.getItem("sportello.locale")')).toBe('en')
    await h.screenshot('04-day-english')
    await page.locator('[data-test="locale-it"]').click()
    await expect.poll(() => page.locator('[data-test="today"]').innerText()).toBe('Oggi')
  })

  it('back to today with "Oggi"; a reload while connected goes straight to the day', async () => {
    const { page } = h
    await page.locator('[data-test="today"]').click()
    await page.waitForURL(new RegExp(`#/day/${h.today}$`))
    await page.locator(`[data-test="appointment-${todayAppts[0]!.id}"]`).waitFor()

    await page.goto(page.url().replace(/#.*$/, ''))
    await page.waitForURL(/#\/day/)
    await page.locator(`[data-test="appointment-${todayAppts[0]!.id}"]`).waitFor()
    expect(page.url()).not.toMatch(/#\/connect/)
  })

  it('when AlfaDocs cannot be reached, shows the cached day and says it is offline', async () => {
    const { page } = h
    h.sandbox().faults.failNext('appointmentsList', 1000, { kind: 'drop' })
    try {
      await page.reload()
      await page.locator(`[data-test="appointment-${todayAppts[0]!.id}"]`).waitFor()
      await expect.poll(() => page.locator('[data-test="sync-status"]').innerText(), { timeout: 30_000 }).toMatch(/^Offline/)
      expect(await page.locator('[data-test^="appointment-"]').count()).toBe(todayAppts.length)
      await h.screenshot('05-offline-from-cache')
    } finally {
      h.sandbox().faults.clear()
    }
    await page.reload()
    await expect.poll(() => page.locator('[data-test="sync-status"]').innerText(), { timeout: 30_000 }).toMatch(/^Aggiornato alle /)
  })

  it('disconnects after confirming: back to Connect, cache wiped, nothing stored', async () => {
    const { page } = h
    await page.locator('[data-test="disconnect"]').click()
    const dialog = page.locator('.n-dialog')
    await dialog.waitFor()
    await h.screenshot('06-disconnect-confirm')
    await dialog.getByRole('button', { name: 'Disconnetti' }).click()
    await page.waitForURL(/#\/connect$/)
    await page.locator('[data-test="open-demo"]').waitFor()

    const counts = await h.cacheCounts()
    expect(Object.keys(counts).length).toBe(8)
    expect(Object.values(counts).every((n) => n === 0)).toBe(true)
    expect((await h.invoke('sessionStatus')).state).toBe('disconnected')
    expect(h.secretStore.size).toBe(0)
    await h.screenshot('06-after-disconnect')
  })

  it('a wrong API key on "Connect to my practice" gives a clear error and stores nothing', async () => {
    const { page } = h
    const server = await startDemoServer(h.today)
    try {
      await page.locator('[data-test="api-key"] input').fill('definitely-not-a-valid-key')
      await page.locator('[data-test="advanced"]').getByText('Avanzate').click()
      await page.locator('[data-test="base-url"] input').fill(server.baseUrl)
      await page.locator('[data-test="connect-practice"]').click()

      const error = page.locator('[data-test="connect-error"]')
      await error.waitFor()
      expect(await error.innerText()).toContain('La chiave API non è valida')
      expect(page.url()).toMatch(/#\/connect$/)
      expect(h.secretStore.size).toBe(0)
      expect((await h.invoke('sessionStatus')).state).toBe('disconnected')
      expect(Object.values(await h.cacheCounts()).every((n) => n === 0)).toBe(true)
      await h.screenshot('07-wrong-key')
    } finally {
      await server.close()
    }
    expect(demoBaseUrl).not.toBe('')
  })

  it('a plain-http address that is not this computer is refused with a translated reason', async () => {
    const { page } = h
    await page.locator('[data-test="base-url"] input').fill('http://example.com/api/v1')
    await page.locator('[data-test="connect-practice"]').click()
    const error = page.locator('[data-test="connect-error"]')
    await expect.poll(() => error.innerText()).toContain('https://')
    expect(h.secretStore.size).toBe(0)
    await h.screenshot('08-invalid-url')
  })

  it('logged no errors and no CSP violations', () => {
    expect(h.pageErrors).toEqual([])
  })
})
