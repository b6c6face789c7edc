import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Appointment, Patient } from '../../shared/alfadocs/schemas'
import type { ChannelOutput } from '../../shared/contract'
import { addDaysIso } from '../../shared/dates'
import { fiscalCheckChar } from '../../shared/patients/fiscal-code'
import { findChromium, startHarness, type Harness } from './harness'

// Every screen read in both languages on one page, switching the language in place: no raw codes, no
// UI-library defaults, no ISO dates, amounts grouped alike, no English in the Italian UI and no Italian in the
// English one. And every dialog fits a 1366×768 screen: title, body and buttons inside the window.

const chromiumPath = findChromium()
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000, interval: 100 })

type Lang = 'it' | 'en'
/** How long a screen may take to show its words after a language switch. */
const SETTLE_MS = 3_000

/** What naive-ui writes when a component is given no words of its own (both languages), and our own fallback. */
const LIBRARY_DEFAULTS = [
  'Nessun Dato',
  'Si prega di',
  'Please Input',
  'Please Select',
  'No Data',
  'Select Week',
  // App.vue's safety net for an NEmpty without words: each empty state must say what is empty.
  'Niente da mostrare',
  'Nothing to show',
]
/** The codes AlfaDocs and main speak in, which a screen must word (states, kinds, payment steps). */
const RAW_CODE = /\b(?:[a-z]+_[a-z_]+|needs-attention|not-found|rate-limited|bad-response|not-connected|damaged-file|too-large)\b/
/** Raw state codes are English words too: in Italian any of these, in lower case, is a code that leaked. */
const RAW_STATE_IT = /\b(?:done|confirmed|absent|waiting|cancelled|pending|settled|posting|intent|estimate|accepted|completed|discarded)\b/
/** A few English words a screen could leak into the Italian UI (whole words, case as written). */
const ENGLISH_WORDS = [
  'Loading',
  'Cancel',
  'Save',
  'Search',
  'Error',
  'Patient',
  'Patients',
  'Today',
  'Week',
  'Settings',
  'Retry',
  'Close',
  'Bill',
  'Bills',
  'Payment',
  'Select',
  'Please',
  'None',
  'Yes',
  'Back',
  'Next',
  'Previous',
  'Open',
  'Chair',
  'Upload',
  'Print',
  'Total',
  'the',
  'and',
  'with',
]
/** A few Italian words the English UI could show (the demo practice's own data is Italian: names of people,
 * chairs, reasons, descriptions are not listed here). */
const ITALIAN_WORDS = [
  'Annulla',
  'Salva',
  'Oggi',
  'Paziente',
  'Pazienti',
  'Nessun',
  'Nessuna',
  'Caricamento',
  'Chiudi',
  'Conferma',
  'Riprova',
  'Cerca',
  'Prenota',
  'attesa',
  'dati',
  'delle',
  'Incassi',
  'Ricevuta',
  'Impostazioni',
  'Aggiornato',
  'Giorno',
  'Settimana',
  'Sì',
  'lunedì',
  'martedì',
  'mercoledì',
  'giovedì',
  'venerdì',
  'gennaio',
  'febbraio',
  'marzo',
  'aprile',
  'maggio',
  'giugno',
]
const wordsRe = (words: string[]) => new RegExp(`(?<![\\p{L}])(?:${words.join('|')})(?![\\p{L}])`, 'u')
const ENGLISH_RE = wordsRe(ENGLISH_WORDS)
const ITALIAN_RE = wordsRe(ITALIAN_WORDS)
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/
const FILE_NAME = /\.[a-z0-9]{2,4}$/i
/** Amounts of a thousand or more without their thousands separator ("1890,00 €", "€1890.00"). */
const UNGROUPED_IT = /(?<![\d.])\d{4,},\d{2}\s?€/
const UNGROUPED_EN = /€\s?\d{4,}\.\d{2}/
/** AlfaDocs' own menu, named as the practice sees it there (Connect tells where to find the API key). */
const ALFADOCS_MENU = 'Impostazioni → Studio → Chiavi API'
/** "Dati 12:30" / "dati alle 12:30": the freshness line reads "dati delle 12:30". */
const BARE_TIME_IT = /\bdati (?:alle )?\d{1,2}:\d{2}/i

