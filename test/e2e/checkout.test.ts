import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import type { Patient } from '../../shared/alfadocs/schemas'
import { CHECKOUT_DEMO } from '../../electron/sandbox/seed/billing'
import { addDaysIso } from '../../shared/dates'
import { findChromium, startHarness, type Harness } from './harness'

// Checkout at the front desk in Chromium against the demo sandbox's checkout patient (today's done
// appointment with two treatments; two bills, one linked to the patient only through its care plan; four open
// instalments, one overdue): the balance on the patient header and the bills list, checkout from the block in
// at most 4 clicks, the receipt's acconto / saldo, the cash rules, "Prenota il prossimo", and the day close.
// Expected figures come from the sandbox through the same channels.

const chromiumPath = findChromium()
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000, interval: 100 })
const flat = (s: string | null) => (s ?? '').replace(/\s/g, '')
const PRACTICE = { name: 'Studio Dentistico Esempio', address: 'Via Roma 1, 20121 Milano' }

describe.skipIf(!chromiumPath)('checkout at the front desk', () => {
  let h: Harness
  let page: Page
  let appt: { id: number; patientId: number; operatorId: number | null }
  let patient: Patient
  let patientName: string
  /** The clicks from the block to the payment dialog. */
  let clicks = 0
  const click = async (l: Locator, opts?: Parameters<Locator['click']>[0]) => {
    clicks++
    await l.click(opts)
  }
  const block = (id: number): Locator => page.locator(`.blk[data-id="${id}"]`)
  const dialog = () => page.locator('[data-test="payment-dialog"]')
  const panel = () => page.locator('[data-test="checkout"]')
  /** "4.302,00€" as the page's Italian UI writes cents (its own Intl), spaces left out. */
  const euros = new Map<number, string>()
  const euroOf = async (...cents: number[]) => {
    const out = await page.evaluate(
      (cs) =>
        cs.map((c) =>
          new Intl.NumberFormat('it-IT', { style: 'currency', currency: 'EUR', useGrouping: 'always' }).format(c / 100).replace(/\s/g, ''),
        ),
      cents,
    )
    cents.forEach((c, i) => euros.set(c, out[i]!))
  }
  const euro = (cents: number) => euros.get(cents) ?? `(${cents} not formatted)`
  /**
   * The patient's open instalments as the sandbox holds them (the live AlfaDocs-shaped data), oldest due first:
   * what patientBalance must come to for the desk's day (read here, not through main: main's answer is what is
   * checked on screen).
   */
  function balance() {
    const st = h.sandbox().state
    const mine = (b: (typeof st.bills)[number]) =>
      b.patientId === appt.patientId || st.carePlans.some((p) => p.id === b.carePlanId && p.patientId === appt.patientId)
    const bills = st.bills.filter((b) => b.direction === 'incoming' && b.type !== 'proforma' && b.type !== 'credit' && mine(b))
    const day = (d: string) => d.slice(0, 10)
    const instalments = st.liabilities
      .filter((l) => bills.some((b) => b.id === l.billId) && Math.round(Number(l.amount) * 100) > 0)
      .map((l) => {
        const bill = bills.find((b) => b.id === l.billId)!
        return {
          billId: l.billId,
          billDate: day(bill.date),
          liabilityId: l.id,
          date: day(l.date),
          amount: Math.round(Number(l.amount) * 100),
        }
      })
      .sort((a, b) => a.date.localeCompare(b.date) || a.billDate.localeCompare(b.billDate) || a.liabilityId - b.liabilityId)
    const open = instalments.reduce((x, i) => x + i.amount, 0)
    const overdue = instalments.filter((i) => i.date < h.today).reduce((x, i) => x + i.amount, 0)
    return { instalments, open, overdue }
  }
  async function chooseType(name: string) {
    await dialog().locator('[data-test="pay-type"]').click()
    await page.locator('.n-base-select-option', { hasText: name }).first().click()
    await poll(() => dialog().locator('[data-test="pay-type"]').innerText()).toBe(name)
  }
  async function typeAmount(cents: number) {
    const input = dialog().locator('[data-test="pay-amount"] input')
    await input.fill((cents / 100).toFixed(2).replace('.', ','))
    await input.blur()
  }
  /** Confirms the dialog, the panel says it is recorded, its receipt opens: the receipt's key. */
  async function payAndOpenReceipt(): Promise<string> {
    await dialog().locator('[data-test="pay-confirm"]').click()
    await panel().locator('[data-test="checkout-paid"]').waitFor()
    await panel().locator('[data-test="checkout-receipt"]').click()
    await page.waitForURL(/#\/billing\/receipt\//)
    await page.locator('[data-test="receipt"]').waitFor()
    return decodeURIComponent(/receipt\/([^?]+)/.exec(page.url())![1]!)
  }

  beforeAll(async () => {
    h = await startHarness(chromiumPath!)
    page = h.page
    await page.setViewportSize({ width: 1366, height: 768 })
    await h.open()
    await page.locator('[data-test="open-demo"]').click()
    await page.waitForURL(/#\/day/)
    const st = h.sandbox().state
    const plan = st.carePlans.find((p) => p.name === CHECKOUT_DEMO.planName)!
    const a = st.appointments.find((x) => x.carePlanId === plan.id)!
    expect(a.state).toBe('done')
    appt = { id: a.id, patientId: a.patientId!, operatorId: a.operatorId ?? null }
    patient = (await h.invoke('patientsByIds', { ids: [appt.patientId] }))[0]!
    patientName = `${patient.lastName} ${patient.firstName}`
  })
  afterAll(async () => {
    await h?.close()
  })

  it('sets the practice for the receipt; the patient header and the bills list show the balance, by patient and status', async () => {
    await h.open('#/settings')
    const s = page.locator('[data-test="receipt-settings"]')
    await s.locator('[data-test="receipt-settings-name"] input').fill(PRACTICE.name)
    await s.locator('[data-test="receipt-settings-address"] textarea').fill(PRACTICE.address)
    await s.locator('[data-test="receipt-settings-save"]').click()
    await s.locator('[data-test="receipt-settings-saved"]').waitFor()
    expect((await h.invoke('settingsGet', {})).practiceName).toBe(PRACTICE.name)
    await h.screenshotSizes('checkout-settings-receipt', { width: 1366, height: 768 })

    const b = balance()
    expect(b.instalments.length).toBe(4)
    expect([b.open, b.overdue]).toEqual([430_200, 200_100])
    await h.open(`#/patients/${appt.patientId}`)
    await euroOf(b.open, b.overdue)
    const header = page.locator('[data-test="patient-balance"]')
    await poll(() => header.locator('[data-test="patient-balance-open"]').textContent().then(flat)).toBe(euro(b.open))
    expect(flat(await header.locator('[data-test="patient-balance-overdue"]').textContent())).toBe(euro(b.overdue))
    expect(await header.locator('[data-test="open-in-alfadocs"]').getAttribute('href')).toMatch(
      new RegExp(`^https://.*redirect=%2FdoctorPatient%2Fshow%2F${appt.patientId}$`),
    )
    await h.screenshotSizes('checkout-patient-balance', { width: 1366, height: 768 })

    // The patient's bills: one names the patient, the other only its care plan; both name the patient here.
    await header.locator('[data-test="patient-balance-bills"]').click()
    await page.waitForURL(/#\/billing\?patientId=/)
    // The range the screen asks for (a patient's bills: the last year), so main answers both from the same reads.
    const { bills } = await h.invoke('billsList', {
      from: addDaysIso(h.today, -365),
      to: h.today,
      patientId: appt.patientId,
      today: h.today,
    })
    const mine = bills.filter((x) => b.instalments.some((i) => i.billId === x.id))
    expect(mine.length).toBe(2)
    const words = { paid: 'pagata', partial: 'parziale', due: 'da incassare', overdue: 'scaduta', credit: 'a credito' }
    await poll(() => page.locator('[data-test^="bill-row-"]').count()).toBe(bills.length)
    await euroOf(...mine.map((x) => x.remaining))
    for (const x of mine) {
      const row = page.locator(`[data-test="bill-row-${x.id}"]`)
      expect(await row.locator('[data-test="bill-patient"]').textContent()).toBe(patientName)
      expect(flat(await row.locator('[data-test="bill-remaining"]').textContent())).toBe(euro(x.remaining))
      expect(await row.locator('[data-test="bill-status"]').textContent()).toBe(words[x.status])
    }
    await h.screenshotSizes('checkout-bills-by-patient', { width: 1366, height: 768 })
    await h.open(`#/billing?patientId=${appt.patientId}&status=overdue`)
    await poll(() => page.locator('[data-test="bill-status"]').allTextContents()).toEqual(
      bills.filter((x) => x.status === 'overdue').map(() => 'scaduta'),
    )
  })

  it('checkout from the done appointment reaches the payment dialog within 4 clicks; a part payment by card prints "acconto"', async () => {
    await h.open(`#/day/${h.today}`)
    clicks = 0
    await click(block(appt.id), { button: 'right', position: { x: 20, y: 16 } })
    await click(page.locator('[data-test="menu-checkout"]'))
    await panel().waitFor()
    // The appointment's treatments and the patient's open instalments, oldest due first.
    await poll(() => panel().locator('[data-test="checkout-treatment"]').count()).toBe(CHECKOUT_DEMO.treatments.length)
    expect(await panel().locator('[data-test="checkout-treatment"] td:first-child').allTextContents()).toEqual(
      CHECKOUT_DEMO.treatments.map(([label]) => label),
    )
    const b = balance()
    await poll(() => panel().locator('[data-test^="checkout-instalment-"]').count()).toBe(b.instalments.length)
    const order = await panel()
      .locator('[data-test^="checkout-instalment-"]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-test')))
    expect(order).toEqual(b.instalments.map((i) => `checkout-instalment-${i.liabilityId}`))
    await h.screenshotSizes('checkout-checkout-panel', { width: 1366, height: 768 })
    await click(panel().locator('[data-test="checkout-collect"]'))
    await dialog().waitFor()
    expect(clicks).toBeLessThanOrEqual(4)

    // Card is offered first (the practice has card types); a part of the oldest instalment.
    await poll(() => dialog().locator('[data-test="pay-type"]').innerText()).toBe('Bancomat')
    const first = b.instalments[0]!
    await typeAmount(100_000)
    await poll(() => dialog().locator('[data-test="pay-plan-row"]').count()).toBe(1)
    expect(await dialog().locator('[data-test="pay-plan-row"]').textContent()).toMatch(/^Acconto sulla scadenza/)
    expect(await dialog().locator('[data-test="pay-cash-notice"]').count()).toBe(0)
    await h.screenshotSizes('checkout-checkout-payment-card', { width: 1366, height: 768 })
    const key = await payAndOpenReceipt()
    await euroOf(first.amount - 100_000)

    const r = page.locator('[data-test="receipt"]')
    expect(await r.locator('[data-test="receipt-kind"]').textContent()).toBe('Acconto')
    expect(await r.locator('[data-test="receipt-line"]').textContent()).toMatch(/^Acconto sulla scadenza del/)
    expect(await r.locator('[data-test="receipt-line"]').textContent()).not.toMatch(/saldo/i)
    expect(flat(await r.locator('[data-test="receipt-remaining"]').textContent())).toBe(euro(first.amount - 100_000))
    expect(await r.locator('[data-test="receipt-patient"]').textContent()).toBe(patientName)
    expect(await r.locator('[data-test="receipt-cf"]').textContent()).toBe(patient.italianFiscalCode)
    expect(await r.locator('[data-test="receipt-payment-type"]').textContent()).toBe('Bancomat')
    await poll(() => r.locator('[data-test="receipt-practice"]').innerText()).toContain(PRACTICE.address)
    expect(await r.locator('[data-test="receipt-practice"]').innerText()).toContain(PRACTICE.name)
    expect(await r.locator('[data-test="receipt-invoice-note"]').textContent()).toMatch(/senza valore fiscale.*AlfaDocs/)
    await h.screenshotSizes('checkout-receipt-acconto', { width: 1366, height: 768 })
    const v = await h.invoke('paymentGet', { key })
    expect(v.state).toBe('done')
    expect(v.steps.map((s) => [s.liabilityId, s.amountCents, s.remainingCents])).toEqual([
      [first.liabilityId, 100_000, first.amount - 100_000],
    ])
  })

  it('"Prenota il prossimo" opens the free-slot finder with the appointment\'s operator', async () => {
    await page.locator('[data-test="receipt-book-next"]').click()
    const finder = page.locator('[data-test="slot-finder"]')
    await finder.waitFor()
    const op = (await h.invoke('referenceData', {})).operators.find((o) => o.id === appt.operatorId)!
    await poll(() => finder.locator('[data-test="slot-operators"]').innerText()).toContain(op.name)
    await h.screenshotSizes('checkout-book-next-finder', { width: 1366, height: 768 })
    await page.keyboard.press('Escape')
    await finder.waitFor({ state: 'detached' })
  })

  it('cash: refused at 5 000 € before sending, not deductible, a full payment prints "saldo"; a second cash payment on the bill is warned', async () => {
    const b = balance()
    const first = b.instalments[0]!
    await euroOf(first.amount, 0)
    await block(appt.id).locator('[data-test="appt-patient"]').hover()
    await page.locator('[data-test="hover-checkout"]').click()
    await panel().waitFor()
    await poll(() => panel().locator(`[data-test="checkout-instalment-${first.liabilityId}"]`).textContent()).toContain(
      euro(first.amount).replace('€', ''),
    )
    await panel().locator('[data-test="checkout-collect"]').click()
    await dialog().waitFor()
    await chooseType('Contante')
    const posts = () => h.sandbox().requestLog.filter((x) => x.method === 'POST').length
    const before = posts()
    await typeAmount(500_000)
    const limit = dialog().locator('[data-test="pay-cash-limit"]')
    await poll(() => limit.textContent()).toMatch(/4\.?999,99\s€.*legge 197\/2022/)
    expect(await dialog().locator('[data-test="pay-confirm"]').isDisabled()).toBe(true)
    await h.screenshotSizes('checkout-cash-refused', { width: 1366, height: 768 })
    await typeAmount(first.amount)
    await poll(() => limit.count()).toBe(0)
    expect(await dialog().locator('[data-test="pay-cash-notice"]').textContent()).toMatch(/non è detraibile.*1° gennaio 2020.*19 %/)
    expect(await dialog().locator('[data-test="pay-plan-row"]').textContent()).toMatch(/^Saldo della scadenza/)
    expect(posts()).toBe(before) // nothing was sent for the refused amount
    await h.screenshotSizes('checkout-cash-notice', { width: 1366, height: 768 })
    const key = await payAndOpenReceipt()
    const r = page.locator('[data-test="receipt"]')
    expect(await r.locator('[data-test="receipt-kind"]').textContent()).toBe('Saldo')
    expect(await r.locator('[data-test="receipt-line"]').textContent()).toMatch(/^Saldo della scadenza del.*scadenza saldata/)
    expect(flat(await r.locator('[data-test="receipt-remaining"]').textContent())).toBe(euro(0))
    expect(await r.locator('[data-test="receipt-payment-type"]').textContent()).toBe('Contante')
    await h.screenshotSizes('checkout-receipt-saldo', { width: 1366, height: 768 })
    expect((await h.invoke('paymentGet', { key })).steps.map((s) => s.remainingCents)).toEqual([0])

    // The same bill again in cash today (its page): warned, and only a confirmed separate payment may go on.
    const after = balance()
    const sameBill = after.instalments.find((i) => i.billId === first.billId)!
    await h.open(`#/billing/bill/${first.billId}`)
    await page.locator(`[data-test="pay-${sameBill.liabilityId}"]`).click()
    await dialog().waitFor()
    await chooseType('Contante')
    await poll(() => dialog().locator('[data-test="pay-cash-split"]').textContent()).toContain(euro(first.amount).replace('€', ''))
    expect(await dialog().locator('[data-test="pay-confirm"]').isDisabled()).toBe(true)
    await dialog().locator('[data-test="pay-cash-split-confirm"]').click()
    await poll(() => dialog().locator('[data-test="pay-confirm"]').isDisabled()).toBe(false)
    await h.screenshotSizes('checkout-cash-split-warned', { width: 1366, height: 768 })
    await page.keyboard.press('Escape')
    await dialog().waitFor({ state: 'detached' })
    // The header owes what is left.
    await h.open(`#/patients/${appt.patientId}`)
    await euroOf(after.open, after.overdue)
    await poll(() => page.locator('[data-test="patient-balance-open"]').textContent().then(flat)).toBe(euro(after.open))
    expect(flat(await page.locator('[data-test="patient-balance-overdue"]').textContent())).toBe(euro(after.overdue))
  })

  it('takings name the patient; the day close counts the cash, shows the difference, is saved and printed', async () => {
    await h.open('#/billing/takings')
    await page.locator('[data-test="takings"]').waitFor()
    await poll(() => page.locator('[data-test="takings-patient"]').allTextContents()).toContain(patientName)

    await page.locator('[data-test="nav-day-close"]').click()
    await page.waitForURL(/#\/billing\/day-close/)
    const sheet = page.locator('[data-test="day-close"]')
    await sheet.waitFor()
    const live = await h.invoke('dayCloseGet', { date: h.today })
    await euroOf(live.expectedCash, -500, live.expectedCash - 500)
    expect(live.byType.find((g) => g.name === 'Contante')?.totalCents ?? 0).toBeGreaterThanOrEqual(100_100)
    expect(flat(await sheet.locator('[data-test="day-close-expected"]').textContent())).toBe(euro(live.expectedCash))
    expect(await sheet.locator('[data-test="day-close-by-type"] tr').count()).toBe(live.byType.length)
    expect(await sheet.locator('[data-test="day-close-by-account"] tr').count()).toBe(live.byAccount.length)
    const counted = live.expectedCash - 500
    const input = sheet.locator('[data-test="day-close-counted"] input')
    await input.fill((counted / 100).toFixed(2).replace('.', ','))
    await input.blur()
    await poll(() => sheet.locator('[data-test="day-close-difference"]').textContent().then(flat)).toBe(euro(-500))
    expect(await sheet.locator('[data-test="day-close-difference-text"]').textContent()).toMatch(/^In cassa mancano 5,00\s€\.$/)
    await sheet.locator('[data-test="day-close-save"]').click()
    await poll(() => sheet.locator('[data-test="day-close-saved"]').textContent()).toMatch(/^Salvata alle/)
    const saved = await h.invoke('dayCloseGet', { date: h.today })
    expect([saved.countedCash, saved.difference]).toEqual([counted, -500])
    await h.screenshotSizes('checkout-day-close', { width: 1366, height: 768 })

    // Printed through the preview (main's PDF of the page); on paper the counted figure stands in for the field.
    await page.locator('[data-test="print-day-close"]').click()
    const preview = page.locator('[data-test="print-preview"]')
    await preview.locator('[data-test="pdf-page"]').first().waitFor()
    expect(await preview.locator('[data-test="print-preview-title"]').innerText()).toMatch(/^Chiusura di cassa/)
    await preview.locator('[data-test="print-preview-close"]').click()
    await preview.waitFor({ state: 'detached' })
    await page.emulateMedia({ media: 'print' })
    expect(await sheet.locator('[data-test="day-close-counted"]').isVisible()).toBe(false)
    expect(flat(await sheet.locator('[data-test="day-close-cash"]').innerText())).toContain(euro(counted))
    await h.screenshotSizes('checkout-day-close-print', { width: 1366, height: 768 })
    await page.emulateMedia({ media: null })
    expect(h.pageErrors).toEqual([])
  })
})
