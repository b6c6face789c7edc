import { expect } from 'vitest'
import type { Liability } from '../../shared/alfadocs/schemas'
import { addDaysIso } from '../../shared/dates'
import { startHarness, type Harness } from './harness'

export const cents = (n: number) => Math.round(n * 100)

/** An open liability of a bill, for one test to pay. */
export type BillTarget = { billId: number; liability: Liability }

/**
 * The harness with the demo practice opened, and `count` open liabilities (≥ 20 €) of different incoming bills of
 * the last 60 days, so each test pays its own (fewer fails the setup).
 */
export async function openDemoWithLiabilities(chromiumPath: string, count = 3): Promise<{ h: Harness; targets: BillTarget[] }> {
  const h = await startHarness(chromiumPath)
  await h.open()
  await h.page.locator('[data-test="open-demo"]').click()
  await h.page.waitForURL(/#\/day/)
  const { bills } = await h.invoke('billsList', { from: addDaysIso(h.today, -60), to: h.today, direction: 'incoming' })
  const targets: BillTarget[] = []
  for (const b of bills) {
    if (targets.length >= count) break
    const d = await h.invoke('billDetail', { billId: b.id })
    const l = d.liabilities.find((x) => cents(x.amount) >= 2000)
    if (l) targets.push({ billId: b.id, liability: l })
  }
  expect(targets.length).toBe(count)
  return { h, targets }
}

/** A bill's page, its Pay button for the liability, and the dialog once AlfaDocs' payment types are in it. */
export async function openPayment(h: Harness, billId: number, liabilityId: number): Promise<void> {
  await h.open(`#/billing/bill/${billId}`)
  await h.page.locator(`[data-test="pay-${liabilityId}"]`).click()
  await h.page.locator('[data-test="payment-dialog"]').waitFor()
  // Payment types and accounts arrive from AlfaDocs; the deleted ones are not offered.
  await expect.poll(() => h.page.locator('[data-test="pay-type"]').innerText()).not.toBe('')
}
