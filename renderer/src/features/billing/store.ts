import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { Account, Bill, Operator, Patient, PaymentType } from '../../../../shared/alfadocs/schemas'
import type { ChannelInput, ChannelOutput, ErrorData } from '../../../../shared/contract'
import type {
  AppointmentTreatment,
  DayClose,
  MultiPaymentRequest,
  PatientBalance,
  PaymentRequest,
  PaymentView,
  Takings,
  UnfinishedPayments,
} from '../../../../shared/contract/billing'
import { todayIn, type IsoDate } from '../../../../shared/dates'
import { call, toApiError } from '../../api'
import { db } from '../../cache/db'
import { storeCached } from '../../cache/reads'
import { createRead } from '../../data/read'
import { useConnectivityStore } from '../session/connectivity-store'

export type BillsQuery = ChannelInput<'billsList'>
export type BillsList = ChannelOutput<'billsList'>
export type BillDetail = ChannelOutput<'billDetail'>
/** The name parts of a patient, as a bill or a receipt shows them. */
export type PatientNames = Pick<Patient, 'id' | 'firstName' | 'lastName'>

/** One bill as its screen shows it: the detail and, if it has one, its patient. */
export interface BillPage extends BillDetail {
  patient: PatientNames | null
}

/** The payer as the courtesy receipt names them: name and fiscal code. */
export type ReceiptPatient = PatientNames & Pick<Patient, 'italianFiscalCode'>

/** A courtesy receipt: the payment, its bills' numbers and its patient, all present before it can be printed. */
export interface Receipt {
  payment: PaymentView
  /** The first step's bill number (the payment's `billId`). */
  billNumber: string | null
  /** Every step's bill number by bill id (a checkout payment may span bills); null when AlfaDocs gives none. */
  billNumbers: Record<number, string | null>
  patient: ReceiptPatient | null
}

/** The appointment a checkout is for: its treatments are asked by appointment and patient. */
export interface TreatmentsQuery {
  appointmentId: number
  patientId: number
}

/** Payment types and accounts (billing), operators (the practice's reference): once per session. */
export interface BillingReference {
  paymentTypes: PaymentType[]
  accounts: Account[]
  operators: Operator[]
}

/** A bill known only from a list seen (its detail never opened here): what the list said, and when. */
export interface BillSeen {
  bill: Bill
  syncedAt: number
}

/** The bills lists kept in the reads cache: the billing screen's (`billing:bills:…`) and a patient's tab (`patient:…:bills`). */
async function billInCachedLists(billId: number): Promise<BillSeen | null> {
  let best: BillSeen | null = null
  // By key range: the rows of other reads (a document's bytes) are never read for this.
  const [screens, patients] = await Promise.all([
    db.reads.where('key').startsWith('billing:bills:').toArray(),
    db.reads
      .where('key')
      .startsWith('patient:')
      .filter((r) => r.key.endsWith(':bills'))
      .toArray(),
  ])
  for (const r of [...screens, ...patients]) {
    const v = r.value as BillsList | Bill[] | null
    const list = Array.isArray(v) ? v : (v?.bills ?? [])
    const b = list.find((x) => x.id === billId)
    if (b && (!best || r.syncedAt > best.syncedAt)) best = { bill: b, syncedAt: r.syncedAt }
  }
  return best
}

/** The billing screen's default: the last 31 days (today included), as BillsView asks for it. */
export const DEFAULT_BILL_DAYS = 31

/** How often the unfinished payments are looked at again while there are any (main resumes them meanwhile). */
export const UNFINISHED_POLL_MS = 4000

const keyPart = (q: BillsQuery) =>
  [q.from, q.to, q.type ?? '', q.direction ?? '', q.carePlanId ?? '', q.patientId ?? '', q.status ?? ''].join('|')

async function patientOf(id: number | null | undefined): Promise<ReceiptPatient | null> {
  if (!id) return null
  // A name that cannot be looked up leaves the bill readable: it is shown without it.
  const [p] = await call('patientsByIds', { ids: [id] }).catch(() => [])
  return p ? { id: p.id, firstName: p.firstName, lastName: p.lastName, italianFiscalCode: p.italianFiscalCode } : null
}

/**
 * The billing feature's data path. Every screen reads its data from here (loading | fresh | cached | offline |
 * error, kept by key in the reads cache) and changes it through the actions; errors are kept as data and worded
 * by the views with describeError.
 */
