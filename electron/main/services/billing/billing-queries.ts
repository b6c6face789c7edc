import type { Account, Bill, Liability, PaymentType, Transaction } from '../../../../shared/alfadocs/schemas'
import { billSummary, patientOpenBalance } from '../../../../shared/billing/balance'
import { isCashPaymentType } from '../../../../shared/billing/cash-rules'
import type {
  AppointmentTreatment,
  BillRow,
  BillStatus,
  DayClose,
  OpenInstalment,
  PatientBalance,
  Takings,
} from '../../../../shared/contract/billing'
import { RANGE_CAPS } from '../../../../shared/contract/core'
import { addDaysIso, todayIn } from '../../../../shared/dates'
import type { AlfaDocsClient } from '../../alfadocs/client'
import { AlfaDocsError } from '../../alfadocs/errors'
import { toCents } from './money'
import { AppError } from '../app-error'
import { DayCloseService } from './day-close'
import { liabilitiesForList } from './list-liabilities'
import { billPatients } from './patient-links'

// Read-only billing views: bills with totals and summaries, one bill in full, a patient's balance, an
// appointment's treatments, the day's takings.

export type Client = Pick<AlfaDocsClient, 'request' | 'listWindowed'>

export interface BillsFilter {
  from: string
  to: string
  type?: string | undefined
  direction?: string | undefined
  carePlanId?: number | undefined
  patientId?: number | undefined
  status?: BillStatus | undefined
  today?: string | undefined
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
 * Bills of the range, newest first, each with its summary, and totals of those kept (a `status` filter
 * applies after the summary).
 */
export async function listBills(
  client: Client,
  f: BillsFilter,
  today = f.today ?? todayIn(),
): Promise<{ bills: BillRow[]; totals: ReturnType<typeof totals> }> {
  const rows = await summarize(client, await findBills(client, f), today)
  const bills = f.status ? rows.filter((b) => b.status === f.status) : rows
  return { bills, totals: totals(bills) }
}

/**
 * Bills of the range, newest first. The API filters by care plan but not by patient, so a patient's bills
 * are found here: those naming the patient (bills carry `patientId` in practice, an extra field) or one of
 * the patient's care plans (the reference's `carePlanId`).
 */
export async function findBills(client: Client, f: BillsFilter): Promise<Bill[]> {
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
  return bills
}

const day = (d: string) => d.slice(0, 10)
const paidOn = (bill: Bill, transactions: readonly Transaction[]) =>
  transactions.reduce((s, t) => s + (t.billId === bill.id && !t.deleted && t.direction === bill.direction ? toCents(t.amount) : 0), 0)

function row(
  bill: Bill,
  liabilities: readonly Liability[],
  paidCents: number,
  patient: { patientId: number | null; patientName: string | null },
  today: string,
): BillRow {
  const figures = {
    type: bill.type,
    totalCents: toCents(bill.net) + toCents(bill.stamp),
    paidCents,
    open: liabilities.map((l) => ({ amountCents: toCents(l.amount), date: l.date })),
    today,
  }
  return { ...bill, ...billSummary(figures, patient) }
}

/**
 * The bills' summaries: their transactions (the practice's, from the oldest bill's day to today, in 31-day
 * windows), their patients, and their open liabilities: one request per bill, except where none can be open
 * (proforma and credit notes, which AlfaDocs gives no instalments, and bills already paid in full).
 */
export async function summarize(client: Client, bills: Bill[], today: string): Promise<BillRow[]> {
  if (bills.length === 0) return []
  const from = bills.reduce((m, b) => (day(b.date) < m ? day(b.date) : m), today)
  const [patients, transactions] = await Promise.all([
    billPatients(client, bills),
    client.listWindowed('transactionsList', from, today, {}),
  ])
  const paid = bills.map((b) => paidOn(b, transactions))
  const liabilityLists = await Promise.all(
    bills.map((b, i) =>
      b.type === 'proforma' || b.type === 'credit' || paid[i]! >= toCents(b.net) + toCents(b.stamp)
        ? Promise.resolve([] as Liability[])
        : liabilitiesForList(client, b.id),
    ),
  )
  return bills.map((b, i) => row(b, liabilityLists[i] ?? [], paid[i]!, patients.get(b.id) ?? { patientId: null, patientName: null }, today))
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
  const own = transactions.filter((t) => t.billId === billId)
  const patient = (await billPatients(client, [bill])).get(bill.id) ?? { patientId: null, patientName: null }
  return { bill: row(bill, liabilities, paidOn(bill, own), patient, today), liabilities, transactions: own, paymentLinkValid }
}

/**
 * A patient's open instalments over the incoming bills of the last RANGE_CAPS.bills days (naming the patient
 * or one of the patient's care plans), oldest due first, and the cash already taken today on those bills.
 */
export async function patientBalance(client: Client, patientId: number, today = todayIn()): Promise<PatientBalance> {
  const since = addDaysIso(today, -(RANGE_CAPS.bills - 1))
  const [bills, todays, ref] = await Promise.all([
    findBills(client, { from: since, to: today, direction: 'incoming', patientId }),
    client.request('transactionsList', { query: { direction: 'incoming', dateStart: today, dateEnd: today } }),
    billingReference(client),
  ])
  const open = bills.filter((b) => b.type !== 'proforma' && b.type !== 'credit')
  const lists = await Promise.all(open.map((b) => client.request('liabilitiesList', { params: { billId: b.id } })))
  const instalments: OpenInstalment[] = []
  open.forEach((b, i) => {
    for (const l of lists[i] ?? []) {
      const amount = toCents(l.amount)
      if (amount <= 0) continue
      instalments.push({
        billId: b.id,
        billNumber: b.numberIncludingPrefix ?? null,
        billDate: day(b.date),
        liabilityId: l.id,
        date: day(l.date),
        amount,
        overdue: day(l.date) < today,
        sistemaTsExpenseType: l.sistemaTsExpenseType ?? null,
        relatedToInsurance: l.relatedToInsurance,
      })
    }
  })
  const cashTypes = new Set(ref.paymentTypes.filter((p) => isCashPaymentType(p.name)).map((p) => p.id))
  const billIds = new Set(bills.map((b) => b.id))
  const cashTodayByBill: Record<string, number> = {}
  for (const t of todays) {
    if (t.deleted || t.billId == null || !billIds.has(t.billId) || t.paymentTypeId == null || !cashTypes.has(t.paymentTypeId)) continue
    if (day(t.date) !== today) continue
    cashTodayByBill[String(t.billId)] = (cashTodayByBill[String(t.billId)] ?? 0) + toCents(t.amount)
  }
  return { patientId, ...patientOpenBalance(instalments), cashTodayByBill, today, since }
}

/** The appointment's care-plan entries (not deleted), in the plan's order. */
export async function appointmentTreatments(client: Client, appointmentId: number): Promise<AppointmentTreatment[]> {
  const entries = await client.request('appointmentCarePlanEntries', { params: { appointmentId } })
  return entries
    .filter((e) => !e.deleted)
    .sort((a, b) => (a.sequenceNumber ?? 0) - (b.sequenceNumber ?? 0) || a.entryId - b.entryId)
    .map((e) => ({
      entryId: e.entryId,
      label: e.label ?? '',
      price: toCents(e.discountedPrice ?? e.price ?? 0),
      done: e.done,
    }))
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
  const bills = (await Promise.all(billIds.map((billId) => client.request('billGet', { params: { billId } }).catch(() => null)))).filter(
    (b): b is Bill => b !== null,
  )
  const billNumbers: Record<string, string> = {}
  for (const b of bills) if (b.numberIncludingPrefix) billNumbers[String(b.id)] = b.numberIncludingPrefix
  const patients = await billPatients(client, bills)
  const none = { patientId: null, patientName: null }
  return {
    date,
    billNumbers,
    transactions: incoming.sort((a, b) => a.id - b.id).map((t) => ({ ...t, ...((t.billId != null && patients.get(t.billId)) || none) })),
    byPaymentType: group((t) => t.paymentTypeId ?? null, ref.paymentTypes),
    byAccount: group((t) => t.accountId ?? null, ref.accounts),
    totalCents: incoming.reduce((s, t) => s + toCents(t.amount), 0),
  }
}

export interface BillingQueriesOptions {
  /** The app's data folder (the day close files) and the connected practice; without them the day close is refused. */
  dataDir?: string
  practice?: () => Promise<{ practiceId: number; archiveId: number }>
}

/** The read-only billing views over the session's client (the payments themselves are PaymentService's), and the day close. */
export class BillingQueries {
  readonly dayClose: DayCloseService | null