/** The visible text of the page, one line per text run, and the placeholders, titles and labels a desk reads. */
async function visibleText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = []
    for (const line of document.body.innerText.split('\n')) if (line.trim()) out.push(line.trim())
    for (const el of Array.from(document.querySelectorAll('[placeholder], [title], [aria-label]'))) {
      const box = (el as HTMLElement).getBoundingClientRect()
      if (box.width === 0 && box.height === 0) continue
      for (const a of ['placeholder', 'title', 'aria-label']) {
        const v = el.getAttribute(a)
        if (v) out.push(`[${a}] ${v}`)
      }
    }
    // Empty-state and placeholder nodes naive-ui fills with its defaults.
    for (const el of Array.from(document.querySelectorAll('.n-empty'))) {
      const d = el.querySelector('.n-empty__description')
      if (!d || !d.textContent?.trim()) out.push('[empty state without words]')
    }
    return out
  })
}

/** Every line that breaks a rule of the language on screen, with the rule. */
function findings(lines: string[], lang: Lang): string[] {
  const bad: string[] = []
  for (const raw of lines) {
    const line = raw.replace(ALFADOCS_MENU, '')
    const hit = (rule: string) => bad.push(`${rule}: ${raw}`)
    if (line === '[empty state without words]') hit('empty state')
    if (LIBRARY_DEFAULTS.some((d) => line.includes(d))) hit('library default')
    if (RAW_CODE.test(line)) hit('raw code')
    // A document's file name is the practice's own ("Panoramica 2025-10-26.png"), not a date the app wrote.
    if (ISO_DATE.test(line) && !FILE_NAME.test(line)) hit('ISO date')
    if (lang === 'it') {
      if (RAW_STATE_IT.test(line)) hit('raw state')
      if (ENGLISH_RE.test(line)) hit('English word')
      if (UNGROUPED_IT.test(line)) hit('amount not grouped')
      if (BARE_TIME_IT.test(line)) hit('freshness wording')
    } else {
      if (ITALIAN_RE.test(line)) hit('Italian word')
      if (UNGROUPED_EN.test(line)) hit('amount not grouped')
    }
  }
  return bad
}

