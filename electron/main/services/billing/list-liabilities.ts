import type { Liability } from '../../../../shared/alfadocs/schemas'
import type { AlfaDocsClient } from '../../alfadocs/client'

// Bills lists read each unpaid bill's liabilities; a list shown again within a short while reuses them,
// except for a bill a payment of this computer just changed (PaymentService forgets it). Bill pages and
// balances always read afresh. Kept apart so the payment service does not load the read-only views.

type Client = Pick<AlfaDocsClient, 'request'>

/** How long a list may show a bill's liabilities as read (bill pages and balances always read afresh). */
const LIST_LIABILITIES_TTL_MS = 30_000
const listLiabilities = new WeakMap<object, Map<number, { at: number; p: Promise<Liability[]> }>>()

/** A payment changed this bill's liabilities: lists read them again. */
export function forgetBillLiabilities(billId: number): void {
  forgotten.add(billId)
}
const forgotten = new Set<number>()

export function liabilitiesForList(client: Client, billId: number): Promise<Liability[]> {
  let m = listLiabilities.get(client)
  if (!m) listLiabilities.set(client, (m = new Map()))
  const hit = m.get(billId)
  const now = Date.now()
  if (hit && now - hit.at < LIST_LIABILITIES_TTL_MS && !forgotten.has(billId)) return hit.p
  forgotten.delete(billId)
  // Bulk: a list's dozens of reads queue behind what a desk is waiting for (a bill page, the agenda).
  const p = client.request('liabilitiesList', { params: { billId }, priority: 'bulk' })
  m.set(billId, { at: now, p })
  p.catch(() => m.delete(billId))
  return p
}
