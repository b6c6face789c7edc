import type { Account, Bill, PaymentType, Transaction } from '../../../../shared/alfadocs/schemas'
import type { Takings } from '../../../../shared/contract/billing'
import { todayIn } from '../../../../shared/dates'
import type { AlfaDocsClient } from '../../alfadocs/client'
import { AlfaDocsError } from '../../alfadocs/errors'
import { toCents } from './money'

// Read-only billing views: bills with totals, one bill in full, the day's takings.

type Client = Pick<AlfaDocsClient, 'request' | 'listWindowed'>

export interface BillsFilter {
  from: string
  to: string
  type?: string | undefined
  direction?: string | undefined
  carePlanId?: number | undefined
  patientId?: number | undefined
}

/** Payment types and accounts change rarely: once per client (session), unless asked again. */
const referenceCache = new WeakMap<object, Promise<Reference>>()
export interface Reference {
  paymentTypes: PaymentType[]
  accounts: Account[]
}

export function billingReference(client: Client, refresh = false): Promise<Reference> {
  let p = refresh ? undefined : referenceCache.get(client)
  if (!p) {
    p = Promise.all([client.request('paymentTypesList'), client.request('accountsList')]).then(([paymentTypes, accounts]) => ({
      paymentTypes,
      accounts,
    }))
    referenceCache.set(client, p)
    p.catch(() => referenceCache.delete(client))
  }
  return p
}

/**
 * Bills of the range, newest first, with totals. The API filters by care plan but not by patient, so a
 * patient's bills are found here: those naming the patient (bills carry `patientId` in practice, an extra
 * field) or one of the patient's care plans (the reference's `carePlanId`).
 */
export async function listBills(client: Client, f: BillsFilter) {
  const query: Record<string, string | number> = {}
  if (f.type) query.type = f.type
  if (f.direction) query.direction = f.direction
  if (f.carePlanId) query.carePlanId = f.carePlanId
  const patientId = f.patientId
  const [all, plans] = await Promise.all([
    // A patient's year of bills (a dozen windows) queues behind what a desk is waiting for.
    client.listWindowed('billsList', f.from, f.to, query, patientId === undefined ? {} : { priority: 'bulk' }),
    patientId === undefined ? Promise.resolve([]) : client.request('patientCarePlansList', { params: { patientId } }),
  ])
  const planIds = new Set(plans.map((p) => p.id))
  const bills =
    patientId === undefined ? all : all.filter((b) => b.patientId === patientId || (b.carePlanId != null && planIds.has(b.carePlanId)))
  bills.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.id - a.id))
  return { bills, totals: totals(bills) }
}

function totals(bills: Bill[]) {
  const byType = new Map<string, { type: string; count: number; netCents: number }>()
  let netCents = 0
  let stampCents = 0
  for (const b of bills) {
    netCents += toCents(b.net)
    stampCents += toCents(b.stamp)
    const t = byType.get(b.type) ?? { type: b.type, count: 0, netCents: 0 }
    t.count++
    t.netCents += toCents(b.net)
    byType.set(b.type, t)
  }
  return { count: bills.length, netCents, stampCents, byType: [...byType.values()] }
}

export async function billDetail(client: Client, billId: number, today = todayIn()) {
  const bill = await client.request('billGet', { params: { billId } })
  const from = bill.date.slice(0, 10)
  const [liabilities, transactions, paymentLinkValid] = await Promise.all([
    client.request('liabilitiesList', { params: { billId } }),
    from <= today ? client.listWindowed('transactionsList', from, today, { billId }) : Promise.resolve([] as Transaction[]),
    client
      .request('billPaymentLinkValidate', { params: { billId } })
      .then((r) => r.isValid)
      // The route is a low-confidence guess: "unknown" rather than a failed screen.
      .catch((e: unknown) => {
        if (e instanceof AlfaDocsError && (e.kind === 'not-found' || e.kind === 'invalid' || e.kind === 'bad-response')) return null
        throw e
      }),
  ])
  liabilities.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id))
  return { bill, liabilities, transactions: transactions.filter((t) => t.billId === billId), paymentLinkValid }
}

export async function takingsOfDay(client: Client, date: string): Promise<Takings> {
  const [transactions, ref] = await Promise.all([
    client.listWindowed('transactionsList', date, date, { direction: 'incoming' }),
    billingReference(client),
  ])
  const incoming = transactions.filter((t) => t.direction === 'incoming' && !t.deleted && t.date.slice(0, 10) === date)
  const group = (idOf: (t: Transaction) => number | null, names: Array<{ id: number; name: string }>) => {
    const m = new Map<number | null, { id: number | null; name: string; count: number; totalCents: number }>()
    for (const t of incoming) {
      const id = idOf(t)
      const g = m.get(id) ?? { id, name: names.find((n) => n.id === id)?.name ?? (id === null ? '—' : `#${id}`), count: 0, totalCents: 0 }
      g.count++
      g.totalCents += toCents(t.amount)
      m.set(id, g)
    }
    return [...m.values()].sort((a, b) => b.totalCents - a.totalCents)
  }
  const billIds = [...new Set(incoming.map((t) => t.billId).filter((id): id is number => id != null))]
  const bills = await Promise.all(billIds.map((billId) => client.request('billGet', { params: { billId } }).catch(() => null)))
  const billNumbers: Record<string, string> = {}
  for (const b of bills) if (b?.numberIncludingPrefix) billNumbers[String(b.id)] = b.numberIncludingPrefix
  return {
    date,
    billNumbers,
    transactions: incoming.sort((a, b) => a.id - b.id),
    byPaymentType: group((t) => t.paymentTypeId ?? null, ref.paymentTypes),
    byAccount: group((t) => t.accountId ?? null, ref.accounts),
    totalCents: incoming.reduce((s, t) => s + toCents(t.amount), 0),
  }
}

/** The read-only billing views over the session's client (the payments themselves are PaymentService's). */
export class BillingQueries {
  constructor(private readonly client: () => Promise<Client>) {}

  /** Always asked afresh: the page asks once per session. */
  async reference(): Promise<Reference> {
    return billingReference(await this.client(), true)
  }

  async bills(f: BillsFilter) {
    return listBills(await this.client(), f)
  }

  async bill(billId: number) {
    return billDetail(await this.client(), billId)
  }

  async takings(date: string): Promise<Takings> {
    return takingsOfDay(await this.client(), date)
  }
}