export const useBillingStore = defineStore('billing', () => {
  const connectivity = useConnectivityStore()
  const reference = createRead<void, BillingReference>({
    fetch: async () => {
      const [billing, practice] = await Promise.all([call('billingReference', {}), call('referenceData', {})])
      return { paymentTypes: billing.paymentTypes, accounts: billing.accounts, operators: practice.operators }
    },
    cacheKey: () => 'billing:reference',
  })
  const bills = createRead<BillsQuery, BillsList>({
    fetch: (q) => call('billsList', q),
    cacheKey: (q) => `billing:bills:${keyPart(q)}`,
  })
  const bill = createRead<number, BillPage>({
    fetch: async (billId) => {
      // Overdue counts from the desk's practice day (main's clock may not be the practice's day).
      const d = await call('billDetail', { billId, today: todayIn() })
      return { ...d, patient: await patientOf(d.bill.patientId) }
    },
    cacheKey: (billId) => `billing:bill:${billId}`,
  })
  const takings = createRead<IsoDate, Takings>({
    fetch: (date) => call('takingsDay', { date }),
    cacheKey: (date) => `billing:takings:${date}`,
  })
  const receipt = createRead<string, Receipt>({
    fetch: async (key) => {
      const payment = await call('paymentGet', { key })
      const billIds = [...new Set([payment.billId, ...payment.steps.map((s) => s.billId)])]
      const details = await Promise.all(billIds.map((billId) => call('billDetail', { billId }).catch(() => null)))
      const billNumbers = Object.fromEntries(billIds.map((id, i) => [id, details[i]?.bill.numberIncludingPrefix ?? null]))
      // The payer: a checkout payment names its patient; a payment on one bill has the bill's (its own or its care plan's).
      const patient = await patientOf(payment.patientId ?? details[0]?.bill.patientId)
      return { payment, billNumber: billNumbers[payment.billId] ?? null, billNumbers, patient }
    },
    cacheKey: (key) => `billing:receipt:${key}`,
  })
  /** A patient's open balance (the header of the patient page, the checkout panel). */
  const balance = createRead<number, PatientBalance>({
    fetch: (patientId) => call('patientBalance', { patientId, today: todayIn() }),
    cacheKey: (patientId) => `billing:balance:${patientId}`,
  })
  /** An appointment's care-plan treatments (the checkout panel). */
  const treatments = createRead<TreatmentsQuery, AppointmentTreatment[]>({
    fetch: (q) => call('appointmentTreatments', q),
    cacheKey: (q) => `billing:treatments:${q.appointmentId}`,
  })
  /** A day's close (chiusura di cassa): live takings and what was counted, kept by main on this computer. */
  const dayClose = createRead<IsoDate, DayClose>({
    fetch: (date) => call('dayCloseGet', { date }),
    cacheKey: (date) => `billing:day-close:${date}`,
  })
  const savingDayClose = ref(false)
  const dayCloseError = shallowRef<ErrorData | null>(null)
  /** Saves the counted cash (cents) of a day; true once main has it on disk (the view then shows main's answer). */
  async function saveDayClose(date: IsoDate, countedCash: number, note: string): Promise<boolean> {
    if (savingDayClose.value) return false
    savingDayClose.value = true
    dayCloseError.value = null
    const mine = epoch
    try {
      const v = await call('dayCloseSave', { date, countedCash, ...(note.trim() ? { note: note.trim() } : {}) })
      if (mine !== epoch) return false
      if (dayClose.state.value.value?.date === date) dayClose.patch(() => v)
      await storeCached(`billing:day-close:${date}`, v, Date.now()).catch(() => undefined)
      return true
    } catch (e) {
      if (mine === epoch) dayCloseError.value = toApiError(e).toData()
      return false
    } finally {
      if (mine === epoch) savingDayClose.value = false
    }
  }
  /** The bill asked for last as a cached list showed it (looked up beside its detail), null if none did. */
  const listed = shallowRef<BillSeen | null>(null)
  let billAsked: number | null = null
  /**
   * The bill on screen as a list showed it, when its own detail is not known (offline, never opened): once
   * the detail could not be had, or at once while AlfaDocs is known to be unreachable — main may then hold the
   * detail's request for long behind the retries of every other request, and what the list said is here.
   */
  const billSeen = computed<BillSeen | null>(() => {
    const l = listed.value
    const s = bill.state.value
    if (!l || s.value !== null) return null
    if (s.status === 'loading' && connectivity.online) return null
    return l
  })
  async function loadBill(billId: number): Promise<void> {
    billAsked = billId
    if (listed.value?.bill.id !== billId) listed.value = null
    const mine = epoch
    const lookup = billInCachedLists(billId)
      .catch(() => null)
      .then((seen) => {
        if (mine === epoch && billAsked === billId) listed.value = seen
      })
    await Promise.all([bill.load(billId), lookup])
  }

  /**
   * Fills the cache with a bills list as the billing screen would ask for it, without touching what is on
   * screen (the morning prefetch). Returns false when main could not answer.
   */
  async function prefetch<T>(key: string, ask: () => Promise<T>): Promise<boolean> {
    const mine = epoch
    try {
      const v = await ask()
      if (mine === epoch) await storeCached(key, v, Date.now())
      return true
    } catch {
      return false
    }
  }
  const prefetchBills = (q: BillsQuery) => prefetch(`billing:bills:${keyPart(q)}`, () => call('billsList', q))
  /** The same for a day's takings. */
  const prefetchTakings = (date: IsoDate) => prefetch(`billing:takings:${date}`, () => call('takingsDay', { date }))

  /** The payment journal's unfinished payments (main's own disk: nothing to cache). */
  const unfinishedRead = createRead<void, UnfinishedPayments>({ fetch: () => call('paymentsUnfinished', {}) })

  const unfinished = computed(() => unfinishedRead.state.value.value?.payments ?? [])
  /** What main says about the journal itself (a damaged file set aside), as error data. */
  const journalNotices = computed(() => unfinishedRead.state.value.value?.notices ?? [])
  /** Liabilities a payment is still working on: they cannot be paid again until it finishes. */
  const lockedLiabilities = computed(
    () => new Set(unfinished.value.flatMap((p) => p.steps.filter((s) => s.state !== 'settled').map((s) => s.liabilityId))),
  )
  /** Bill numbers ("2026/109") of unfinished payments' bills, for the banner; null until known. */
  const billNumbers = ref<Record<number, string | null>>({})
  const asking = new Set<number>()

  /** The payment being recorded (its idempotency key) and why the last recording failed. */
  const recording = ref<string | null>(null)
  const recordError = shallowRef<ErrorData | null>(null)
  /** A Retry or Discard working on a payment (its key), and the last one's refusal for that payment. */
  const acting = ref<string | null>(null)
  const actionError = shallowRef<{ key: string; error: ErrorData } | null>(null)

  let referenceLoading: Promise<void> | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  /** Bumped by reset: answers and timers of before are ignored. */
  let epoch = 0

  /** Asks once per session (again after a failure or on `force`). */
  function loadReference(force = false): Promise<void> {
    if (!force && reference.state.value.status === 'fresh') return Promise.resolve()
    referenceLoading ??= reference.load().finally(() => (referenceLoading = null))
    return referenceLoading
  }

  function stopPolling(): void {
    if (timer) clearTimeout(timer)
    timer = null
  }

  async function refreshUnfinished(): Promise<void> {
    stopPolling()
    const mine = epoch
    await unfinishedRead.load()
    if (mine !== epoch) return
    void fillBillNumbers()
    // While something is unfinished (main resumes it in the background), look again now and then.
    if (unfinished.value.length > 0 && !timer) timer = setTimeout(() => void refreshUnfinished(), UNFINISHED_POLL_MS)
  }

  async function fillBillNumbers(): Promise<void> {
    const mine = epoch
    const missing = [...new Set(unfinished.value.map((p) => p.billId))].filter((id) => !(id in billNumbers.value) && !asking.has(id))
    for (const id of missing) {
      asking.add(id)
      try {
        const d = await call('billDetail', { billId: id })
        if (mine === epoch) billNumbers.value = { ...billNumbers.value, [id]: d.bill.numberIncludingPrefix ?? null }
      } catch {
        // AlfaDocs may be why the payment is unfinished: the banner names the bill by its id meanwhile.
      } finally {
        asking.delete(id)
      }
    }
  }

  /** After a payment changed: the unfinished list, and the bill if it is the one on screen. */
  async function afterPayment(v: PaymentView | null): Promise<void> {
    await refreshUnfinished()
    const billIds = new Set(v ? [v.billId, ...v.steps.map((s) => s.billId)] : [])
    const shown = bill.state.value.value?.bill.id
    await Promise.all([
      shown !== undefined && billIds.has(shown) ? bill.refresh() : null,
      // The balance on screen (patient header, checkout) owes less now.
      v && balance.state.value.value ? balance.refresh() : null,
    ])
  }

  /** Records a payment once per key; null if main refused (`recordError` says why). */
  const record = (req: PaymentRequest) => send(req, () => call('paymentRecord', req))
  /** One amount over several of a patient's instalments across bills (checkout); null if main refused. */
  const recordMany = (req: MultiPaymentRequest) => send(req, () => call('paymentsRecordMany', req))

  async function send(req: { key: string }, ask: () => Promise<PaymentView>): Promise<PaymentView | null> {
    if (recording.value !== null) return null
    recording.value = req.key
    recordError.value = null
    const mine = epoch
    try {
      const v = await ask()
      if (mine === epoch) {
        // Done: the receipt follows at once. Not done: the bill must show the transaction and the locked liability.
        const after = afterPayment(v)
        if (v.state !== 'done') await after
      }
      return v
    } catch (e) {
      if (mine === epoch) recordError.value = toApiError(e).toData()
      return null
    } finally {
      if (mine === epoch) recording.value = null
    }
  }

  function clearRecordError(): void {
    recordError.value = null
  }

  async function act(key: string, what: 'paymentRetry' | 'paymentDiscard'): Promise<PaymentView | null> {
    if (acting.value) return null
    acting.value = key
    actionError.value = null
    const mine = epoch
    let v: PaymentView | null = null
    try {
      v = await call(what, { key })
      return v
    } catch (e) {
      if (mine === epoch) actionError.value = { key, error: toApiError(e).toData() }
      return null
    } finally {
      if (mine === epoch) {
        acting.value = null
        await afterPayment(v ?? unfinished.value.find((p) => p.key === key) ?? null)
      }
    }
  }

  /** Finishes an unfinished payment; null if it could not (`actionError` says why). */
  const retry = (key: string) => act(key, 'paymentRetry')
  /** Gives up a payment that has no transaction yet; null if refused (`actionError` says why). */
  const discard = (key: string) => act(key, 'paymentDiscard')

  const refValue = computed(() => reference.state.value.value)
  const paymentTypeName = (id: number | null | undefined) =>
    refValue.value?.paymentTypes.find((p) => p.id === id)?.name ?? (id ? `#${id}` : '—')
  const accountName = (id: number | null | undefined) => refValue.value?.accounts.find((a) => a.id === id)?.name ?? (id ? `#${id}` : '—')
  const operatorName = (id: number | null | undefined) => (id ? (refValue.value?.operators.find((o) => o.id === id)?.name ?? null) : null)
  const paymentTypes = computed(() => refValue.value?.paymentTypes ?? [])
  const accounts = computed(() => refValue.value?.accounts ?? [])

  /** Forget everything of this practice (disconnect): reads, numbers, errors, the polling timer. */
  function reset(): void {
    epoch++
    stopPolling()
    for (const r of [reference, bills, bill, takings, receipt, unfinishedRead, balance, treatments, dayClose]) r.reset()
    savingDayClose.value = false
    dayCloseError.value = null
    listed.value = null
    billAsked = null
    billNumbers.value = {}
    asking.clear()
    referenceLoading = null
    recording.value = null
    recordError.value = null
    acting.value = null
    actionError.value = null
  }

  return {
    reference: reference.state,
    bills: bills.state,
    bill: bill.state,
    takings: takings.state,
    receipt: receipt.state,
    balance: balance.state,
    treatments: treatments.state,
    dayClose: dayClose.state,
    savingDayClose,
    dayCloseError,
    unfinishedState: unfinishedRead.state,
    unfinished,
    journalNotices,
    lockedLiabilities,
    billNumbers,
    recording,
    recordError,
    acting,
    actionError,
    paymentTypes,
    accounts,
    loadReference,
    loadBills: (q: BillsQuery) => bills.load(q),
    refreshBills: () => bills.refresh(),
    billSeen,
    loadBill,
    prefetchBills,
    prefetchTakings,
    refreshBill: () => bill.refresh(),
    loadTakings: (date: IsoDate) => takings.load(date),
    refreshTakings: () => takings.refresh(),
    loadReceipt: (key: string) => receipt.load(key),
    refreshReceipt: () => receipt.refresh(),
    refreshUnfinished,
    record,
    recordMany,
    clearRecordError,
    loadBalance: (patientId: number) => balance.load(patientId),
    refreshBalance: () => balance.refresh(),
    loadTreatments: (q: TreatmentsQuery) => treatments.load(q),
    loadDayClose: (date: IsoDate) => dayClose.load(date),
    refreshDayClose: () => dayClose.refresh(),
    saveDayClose,
    retry,
    discard,
    paymentTypeName,
    accountName,
    operatorName,
    reset,
    /** Whether the polling timer is armed (for tests and the shell's status). */
    polling: () => timer !== null,
  }
})
