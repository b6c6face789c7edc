import type { Liability } from '../../shared/alfadocs/schemas'
import { addDaysIso } from '../../shared/dates'
import { startHarness, type Harness } from './harness'

export const cents = (n: number) => Math.round(n * 100)

/**
 * The harness with the demo practice opened, and `count` open liabilities (≥ 20 €) of different incoming bills of
 * the last 60 days, so each test pays its own.
 */
export async function openDemoWithLiabilities(
  chromiumPath: string,
  count = 3,
): Promise<{ h: Harness; targets: Array<{ billId: number; liability: Liability }> }> {
  const h = await startHarness(chromiumPath)
  await h.open()
  await h.page.locator('[data-test="open-demo"]').click()
  await h.page.waitForURL(/#\/day/)
  const { bills } = await h.invoke('billsList', { from: addDaysIso(h.today, -60), to: h.today, direction: 'incoming' })
  const targets: Array<{ billId: number; liability: Liability }> = []
  for (const b of bills) {
    if (targets.length >= count) break
    const d = await h.invoke('billDetail', { billId: b.id })
    const l = d.liabilities.find((x) => cents(x.amount) >= 2000)
    if (l) targets.push({ billId: b.id, liability: l })
  }
  return { h, targets }
}
