import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { cents, openDemoWithLiabilities, openPayment, type BillTarget } from './billing-setup'
import { findChromium, type Harness } from './harness'

// Billing in Chromium against the demo sandbox: a full payment, a partial one, a double click that makes one
// transaction, and the day's takings showing them. Expectations come from the sandbox through the same channels.

const chromiumPath = findChromium()

describe.skipIf(!chromiumPath)('billing in Chromium', () => {
  let h: Harness
  let page: Page
  /** Open liabilities of different bills, to pay one per test. */
  let targets: BillTarget[] = []
  const paidCents: number[] = []

  beforeAll(async () => {
    ;({ h, targets } = await openDemoWithLiabilities(chromiumPath!))
    page = h.page
  })
  afterAll(async () => {
    await h?.close()
  })

  const detail = (billId: number) => h.invoke('billDetail', { billId })

  it('reaches the bills from the agenda, with filters and totals', async () => {
    await page.locator('[data-test="nav-billing"]').click()
    await page.waitForURL(/#\/billing/)
    await page.locator('[data-test="bills-totals"]').waitFor()
    await expect.poll(() => page.locator('[data-test^="bill-row-"]').count()).toBeGreaterThan(0)
    await h.screenshot('billing-01-bills')
  })

  it('records a full payment: one transaction, the liability deleted, a courtesy receipt', async () => {
    const { billId, liability } = targets[0]!
    const before = await detail(billId)
    await openPayment(h, billId, liability.id)
    await h.screenshot('billing-02-payment-dialog')
    await page.locator('[data-test="pay-confirm"]').click()
    await page.waitForURL(/#\/billing\/receipt\//)
    await page.locator('[data-test="receipt"]').waitFor()
    expect(await page.locator('[data-test="receipt-not-fiscal"]').innerText()).toMatch(/non valida ai fini fiscali/i)
    await h.screenshot('billing-03-receipt')
    const after = await detail(billId)
    expect(after.transactions.length).toBe(before.transactions.length + 1)
    expect(after.liabilities.find((l) => l.id === liability.id)).toBeUndefined()
    paidCents.push(cents(liability.amount))
  })

  it('records a partial payment: the liability stays open for the rest', async () => {
    const { billId, liability } = targets[1]!
    const before = await detail(billId)
    await openPayment(h, billId, liability.id)
    const part = Math.floor(cents(liability.amount) / 2)
    const input = page.locator('[data-test="pay-amount"] input')
    await input.fill((part / 100).toFixed(2).replace('.', ',')) // typed the Italian way
    await input.blur()
    await expect.poll(() => page.locator('[data-test="payment-dialog"]').innerText()).toMatch(/Pagamento parziale/)
    await h.screenshot('billing-04-partial')
    await page.locator('[data-test="pay-confirm"]').click()
    await page.waitForURL(/#\/billing\/receipt\//)
    await page.locator('[data-test="receipt"]').waitFor()
    const after = await detail(billId)
    expect(after.transactions.length).toBe(before.transactions.length + 1)
    expect(cents(after.liabilities.find((l) => l.id === liability.id)!.amount)).toBe(cents(liability.amount) - part)
    paidCents.push(part)
  })

  it('refuses an amount over the liability in the dialog', async () => {
    const { billId, liability } = targets[2]!
    await openPayment(h, billId, liability.id)
    const input = page.locator('[data-test="pay-amount"] input')
    await input.fill(((cents(liability.amount) + 100) / 100).toFixed(2))
    await input.blur()
    await expect.poll(() => page.locator('[data-test="pay-confirm"]').isDisabled()).toBe(true)
    await h.screenshot('billing-05-too-much')
    await page.keyboard.press('Escape')
    await page.locator('[data-test="payment-dialog"]').waitFor({ state: 'detached' })
  })

  it('a double click on Confirm records one payment', async () => {
    const { billId, liability } = targets[2]!
    const before = await detail(billId)
    await openPayment(h, billId, liability.id)
    await page.locator('[data-test="pay-confirm"]').dblclick()
    await page.waitForURL(/#\/billing\/receipt\//)
    await page.locator('[data-test="receipt"]').waitFor()
    const after = await detail(billId)
    expect(after.transactions.length).toBe(before.transactions.length + 1)
    expect(after.liabilities.find((l) => l.id === liability.id)).toBeUndefined()
    expect((await h.invoke('paymentsUnfinished', {})).payments).toEqual([])
    paidCents.push(cents(liability.amount))
  })

  it("shows the day's takings with the payments, grouped by payment type and account", async () => {
    // From the receipt the previous test ended on.
    await page.locator('[data-test="nav-takings"]').click()
    await expect.poll(() => page.url()).toMatch(/#\/billing\/takings/)
    await page.locator('[data-test="takings"]').waitFor()
    const takings = await h.invoke('takingsDay', { date: h.today })
    const mine = takings.transactions.filter((t) => targets.some((x) => x.billId === t.billId)).map((t) => cents(t.amount))
    for (const c of paidCents) expect(mine).toContain(c)
    await expect.poll(() => page.locator('[data-test="takings-row"]').count()).toBe(takings.transactions.length)
    const total = await page.locator('[data-test="takings-total"]').innerText()
    expect(total.replace(/\s/g, '')).toBe(
      new Intl.NumberFormat('it-IT', { style: 'currency', currency: 'EUR', useGrouping: 'always' })
        .format(takings.totalCents / 100)
        .replace(/\s/g, ''),
    )
    // Each payment names its bill by number, as the desk knows it, not by AlfaDocs' internal id.
    const firstWithBill = takings.transactions.findIndex((t) => t.billId != null)
    const bill = await h.invoke('billDetail', { billId: takings.transactions[firstWithBill]!.billId! })
    expect(await page.locator('[data-test="takings-row"]').nth(firstWithBill).locator('td').first().innerText()).toBe(
      bill.bill.numberIncludingPrefix,
    )
    expect(await page.locator('[data-test="takings-by-type"] tr').count()).toBe(takings.byPaymentType.length)
    expect(await page.locator('[data-test="takings-by-account"] tr').count()).toBe(takings.byAccount.length)
    await h.screenshot('billing-06-takings')
    expect(h.pageErrors).toEqual([])
  })
})