describe.skipIf(!chromiumPath)('one language at a time, every screen; dialogs fit 1366×768', () => {
  let h: Harness
  let page: Page
  let patient: Patient
  let appt: Appointment
  let ref: ChannelOutput<'referenceData'>

  beforeAll(async () => {
    h = await startHarness(chromiumPath!)
    page = h.page
    await page.setViewportSize({ width: 1366, height: 768 })
    await h.open()
    await page.locator('[data-test="open-demo"]').click()
    await page.waitForURL(/#\/day/)
    await page.locator('[data-test="agenda-grid"]').waitFor()
    ref = await h.invoke('referenceData')
    const day = await h.invoke('appointmentsRange', { from: h.today, to: h.today })
    appt = day.find((a) => !a.allDay && a.patientId != null && a.chairId != null && a.state === 'confirmed')!
    // The patient of a confirmed appointment today: their page has appointments to word.
    patient = await h.invoke('patientGet', { patientId: appt.patientId! })
    expect(appt).toBeDefined()
    expect(patient).toBeDefined()
  })
  afterAll(async () => {
    await h?.close()
  })

  /**
   * Switches the language in place, as the switch's radio does on change. No click: a click outside an open
   * dropdown or dialog would close it, and what is open is what is being read.
   */
  async function setLang(lang: Lang) {
    await page
      .locator(`[data-test="locale-${lang}"] input`)
      .first()
      .evaluate((el) => {
        const input = el as HTMLInputElement
        if (input.checked) return
        input.checked = true
        input.dispatchEvent(new Event('change', { bubbles: true }))
      })
    await poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang)
  }
  /** What broke a rule, screen by screen: each test lists them all at its end (one run shows every screen's). */
  let problems: string[] = []
  /** Reads what is on screen in Italian and in English; the screen is left in Italian. A screen re-renders after
   * the switch: its findings are read again until none is left or the screen has had its time to settle. */
  async function readsInBothLanguages(screen: string) {
    for (const lang of ['it', 'en'] as const) {
      await setLang(lang)
      const until = Date.now() + SETTLE_MS
      let bad = findings(await visibleText(page), lang)
      while (bad.length > 0 && Date.now() < until) {
        await new Promise((ok) => setTimeout(ok, 100))
        bad = findings(await visibleText(page), lang)
      }
      problems.push(...bad.map((f) => `${screen} (${lang}) ${f}`))
    }
    await setLang('it')
  }
  const noProblems = () => {
    const found = problems
    problems = []
    expect(found).toEqual([])
  }
  /** Closes the open dialog as the desk does, with Esc (from the dialog itself, not a field in it). */
  async function closeDialog() {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    await page.keyboard.press('Escape')
    await poll(() => page.locator('.n-modal-mask').count()).toBe(0)
  }
  const go = async (hash: string, ready: string) => {
    await page.evaluate((x) => (location.hash = x), hash)
    await page
      .locator(ready)
      .first()
      .waitFor()
      .catch((e: unknown) => {
        throw new Error(`${hash} did not show ${ready} (page errors: ${h.pageErrors.slice(-3).join(' | ') || 'none'})`, { cause: e })
      })
  }
  /** A dialog's title, body and buttons all inside the window. */
  async function fitsTheWindow(dialog: string) {
    const vp = page.viewportSize()!
    const boxes = await page.locator(dialog).evaluate((root) => {
      const r = (el: Element | null) => (el ? el.getBoundingClientRect() : null)
      const card = root.closest('.sp-dialog') ?? root
      const parts = {
        card: r(card),
        title: r(card.querySelector('h1, h2, h3, .n-dialog__title, .n-card-header__main')),
        buttons: Array.from(card.querySelectorAll('button')).map((b) => r(b)!),
      }
      return parts
    })
    const inside = (b: { top: number; bottom: number; left: number; right: number } | null) =>
      b !== null && b.top >= 0 && b.left >= 0 && b.bottom <= vp.height && b.right <= vp.width
    expect.soft(inside(boxes.card), `${dialog}: the dialog overflows the window`).toBe(true)
    // The palette has no title: its search field comes first (and is inside the card).
    if (boxes.title) expect.soft(inside(boxes.title), `${dialog}: the title is not in view`).toBe(true)
    // The action buttons (the last row) must be in view; chips inside a scrolled body may be below.
    const actions = await page
      .locator(`${dialog} .sp-dialog__actions button`)
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect()))
    for (const b of actions) expect.soft(inside(b), `${dialog}: a button is cut off`).toBe(true)
  }

  it('the agenda: day, week, waiting room, palette', async () => {
    await readsInBothLanguages('agenda day')
    await page.locator('[data-test="view-week"]').click()
    await page.locator('[data-test="agenda-grid"]').waitFor()
    await readsInBothLanguages('agenda week')
    await page.locator('[data-test="view-day"]').click()
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    await page.keyboard.press('Control+k')
    await page.locator('[data-test="palette"]').waitFor()
    await readsInBothLanguages('palette')
    // One letter lists the most: the palette still fits.
    await page.keyboard.type('a')
    await fitsTheWindow('[data-test="palette"]')
    await page.keyboard.press('Backspace')
    await page.keyboard.type('zzzzqq')
    await readsInBothLanguages('palette, nothing found')
    await closeDialog()
    noProblems()
  })

  it('the booking dialog and the free-slot finder read in both languages and fit 1366×768', async () => {
    await page.locator('[data-test="book"]').click()
    await page.locator('[data-test="booking-dialog"]').waitFor()
    await readsInBothLanguages('booking dialog')
    await page.locator('[data-test="patient-select"]').click()
    await page.keyboard.type(patient.lastName.slice(0, 4))
    await page.locator('.n-base-select-option').first().waitFor()
    await readsInBothLanguages('booking patient search')
    await page.keyboard.type('zzqq')
    await poll(() => page.locator('.n-base-select-option').count()).toBe(0)
    await readsInBothLanguages('booking patient search, nobody found')
    await page.locator('[data-test="booking-description"] input').click()
    // A warning and an error at once: the chair and time of today's appointment (a clash), no patient and no
    // description (refused).
    const chairName = ref.chairs.find((c) => c.id === appt.chairId)!.name
    await page.locator('[data-test="booking-time"] input').fill(appt.date.slice(11, 16))
    await page.locator('[data-test="booking-chair"]').click()
    await page.locator('.n-base-select-option').getByText(chairName, { exact: true }).click()
    await page.locator('[data-test="booking-clash"]').waitFor()
    await page.locator('[data-test="booking-save"]').click()
    await page.locator('[data-test="booking-errors"]').waitFor()
    await fitsTheWindow('[data-test="booking-dialog"]')
    await readsInBothLanguages('booking dialog with errors')
    await h.screenshot('italian-only-booking-1366')
    await closeDialog()

    await page.locator('[data-test="find-slot"]').click()
    await page.locator('[data-test="slot-finder"]').waitFor()
    await readsInBothLanguages('free-slot finder')
    await page.locator('[data-test="slot-search"]').click()
    await page.locator('[data-test^="slot-day-"]').first().waitFor()
    await fitsTheWindow('[data-test="slot-finder"]')
    await readsInBothLanguages('free slots found')
    await h.screenshot('italian-only-slots-1366')
    await closeDialog()
    noProblems()
  })

  it("the patients list, a patient's every tab, a patient not found", async () => {
    await go('#/patients', '[data-test="patient-search"]')
    await readsInBothLanguages('patients, empty search')
    await page.locator('[data-test="patient-search"] input').fill(patient.lastName)
    await page.locator('[data-test="search-result"]').first().waitFor()
    await readsInBothLanguages('patients found')
    await page.locator('[data-test="patient-search"] input').fill('zzzzqqq')
    await readsInBothLanguages('no patient found')
    for (const tab of ['appointments', 'documents', 'bills', 'carePlans', 'customFields']) {
      await go(`#/patients/${patient.id}?tab=${tab}`, '[data-test="patient-card"]')
      await page.locator(`.n-tabs-tab[data-name="${tab}"]`).click()
      await readsInBothLanguages(`patient ${tab}`)
    }
    // From this patient to one AlfaDocs does not have: said so, and the header does not keep the name.
    await go('#/patients/987654321', '[data-test="patient-not-found"]')
    await poll(() => page.locator('[data-test="patients-title"]').innerText()).toBe('Paziente n. 987654321 non trovato')
    await readsInBothLanguages('patient not found')
    await go(`#/patients/${patient.id}/edit`, '[data-test="patient-form"]')
    await readsInBothLanguages('patient form')
    await go('#/patients/new', '[data-test="patient-form"]')
    await poll(() => page.locator('[data-test="patients-title"]').innerText()).toBe('Nuovo paziente')
    await readsInBothLanguages('new patient form')
    // A valid fiscal code fills what is empty: birth date, sex, birthplace (Milano is F205; a woman: day + 40).
    await page.locator('[data-test="f-fiscalCode"] input').fill('RSSMRA54D60F205' + fiscalCheckChar('RSSMRA54D60F205'))
    await page.locator('[data-test="fiscal-filled"]').waitFor()
    expect(await page.locator('[data-test="f-dateOfBirth"] input').inputValue()).toBe('20/04/1954')
    expect(await page.locator('[data-test="f-placeOfBirth"] input').inputValue()).toBe('Milano')
    expect(await page.locator('[data-test="f-gender"] .n-radio-button--checked').innerText()).toBe('F')
    await readsInBothLanguages('new patient form filled from the fiscal code')
    noProblems()
  })

  it('bills, a bill, the payment dialog, the receipt, the takings', async () => {
    await go('#/billing', '[data-test="bills-table"]')
    await readsInBothLanguages('bills')
    const { bills } = await h.invoke('billsList', { from: addDaysIso(h.today, -20), to: h.today, direction: 'incoming' })
    // Two open liabilities of different bills: one paid here, one AlfaDocs refuses.
    const targets: Array<{ billId: number; liabilityId: number }> = []
    for (const b of bills) {
      if (targets.length === 2) break
      const d = await h.invoke('billDetail', { billId: b.id })
      const l = d.liabilities.find((x) => x.amount >= 20)
      if (l) targets.push({ billId: b.id, liabilityId: l.id })
    }
    expect(targets.length).toBe(2)
    const target = targets[0]!
    await go(`#/billing/bill/${target.billId}`, '[data-test="liabilities"]')
    await readsInBothLanguages('a bill')
    await page.locator(`[data-test="pay-${target.liabilityId}"]`).click()
    await page.locator('[data-test="payment-dialog"]').waitFor()
    await poll(() => page.locator('[data-test="pay-type"]').innerText()).not.toBe('')
    await fitsTheWindow('[data-test="payment-dialog"]')
    await readsInBothLanguages('payment dialog')
    await expect.poll(() => page.locator('[data-test="pay-confirm"]').isEnabled()).toBe(true)
    await page.locator('[data-test="pay-confirm"]').click()
    await page.waitForURL(/#\/billing\/receipt\//)
    await page.locator('[data-test="receipt"]').waitFor()
    await readsInBothLanguages('receipt')
    await go(`#/billing/takings/${h.today}`, '[data-test="takings"]')
    await readsInBothLanguages('takings')

    // A payment AlfaDocs refuses outright: the banner is one slim line and says refused, not "to be checked".
    h.sandbox().faults.failNext('transactionCreate', 1, { status: 422, body: { message: 'Importo non valido' } })
    await go(`#/billing/bill/${targets[1]!.billId}`, '[data-test="liabilities"]')
    await page.locator(`[data-test="pay-${targets[1]!.liabilityId}"]`).click()
    await poll(() => page.locator('[data-test="pay-confirm"]').isEnabled()).toBe(true)
    await page.locator('[data-test="pay-confirm"]').click()
    // The toast saying the payment stopped is rewritten when the language changes; it stays while the pointer is on it.
    const stopped = page.locator('.n-message--warning-type')
    await stopped.hover()
    expect(await stopped.innerText()).toBe('Il pagamento si è fermato: controlla e usa Riprova.')
    await setLang('en')
    await poll(() => stopped.innerText()).toBe('The payment stopped: check it and use Retry.')
    await setLang('it')
    await poll(() => stopped.innerText()).toBe('Il pagamento si è fermato: controlla e usa Riprova.')
    await stopped.locator('.n-message__close').click()
    const banner = page.locator('[data-test="unfinished-payments"]')
    await banner.waitFor({ timeout: 60_000 })
    await poll(() => banner.locator('[data-test="unfinished-row"]').getAttribute('data-status')).toBe('refused')
    if (await page.locator('.n-modal-mask').count()) await closeDialog()
    expect(await banner.innerText()).toContain('rifiutato da AlfaDocs')
    expect((await banner.boundingBox())!.height).toBeLessThanOrEqual(56)
    await readsInBothLanguages('unfinished payments banner')
    await h.screenshot('italian-only-unfinished-1366')
    noProblems()
  })

  it('settings, and Connect after disconnecting', async () => {
    await go('#/settings', '[data-test="cache-panel"]')
    await readsInBothLanguages('settings')
    // A confirmation's words are set when it opens: open it in each language.
    const confirm = page.locator('.n-dialog')
    for (const lang of ['en', 'it'] as const) {
      await setLang(lang)
      await page.locator('[data-test="disconnect"]').click()
      await confirm.waitFor()
      await fitsTheWindow('.n-dialog')
      problems.push(...findings(await visibleText(page), lang).map((f) => `disconnect dialog (${lang}) ${f}`))
      if (lang === 'en') {
        await page.keyboard.press('Escape')
        await poll(() => confirm.count()).toBe(0)
      }
    }
    await confirm.locator('.n-button--warning-type, .n-button--error-type, .n-button--primary-type').last().click()
    // Until Connect is there: the address, what the dialog and the messages said, the page's errors.
    await expect
      .poll(
        async () =>
          /#\/connect/.test(page.url()) ||
          `${page.url()} | ${(await confirm.count()) ? await confirm.innerText() : 'no dialog'} | ${(await page.locator('.n-message').allInnerTexts()).join(' / ')} | ${h.pageErrors.slice(-3).join(' / ')}`,
        { timeout: 30_000, interval: 200 },
      )
      .toBe(true)
    await page.locator('[data-test="open-demo"]').waitFor()
    await readsInBothLanguages('connect')
    noProblems()
  })
})