  constructor(
    private readonly client: () => Promise<Client>,
    opts: BillingQueriesOptions = {},
  ) {
    this.dayClose =
      opts.dataDir && opts.practice
        ? new DayCloseService({
            dataDir: opts.dataDir,
            practice: opts.practice,
            takings: (date) => this.takings(date),
            paymentTypes: async () => (await billingReference(await this.client())).paymentTypes,
          })
        : null
  }

  async dayCloseGet(date: string): Promise<DayClose> {
    return this.mustDayClose().get(date)
  }

  async dayCloseSave(date: string, countedCash: number, note?: string): Promise<DayClose> {
    return this.mustDayClose().save(date, countedCash, note)
  }

  private mustDayClose(): DayCloseService {
    if (!this.dayClose) throw new AppError('internal', 'The day close has no data folder here.')
    return this.dayClose
  }

  /** Always asked afresh: the page asks once per session. */
  async reference(): Promise<Reference> {
    return billingReference(await this.client(), true)
  }

  async bills(f: BillsFilter) {
    return listBills(await this.client(), f)
  }

  async patientBalance(patientId: number, today?: string): Promise<PatientBalance> {
    return patientBalance(await this.client(), patientId, today)
  }

  async appointmentTreatments(appointmentId: number): Promise<AppointmentTreatment[]> {
    return appointmentTreatments(await this.client(), appointmentId)
  }

  async bill(billId: number, today?: string) {
    return billDetail(await this.client(), billId, today)
  }

  async takings(date: string): Promise<Takings> {
    return takingsOfDay(await this.client(), date)
  }
}
