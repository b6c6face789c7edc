import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Patient } from '../../shared/alfadocs/schemas'
import { addDaysIso } from '../../shared/dates'
import { checkFiscalCode } from '../../shared/patients/fiscal-code'
import { findChromium, startHarness, type Harness } from './harness'

// Patients end to end: one search box (name, phone with +39, fiscal code), create with a wrong fiscal
// code (refused, then deliberately kept), edit phones and a dropdown custom field.
// Expected patients come from the demo practice through the same invoke, never hard-coded.

const chromiumPath = findChromium()

describe.skipIf(!chromiumPath)('patients in Chromium', () => {
  let h: Harness
  let sample: Patient

  beforeAll(async () => {
    h = await startHarness(chromiumPath!)
    await h.invoke('sessionConnectDemo')
    const all = await h.invoke('patientsSearch', { text: '', offset: 0, limit: 100 })
    // A patient with a real fiscal code, a +39 mobile and a birth date, whose "last first" prefix is unique.
    sample = all.results.find(
      (p) =>
        checkFiscalCode(p.italianFiscalCode ?? '').ok &&
        p.phoneNumbers.some((n) => n.prefix === '+39' && n.number.startsWith('3')) &&
        p.dateOfBirth &&
        all.results.filter((q) => q.lastName === p.lastName && q.firstName === p.firstName).length === 1,
    )!
    expect(sample).toBeDefined()
  })
  afterAll(async () => {
    await h?.close()
  })

  const box = () => h.page.locator('[data-test="patient-search"] input')
  const resultIds = () =>
    h.page.locator('[data-test="search-result"]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-id'))))

  async function searchFor(text: string) {
    await box().fill('')
    await box().fill(text)
    await expect.poll(resultIds, { timeout: 10_000 }).toContain(sample.id)
  }

  it('finds a patient by "last first-prefix", as you type', async () => {
    // Reached from the app bar's Pazienti tab, on the agenda.
    await h.open('#/day')
    await h.page.locator('[data-test="nav-patients"]').click()
    await h.page.waitForURL(/#\/patients$/)
    await box().waitFor()
    await searchFor(`${sample.lastName.toLowerCase()} ${sample.firstName.slice(0, 2).toLowerCase()}`)
    expect(await h.page.locator('[data-test="search-kind"]').innerText()).toBe('Cerco per cognome e nome')
    for (const id of await resultIds()) {
      const p = await h.invoke('patientGet', { patientId: id })
      expect(p.lastName.toLowerCase().startsWith(sample.lastName.toLowerCase())).toBe(true)
    }
    await h.screenshot('patients-01-search-name')
  })

  it('finds by phone written with +39 and spaces', async () => {
    const mobile = sample.phoneNumbers.find((n) => n.number.startsWith('3'))!.number
    await searchFor(`+39 ${mobile.slice(0, 3)} ${mobile.slice(3, 6)} ${mobile.slice(6)}`)
    expect(await h.page.locator('[data-test="search-kind"]').innerText()).toBe('Cerco per telefono')
  })

  it('finds by fiscal code typed in lower case, and Enter opens the patient', async () => {
    await searchFor(sample.italianFiscalCode!.toLowerCase())
    await expect.poll(resultIds).toEqual([sample.id])
    await h.page.locator('[data-test="search-results"][data-source="server"][data-loading="false"]').waitFor()
    await box().press('Enter')
    await h.page.waitForURL(new RegExp(`#/patients/${sample.id}$`))
    await expect.poll(() => h.page.locator('[data-test="patient-name"]').innerText()).toBe(`${sample.lastName} ${sample.firstName}`)
    expect(await h.page.locator('[data-test="patient-cf"]').innerText()).toBe(sample.italianFiscalCode)
    await h.screenshot('patients-02-page')
  })

  it('a patient page opened while AlfaDocs is unreachable shows the saved copy and says since when', async () => {
    const { page } = h
    // Opened (with its appointments tab) by the test before, online.
    const mine = await h.invoke('appointmentsRange', { patientId: sample.id, from: addDaysIso(h.today, -90), to: addDaysIso(h.today, 90) })
    expect(mine.length).toBeGreaterThan(0)
    h.sandbox().faults.failNext('patientGet', 50, { kind: 'drop' })
    h.sandbox().faults.failNext('appointmentsList', 200, { kind: 'drop' })
    try {
      await h.open('#/patients')
      await h.open(`#/patients/${sample.id}`)
      await expect.poll(() => page.locator('[data-test="patient-name"]').innerText()).toBe(`${sample.lastName} ${sample.firstName}`)
      // The page's line (first), then the appointments tab's own.
      const line = page.locator('[data-test="freshness"][data-status="cached"]').first()
      const tabLine = page.locator('[data-test="appointments-tab"] [data-test="freshness"]')
      await expect.poll(() => line.innerText(), { timeout: 30_000 }).toMatch(/^Offline — dati del(le)? \S/)
      await expect.poll(() => tabLine.innerText(), { timeout: 30_000 }).toMatch(/^Offline — dati del(le)? \S/)
      // The appointments tab shows its saved copy, and says why it is not fresh.
      await expect
        .poll(async () => (await page.locator('[data-test="appt-next"]').count()) + (await page.locator('[data-test="appt-past"]').count()))
        .toBe(mine.length)
      await expect
        .poll(() => page.locator('[data-test="appointments-error"]').innerText(), { timeout: 30_000 })
        .toBe('Il server non è raggiungibile. Controlla la connessione a internet.')
      await h.screenshot('patients-09-offline')
    } finally {
      h.sandbox().faults.clear()
    }
  })

  it("shows a patient's appointments, care plans with their signature and bills in tabs", async () => {
    const { page } = h
    // A patient of today's agenda who also has care plans.
    const today = await h.invoke('appointmentsRange', { from: h.today, to: h.today })
    let chosen: { id: number; plans: Array<{ isSigned: boolean | null }> } | null = null
    for (const id of [...new Set(today.map((a) => a.patientId).filter((x): x is number => x != null))].slice(0, 15)) {
      const plans = await h.invoke('patientCarePlans', { patientId: id })
      if (plans.length > 0) {
        chosen = { id, plans }
        break
      }
    }
    expect(chosen).not.toBeNull()
    const { id, plans } = chosen!
    const mine = await h.invoke('appointmentsRange', { patientId: id, from: addDaysIso(h.today, -90), to: addDaysIso(h.today, 90) })
    await h.open(`#/patients/${id}`)
    await expect
      .poll(async () => (await page.locator('[data-test="appt-next"]').count()) + (await page.locator('[data-test="appt-past"]').count()), {
        timeout: 15_000,
      })
      .toBe(mine.length)
    expect(mine.some((a) => a.date.startsWith(h.today))).toBe(true)
    // Each appointment's state in Italian words (the agenda's), never AlfaDocs' code.
    const words: Record<string, string> = {
      confirmed: 'Confermato',
      waiting: 'In attesa',
      in_care: 'In poltrona',
      done: 'Concluso',
      absent: 'Assente',
      cancelled: 'Disdetto',
    }
    const shown = await page.locator('[data-test="appt-state"]').allInnerTexts()
    expect(shown.sort()).toEqual(mine.map((a) => words[a.state] ?? a.state).sort())
    expect(shown.some((s) => /^[a-z_]+$/.test(s))).toBe(false)
    await page.locator('.n-tabs-tab', { hasText: 'Piani di cura' }).click()
    await expect.poll(() => page.locator('[data-test="care-plan"]').count(), { timeout: 15_000 }).toBe(plans.length)
    const signed = plans.filter((p) => p.isSigned === true).length
    expect(await page.locator('[data-test="care-plan"]', { hasText: 'Firmato' }).count()).toBe(signed)
    await h.screenshot('patients-07-care-plans')
    const { bills } = await h.invoke('billsList', { patientId: id, from: addDaysIso(h.today, -180), to: h.today })
    await page.locator('.n-tabs-tab', { hasText: 'Conti' }).click()
    if (bills.length > 0) await expect.poll(() => page.locator('.tbl tbody tr').count(), { timeout: 15_000 }).toBe(bills.length)
    else await page.locator('.n-empty', { hasText: 'Nessun conto' }).waitFor()
  })

  let createdId = 0

  it('refuses a wrong fiscal code until it is deliberately kept, then creates the patient', async () => {
    const { page } = h
    await h.open('#/patients/new')
    await page.locator('[data-test="f-lastName"] input').fill('Collaudo')
    await page.locator('[data-test="f-firstName"] input').fill('Ettore')
    await page.locator('[data-test="f-fiscalCode"] input').fill('RSSMRA85T10A562X')
    await page.locator('[data-test="patient-save"]').click()
    await expect.poll(() => page.locator('[data-test="fiscal-problem"]').innerText()).toBe('Il carattere di controllo dovrebbe essere S')
    await page.locator('[data-test="form-errors"]').waitFor()
    await h.screenshot('patients-03-fiscal-refused')
    expect((await h.invoke('patientsSearch', { text: 'collaudo ettore' })).total).toBe(0)

    await page.locator('[data-test="fiscal-override"]').click()
    await page.locator('[data-test="phone-add"]').click()
    await page.locator('[data-test="phone-number"] input').fill('333 765 4321')
    await page.locator('[data-test="patient-save"]').click()
    await page.waitForURL(/#\/patients\/\d+$/)
    createdId = Number(/#\/patients\/(\d+)$/.exec(page.url())![1])
    const created = await h.invoke('patientGet', { patientId: createdId })
    expect(created).toMatchObject({ lastName: 'Collaudo', firstName: 'Ettore', italianFiscalCode: 'RSSMRA85T10A562X' })
    expect(created.phoneNumbers.map((n) => [n.prefix, n.number])).toEqual([['+39', '3337654321']])
    await expect.poll(() => page.locator('[data-test="patient-cf"]').innerText()).toBe('RSSMRA85T10A562X')
  })

  it("words AlfaDocs' refusal of a save in Italian with its reason, never the English message", async () => {
    const { page } = h
    h.sandbox().faults.failNext('patientUpdate', 1, { status: 422, body: { message: 'phoneNumbers.0.number is not valid' } })
    try {
      await h.open(`#/patients/${createdId}/edit`)
      await page.locator('[data-test="phone-row"]').first().waitFor()
      await page.locator('[data-test="patient-save"]').click()
      const alert = page.locator('[data-test="form-server-error"]')
      await expect.poll(() => alert.innerText()).toBe('La richiesta non è valida. (phoneNumbers.0.number is not valid)')
      await h.screenshot('patients-10-refused')
    } finally {
      h.sandbox().faults.clear()
    }
    // Saved once AlfaDocs accepts it.
    await page.locator('[data-test="patient-save"]').click()
    await page.waitForURL(new RegExp(`#/patients/${createdId}$`))
  })

  it('warns before creating someone who may already exist (same fiscal code), then creates only when asked', async () => {
    const { page } = h
    await h.open('#/patients/new')
    await page.locator('[data-test="f-lastName"] input').fill(sample.lastName)
    await page.locator('[data-test="f-firstName"] input').fill(sample.firstName)
    await page.locator('[data-test="f-fiscalCode"] input').fill(sample.italianFiscalCode!)
    await page.locator('[data-test="patient-save"]').click()
    const list = page.locator('[data-test="duplicates"]')
    await list.waitFor()
    expect(await list.locator('li').count()).toBe(1)
    expect(await list.innerText()).toContain('stesso codice fiscale')
    expect(await list.innerText()).toContain(`${sample.lastName} ${sample.firstName}`)
    await h.screenshot('patients-08-duplicates')
    const before = (await h.invoke('patientsSearch', { text: sample.italianFiscalCode! })).total
    expect(before).toBe(1)
    await page.locator('[data-test="create-anyway"]').click()
    await page.waitForURL(/#\/patients\/\d+$/)
    expect((await h.invoke('patientsSearch', { text: sample.italianFiscalCode! })).total).toBe(2)
  })

  it('edits phones (change, add, remove) and a dropdown custom field', async () => {
    const { page } = h
    await h.open(`#/patients/${createdId}`)
    await page.locator('[data-test="edit-patient"]').click()
    await page.waitForURL(/\/edit$/)
    await page.locator('[data-test="phone-row"]').first().waitFor()
    // The wrong code AlfaDocs already holds stays accepted as it was deliberately kept.
    expect(await page.locator('[data-test="fiscal-override"]').getAttribute('aria-checked')).toBe('true')
    await page.locator('[data-test="phone-number"] input').first().fill('3331112222')
    await page.locator('[data-test="phone-add"]').click()
    await page.locator('[data-test="phone-number"] input').nth(1).fill('051 223344')
    await page.locator('[data-test="phone-label"] input').nth(1).fill('Casa')
    await page.locator('[data-test="phone-add"]').click()
    await page.locator('[data-test="phone-number"] input').nth(2).fill('3470000000')
    await page.locator('[data-test="phone-remove"]').nth(2).click()
    await page.locator('[data-test="cf-comeCiHaConosciuto"] .n-base-selection').click()
    await page.locator('.n-base-select-option', { hasText: 'Internet' }).click()
    await h.screenshot('patients-04-edit')
    await page.locator('[data-test="patient-save"]').click()
    await page.waitForURL(new RegExp(`#/patients/${createdId}$`))
    const saved = (await h.invoke('patientGet', { patientId: createdId })) as Patient & Record<string, unknown>
    expect(saved.phoneNumbers.map((n) => [n.number, n.label ?? ''])).toEqual([
      ['3331112222', ''],
      ['051223344', 'Casa'],
    ])
    expect(saved._comeCiHaConosciuto).toBe('Internet')
    await expect.poll(() => page.locator('[data-test="patient-phone"]').count()).toBe(2)
    await page.locator('.n-tabs-tab', { hasText: 'Campi personalizzati' }).click()
    await expect.poll(() => page.locator('[data-test="custom-comeCiHaConosciuto"] dd').innerText()).toBe('Internet')
    await h.screenshot('patients-05-saved')
    // The same page in English.
    await page.locator('[data-test="locale-en"]').click()
    await expect.poll(() => page.locator('.n-tabs-tab', { hasText: 'Custom fields' }).count()).toBe(1)
    expect(await page.locator('[data-test="book-patient"]').innerText()).toBe('Book appointment')
    await page.locator('.n-tabs-tab', { hasText: 'Documents' }).click()
    await page.locator('[data-test="upload-pick"]', { hasText: 'choose from the computer' }).waitFor()
    await h.screenshot('patients-06-english')
    await page.locator('[data-test="locale-it"]').click()
    expect(h.pageErrors).toEqual([])
  })
})
