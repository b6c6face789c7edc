import type { Chair, Color, Operator } from '../../shared/alfadocs/schemas'
import { startHarness, type Harness } from './harness'

export type Reference = { chairs: Chair[]; colors: Color[]; operators: Operator[] }

/** The harness with the demo practice opened and the agenda drawn, plus the practice's reference data. */
export async function openDemoAgenda(chromiumPath: string): Promise<{ h: Harness; ref: Reference }> {
  const h = await startHarness(chromiumPath)
  await h.open()
  await h.page.locator('[data-test="open-demo"]').click()
  await h.page.waitForURL(/#\/day/)
  await h.page.locator('[data-test="agenda-grid"]').waitFor()
  return { h, ref: await h.invoke('referenceData') }
}
