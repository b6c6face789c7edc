import type { MultiPaymentRequest, PaymentRequest, PaymentView, UnfinishedPayments } from '../../../../shared/contract/billing'
import { allocate } from '../../../../shared/billing/allocation'
import { CASH_LIMIT_CENTS, CASH_LIMIT_CODE, CASH_SPLIT_CODE, checkCash, isCashPaymentType } from '../../../../shared/billing/cash-rules'
import type { ErrorKind } from '../../../../shared/contract/core'
import type { Bill, Liability, Me, Transaction } from '../../../../shared/alfadocs/schemas'
import { addDaysIso } from '../../../../shared/dates'
import type { AlfaDocsClient } from '../../alfadocs/client'
import { AppError } from '../app-error'
import type { Fs } from '../../storage/fs-layer'
import { forgetBillLiabilities } from './list-liabilities'
import { PaymentJournal } from './journal'
import { toCents, toEuros } from './money'
import { asTsType, makeStep, planSteps } from './plan'
import { isFinished, stepBillId, totalCents, type PaymentEntry, type PaymentError, type PaymentStep } from './types'
import { toErrorData } from '../../ipc/error-data'

/** What the payment service needs of the API client (the real AlfaDocsClient fits). */
export type PaymentClient = Pick<AlfaDocsClient, 'request' | 'me'>

/** The practice a journal entry belongs to. */
export type PracticeRef = Pick<Me, 'practiceId' | 'archiveId'>

/** Test-only pause points (the crash test kills the process there). */
export interface PaymentHooks {
  /** The transaction POST answered, its id is not yet in the journal. */
  afterTxPosted?(entry: PaymentEntry, step: PaymentStep): Promise<void> | void
  /** The transaction is in the journal, the liability is not settled yet. */
  afterTxRecorded?(entry: PaymentEntry, step: PaymentStep): Promise<void> | void
  /** The step is settled and so recorded; the next step (of a spread or multi-instalment payment) has not started. */
  afterSettled?(entry: PaymentEntry, step: PaymentStep): Promise<void> | void
}

export interface PaymentServiceOptions {
  dataDir: string
  client: () => Promise<PaymentClient>
  /** Tries per call before a transient failure leaves the payment pending (with Retry). Default 3. */
  attempts?: number
  /** Pause between tries, times the try number. Default 1000 ms. */
  retryDelayMs?: number
  /** Pause before looking for a transaction whose POST outcome is unknown, so a slow write lands first. Default 1500 ms. */
  reconcileDelayMs?: number
  hooks?: PaymentHooks
  now?: () => Date
  /**
   * The practice the desk is connected to (works offline); only its entries are listed, resumed, retried
   * or discarded: another practice's payments stay in the journal, unseen, until it is connected again.
   * Default: the client's GET /me.
   */
  practice?: () => Promise<PracticeRef>
  /** The file operations of the journal (tests inject a full or read-only disk). */
  fs?: Fs
  /** Whether AlfaDocs is known to be unreachable right now: a payment is then refused at once, never queued. */
  offline?: () => boolean
}

/** A payment refused because the journal could not be written: nothing of it was recorded or sent. */
export const PAYMENT_NOT_RECORDED = 'journal-write-failed'
/** The journal could not be written after part of the payment was sent: it stays unfinished, as last written. */
export const PAYMENT_LEFT_UNFINISHED = 'journal-write-failed-unfinished'

/** Errors a plain retry can fix; the rest stop the payment for the user to look at. */
const TRANSIENT: ReadonlySet<ErrorKind> = new Set(['offline', 'timeout', 'server', 'rate-limited', 'not-connected'])

const sleep = (ms: number) => (ms > 0 ? new Promise<void>((ok) => setTimeout(ok, ms)) : Promise.resolve())

/**
 * Records a payment against bill liabilities exactly once. The API makes it two requests (create a
 * transaction, then delete or reduce the liability) with nothing atomic between them, so each step is
 * written to a durable journal before and after it happens; an unknown outcome is resolved by looking at
 * AlfaDocs (the bill's transactions, the bill's liabilities) before doing anything again.
 */
export class PaymentService {
  readonly journal: PaymentJournal
  private readonly running = new Map<string, Promise<PaymentView>>()
  /** Liabilities a call is working on right now (persisted unfinished entries lock them too). */
  private readonly locks = new Map<number, string>()
  private readonly attempts: number
  private readonly retryDelayMs: number
  private readonly reconcileDelayMs: number
  private resumeStarted = false

  constructor(private readonly opts: PaymentServiceOptions) {
    this.journal = new PaymentJournal(opts.dataDir, { ...(opts.now ? { now: opts.now } : {}), ...(opts.fs ? { fs: opts.fs } : {}) })
    this.attempts = Math.max(1, opts.attempts ?? 3)
    this.retryDelayMs = opts.retryDelayMs ?? 1000
    this.reconcileDelayMs = opts.reconcileDelayMs ?? 1500
  }

  /** Confirm: the same key twice (a double click) gives the same payment, never a second one. */
  record(req: PaymentRequest): Promise<PaymentView> {
    if (this.opts.offline?.()) return Promise.reject(offlineRefusal())
    return this.exclusive(req.key, () => this.start(req))
  }

  /**
   * One amount over several instalments of one payer, across bills, in the order given: one journal entry
   * whose steps are single-payment steps (a transaction on the step's bill, then its liability settled).
   * Everything is checked before the first write; the entry is written whole before the first POST, so a
   * crash anywhere resumes the remaining steps (resumeAll / retry), each step still exactly once.
   */
  recordMany(req: MultiPaymentRequest): Promise<PaymentView> {
    if (this.opts.offline?.()) return Promise.reject(offlineRefusal())
    return this.exclusive(req.key, () => this.startMany(req))
  }

  async retry(key: string): Promise<PaymentView> {
    await this.mustGet(key) // another practice's payment is not found, even while an earlier resume of it runs
    return this.exclusive(key, async () => {
      const entry = await this.mustGet(key)
      if (isFinished(entry)) return this.view(entry)
      this.lockAll(entry)
      entry.state = 'pending'
      return this.run(entry)
    })
  }

  async get(key: string): Promise<PaymentView> {
    return this.view(await this.mustGet(key), this.running.has(key))
  }

  /** The connected practice's pending and needing-attention payments, newest first, and what the desk must know about the journal. */
  async unfinished(): Promise<UnfinishedPayments> {
    const mine = await this.ofPractice()
    const payments = mine
      .filter((e) => !isFinished(e))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map((e) => this.view(e, this.running.has(e.key)))
    return { payments, notices: await this.journal.notices() }
  }

  /** Resumes every pending payment of the connected practice, one after another (start-up). */
  async resumeAll(): Promise<PaymentView[]> {
    const out: PaymentView[] = []
    for (const e of await this.ofPractice()) {
      if (e.state !== 'pending') continue
      out.push(await this.retry(e.key).catch(async () => this.view((await this.journal.get(e.key)) ?? e)))
    }
    return out
  }

  /** resumeAll once per service lifetime, in the background (failures stay visible in the journal). */
  resumeOnce(): void {
    if (this.resumeStarted) return
    // Not a practice of its own: it resumes with whichever practice is connected when it runs.
    this.resumeStarted = true
    this.resumeAll().catch(() => {
      this.resumeStarted = false // not connected yet, say: try again on the next call
    })
  }

  /** The desk disconnected or changed practice: the next resumeOnce runs again, for the new practice. */
  sessionChanged(): void {
    this.resumeStarted = false
  }

  /**
   * Gives up a payment whose transaction does not exist. A POST with an unknown outcome is checked first:
   * if AlfaDocs has the transaction, the payment cannot be discarded (retry finishes it).
   */
  async discard(key: string): Promise<PaymentView> {
    await this.mustGet(key)
    return this.exclusive(key, async () => {
      const entry = await this.mustGet(key)
      if (isFinished(entry)) return this.view(entry)
      const client = await this.opts.client()
      for (const step of entry.steps) {
        if (step.state === 'posting') {
          const txId = await this.reconcile(client, entry, step)
          if (txId !== null) {
            step.txId = txId
            step.state = 'tx-created'
            await this.journal.put(entry)
          }
        }
        if (step.state === 'tx-created') {
          throw new AppError('conflict', 'A transaction for this payment already exists in AlfaDocs: use Retry to finish it.', {
            code: 'payment-has-transaction',
          })
        }
      }
      entry.state = 'discarded'
      await this.journal.put(entry)
      return this.view(entry)
    })
  }

  // ---------------------------------------------------------------------------------------------

  /** One call per key at a time; the liability locks are released when it ends. */
  private exclusive(key: string, fn: () => Promise<PaymentView>): Promise<PaymentView> {
    const busy = this.running.get(key)
    if (busy) return busy
    const p = fn().finally(() => {
      this.running.delete(key)
      for (const [lid, k] of this.locks) if (k === key) this.locks.delete(lid)
    })
    this.running.set(key, p)
    return p
  }

  /** The same key again: a finished payment is answered as it is, an unfinished one resumed. */
  private resumeExisting(existing: PaymentEntry): Promise<PaymentView> {
    if (isFinished(existing)) return Promise.resolve(this.view(existing))
    this.lockAll(existing)
    existing.state = 'pending'
    return this.run(existing)
  }

  private async start(req: PaymentRequest): Promise<PaymentView> {
    // Synchronous part first: a second confirm on the same liability (another window) is refused before any await.
    this.lock(req.liabilityId, req.key)
    const existing = await this.journal.get(req.key)
    if (existing) return this.resumeExisting(existing)
    await this.checkPersistedLocks([req.liabilityId], req.key)

    const client = await this.opts.client()
    const me = await client.me()
    const [liabilities, cash] = await Promise.all([
      client.request('liabilitiesList', { params: { billId: req.billId } }),
      this.checkReference(client, req),
    ])
    checkCashLimit(req.amountCents, cash)
    const steps = planSteps(req, liabilities)
    await this.checkCashRules(client, req, cash, [req.billId])
    for (const s of steps) this.lock(s.liabilityId, req.key)
    await this.checkPersistedLocks(
      steps.map((s) => s.liabilityId),
      req.key,
    )
    const entry = newEntry(req, me, req.billId, steps)
    // Nothing is written yet: the first write is the step's 'posting', right before its POST. Nothing was
    // sent before it, so if that write fails the payment is refused whole, with nothing left to resume.
    return this.run(entry)
  }

  private async startMany(req: MultiPaymentRequest): Promise<PaymentView> {
    const ids = req.instalments.map((i) => i.liabilityId)
    if (new Set(ids).size !== ids.length) {
      throw new AppError('invalid', 'The same instalment is listed twice.', { code: 'instalment-repeated' })
    }
    for (const id of ids) this.lock(id, req.key)
    const existing = await this.journal.get(req.key)
    if (existing) return this.resumeExisting(existing)
    await this.checkPersistedLocks(ids, req.key)

    const client = await this.opts.client()
    const me = await client.me()
    const billIds = [...new Set(req.instalments.map((i) => i.billId))]
    const [cash, bills, liabilityLists] = await Promise.all([
      this.checkReference(client, req),
      Promise.all(billIds.map((billId) => client.request('billGet', { params: { billId } }))),
      Promise.all(billIds.map((billId) => client.request('liabilitiesList', { params: { billId } }))),
    ])
    checkCashLimit(req.amountCents, cash)
    await this.checkPayer(client, req.patientId, bills)
    const liabilities = new Map<number, Liability>()
    billIds.forEach((billId, i) => {
      for (const l of liabilityLists[i] ?? []) liabilities.set(l.id, { ...l, billId })
    })
    const targets = req.instalments.map((i) => {
      const l = liabilities.get(i.liabilityId)
      if (!l || l.billId !== i.billId) {
        throw new AppError('conflict', 'One of the instalments is no longer open (already paid or removed). Reload the balance.', {
          code: 'instalment-closed',
        })
      }
      return { billId: i.billId, liabilityId: l.id, amount: toCents(l.amount), liability: l }
    })
    const plan = allocate(req.amountCents, targets)
    if (plan.leftoverCents > 0) {
      throw new AppError('invalid', 'The amount is more than the chosen instalments still owe.', { code: 'amount-over-open' })
    }
    const steps = plan.steps.map((a): PaymentStep => {
      const l = liabilities.get(a.liabilityId)!
      return { ...makeStep(l, a.amountCents, asTsType(l.sistemaTsExpenseType, req.sistemaTsExpenseType)), billId: a.billId }
    })
    await this.checkCashRules(client, req, cash, [...new Set(steps.map((s) => s.billId!))])
    const entry = newEntry(req, me, steps[0]!.billId!, steps, req.patientId)
    // As for one payment: the first write is the first step's 'posting' (with every step in it, the one intent).
    return this.run(entry)
  }

  /** The payment type and account must be in use; answers whether the type is cash, and which types are. */
  private async checkReference(client: PaymentClient, req: { paymentTypeId: number; accountId: number }): Promise<CashInfo> {
    const [paymentTypes, accounts] = await Promise.all([client.request('paymentTypesList'), client.request('accountsList')])
    const type = paymentTypes.find((p) => p.id === req.paymentTypeId && !p.deleted)
    if (!type) throw new AppError('invalid', 'Choose a payment type that is in use in AlfaDocs.', { code: 'payment-type-unused' })
    if (!accounts.some((a) => a.id === req.accountId && !a.deleted)) {
      throw new AppError('invalid', 'Choose an account that is in use in AlfaDocs.', { code: 'account-unused' })
    }
    const cashTypes = new Set(paymentTypes.filter((p) => isCashPaymentType(p.name)).map((p) => p.id))
    return { cash: cashTypes.has(type.id), cashTypes }
  }

  /**
   * Cash of CASH_LIMIT_CENTS or more in one operation is refused; cash on a bill that already had cash on the
   * payment's day is refused until the desk confirms it was warned (a split payment to stay under the limit).
   */
  private async checkCashRules(
    client: PaymentClient,
    req: { amountCents: number; date: string; cashSplitConfirmed?: boolean | undefined },
    { cash, cashTypes }: CashInfo,
    billIds: number[],
  ): Promise<void> {
    if (!cash) return
    checkCashLimit(req.amountCents, { cash })
    if (req.cashSplitConfirmed) return
    const today = await client.request('transactionsList', { query: { direction: 'incoming', dateStart: req.date, dateEnd: req.date } })
    const cashTodayByBill: Record<string, number> = {}
    for (const t of today) {
      if (t.deleted || t.billId == null || t.paymentTypeId == null || !cashTypes.has(t.paymentTypeId) || t.date.slice(0, 10) !== req.date)
        continue
      cashTodayByBill[String(t.billId)] = (cashTodayByBill[String(t.billId)] ?? 0) + toCents(t.amount)
    }
    const c = checkCash({ cash, amountCents: req.amountCents, billIds, cashTodayByBill })
    if (c.splitWarning) {
      // No `detail`: the desk words the refusal from its code (the amounts are on its screen already).
      throw new AppError(
        'conflict',
        `Bill ${c.splitBills.join(', ')} already had ${(c.cashTodayCents / 100).toFixed(2)} EUR in cash today: confirm to take more cash on it.`,
        { code: CASH_SPLIT_CODE },
      )
    }
  }

  /** Every bill must be the payer's: naming the patient, or one of the patient's care plans. */
  private async checkPayer(client: PaymentClient, patientId: number, bills: Bill[]): Promise<void> {
    const unnamed = bills.filter((b) => b.patientId !== patientId)
    if (unnamed.length === 0) return
    const plans = new Set((await client.request('patientCarePlansList', { params: { patientId } })).map((p) => p.id))
    if (unnamed.some((b) => (b.patientId != null && b.patientId !== patientId) || b.carePlanId == null || !plans.has(b.carePlanId))) {
      throw new AppError('invalid', "One of the instalments is not on this patient's bills.", { code: 'instalment-not-patients' })
    }
  }

  private lock(liabilityId: number, key: string): void {
    const holder = this.locks.get(liabilityId)
    if (holder !== undefined && holder !== key) {
      throw new AppError('conflict', 'A payment on this instalment is already in progress.', { code: 'payment-in-progress' })
    }
    this.locks.set(liabilityId, key)
  }

  private lockAll(entry: PaymentEntry): void {
    for (const s of entry.steps) if (s.state !== 'settled') this.lock(s.liabilityId, entry.key)
  }

  private async checkPersistedLocks(liabilityIds: number[], key: string): Promise<void> {
    const ids = new Set(liabilityIds)
    for (const e of await this.ofPractice()) {
      if (e.key === key || isFinished(e)) continue
      if (e.steps.some((s) => s.state !== 'settled' && ids.has(s.liabilityId))) {
        throw new AppError('conflict', 'A payment on this instalment is not finished yet: finish it (Retry) or discard it first.', {
          code: 'instalment-locked',
        })
      }
    }
  }

  private async mustGet(key: string): Promise<PaymentEntry> {
    const e = await this.journal.get(key)
    if (!e || !samePractice(e, await this.practice()))
      throw new AppError('not-found', 'No payment with this key.', { code: 'payment-not-found' })
    return e
  }

  private practice(): Promise<PracticeRef> {
    return this.opts.practice ? this.opts.practice() : this.opts.client().then((c) => c.me())
  }

  /** The journal's entries of the connected practice. */
  private async ofPractice(): Promise<PaymentEntry[]> {
    const [all, p] = await Promise.all([this.journal.all(), this.practice()])
    return all.filter((e) => samePractice(e, p))
  }

  /**
   * The journal refused a write: nothing after the last written state counts. With nothing written the
   * payment does not exist (every POST is preceded by a written 'posting'); otherwise it stays unfinished.
   */
  private async storageFailure(key: string, e: AppError): Promise<AppError> {
    const saved = await this.journal.get(key)
    const init = { ...(e.detail !== undefined ? { detail: e.detail } : {}), cause: e }
    return saved
      ? new AppError('storage', `The payment journal could not be written; the payment stays unfinished as last recorded: ${e.message}`, {
          ...init,
          code: PAYMENT_LEFT_UNFINISHED,
        })
      : new AppError('storage', `The payment journal could not be written; nothing was recorded or sent: ${e.message}`, {
          ...init,
          code: PAYMENT_NOT_RECORDED,
        })
  }

  /** Drives the entry to done, retrying transient failures a few times; the outcome is in the journal. */
  private async run(entry: PaymentEntry): Promise<PaymentView> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.advance(entry)
        entry.state = 'done'
        delete entry.lastError
        await this.journal.put(entry)
        return this.view(entry)
      } catch (e) {
        // The entry in hand may be ahead of the journal: never write it after a refused write.
        if (isStorage(e)) throw await this.storageFailure(entry.key, e)
        entry.attempts++
        entry.lastError = toPaymentError(e)
        const transient = TRANSIENT.has(entry.lastError.kind)
        entry.state = transient ? 'pending' : 'needs-attention'
        try {
          await this.journal.put(entry)
        } catch (we) {
          if (isStorage(we)) throw await this.storageFailure(entry.key, we)
          throw we
        }
        if (!transient || attempt >= this.attempts) return this.view(entry)
        await sleep(this.retryDelayMs * attempt)
      }
    }
  }

  private async advance(entry: PaymentEntry): Promise<void> {
    const client = await this.opts.client()
    const me = await client.me()
    if (!samePractice(entry, me)) {
      // The desk changed practice under a running payment: it waits, pending, for its own practice.
      throw new AppError('not-connected', 'This payment belongs to another practice: connect to it to finish the payment.', {
        code: 'payment-other-practice',
      })
    }
    for (const step of entry.steps) {
      if (step.state === 'intent' || step.state === 'posting') await this.createTransaction(client, entry, step)
      if (step.state === 'tx-created') await this.settleLiability(client, entry, step)
    }
  }

  private async createTransaction(client: PaymentClient, entry: PaymentEntry, step: PaymentStep): Promise<void> {
    if (step.state === 'posting') {
      // An earlier POST may have been applied with its answer lost: look before creating again.
      const found = await this.reconcile(client, entry, step)
      if (found !== null) {
        await this.recordTx(entry, step, found)
        return
      }
    } else if (step.preexistingTxIds === undefined) {
      step.preexistingTxIds = (await this.candidates(client, entry, step)).map((t) => t.id)
    }
    step.state = 'posting'
    await this.journal.put(entry) // durable before the request leaves: a crash from here on means "look first"
    const tx = await client.request('transactionCreate', {
      body: {
        amount: toEuros(step.amountCents),
        date: entry.date,
        direction: entry.direction,
        billId: stepBillId(entry, step),
        accountId: entry.accountId,
        paymentTypeId: entry.paymentTypeId,
        relatedToInsurance: entry.relatedToInsurance,
        sistemaTsExpenseType: step.sistemaTsExpenseType,
      },
    })
    await this.opts.hooks?.afterTxPosted?.(entry, step)
    await this.recordTx(entry, step, tx.id)
  }

  private async recordTx(entry: PaymentEntry, step: PaymentStep, txId: number): Promise<void> {
    step.txId = txId
    step.state = 'tx-created'
    await this.journal.put(entry)
    await this.opts.hooks?.afterTxRecorded?.(entry, step)
  }

  /** The bill's transactions that look like this step (amount, date, payment type, account, Sistema TS type). */
  private async candidates(client: PaymentClient, entry: PaymentEntry, step: PaymentStep): Promise<Transaction[]> {
    const billId = stepBillId(entry, step)
    const list = await client.request('transactionsList', {
      query: {
        billId,
        direction: entry.direction,
        dateStart: addDaysIso(entry.date, -1),
        dateEnd: addDaysIso(entry.date, 1),
      },
    })
    return list.filter(
      (t) =>
        !t.deleted &&
        t.billId === billId &&
        toCents(t.amount) === step.amountCents &&
        t.date.slice(0, 10) === entry.date &&
        t.paymentTypeId === entry.paymentTypeId &&
        t.accountId === entry.accountId &&
        (!t.sistemaTsExpenseType || t.sistemaTsExpenseType === step.sistemaTsExpenseType),
    )
  }

  /**
   * The transaction an earlier POST of this step created, if AlfaDocs has it: a candidate that existed
   * neither before the first POST nor in any other journal entry (or another step of this one).
   */
  private async reconcile(client: PaymentClient, entry: PaymentEntry, step: PaymentStep): Promise<number | null> {
    await sleep(this.reconcileDelayMs)
    const found = await this.candidates(client, entry, step)
    const claimed = new Set<number>(step.preexistingTxIds ?? [])
    for (const e of await this.journal.all()) {
      if (!samePractice(e, entry)) continue // another practice's ids say nothing about this one's transactions
      for (const s of e.steps) {
        if (s.txId !== undefined && !(e.key === entry.key && s.liabilityId === step.liabilityId)) claimed.add(s.txId)
      }
    }
    for (const s of entry.steps) if (s !== step && s.txId !== undefined) claimed.add(s.txId)
    const mine = found.filter((t) => !claimed.has(t.id)).sort((a, b) => a.id - b.id)
    return mine[0]?.id ?? null
  }

  private async settleLiability(client: PaymentClient, entry: PaymentEntry, step: PaymentStep): Promise<void> {
    const remaining = step.liabilityCents - step.amountCents
    const params = { billId: stepBillId(entry, step), liabilityId: step.liabilityId }
    try {
      if (remaining <= 0) {
        await client.request('liabilityDelete', { params })
      } else {
        await client.request('liabilityUpdate', {
          params,
          body: {
            amount: toEuros(remaining),
            date: step.liability.date,
            relatedToInsurance: step.liability.relatedToInsurance,
            ...(step.liability.sistemaTsExpenseType ? { sistemaTsExpenseType: step.liability.sistemaTsExpenseType } : {}),
          },
        })
      }
    } catch (e) {
      // The answer may be lost, or an earlier try already did it: AlfaDocs' liabilities decide.
      if (!isSettled(await client.request('liabilitiesList', { params: { billId: params.billId } }), step.liabilityId, remaining)) throw e
    }
    step.state = 'settled'
    forgetBillLiabilities(params.billId)
    await this.journal.put(entry)
    await this.opts.hooks?.afterSettled?.(entry, step)
  }

  private view(e: PaymentEntry, running = false): PaymentView {
    return {
      key: e.key,
      billId: e.billId,
      patientId: e.patientId ?? null,
      date: e.date,
      paymentTypeId: e.paymentTypeId,
      accountId: e.accountId,
      relatedToInsurance: e.relatedToInsurance,
      totalCents: totalCents(e),
      state: e.state,
      running,
      steps: e.steps.map((s) => ({
        billId: stepBillId(e, s),
        liabilityId: s.liabilityId,
        liabilityDate: s.liability.date,
        liabilityCents: s.liabilityCents,
        amountCents: s.amountCents,
        remainingCents: Math.max(0, s.liabilityCents - s.amountCents),
        sistemaTsExpenseType: s.sistemaTsExpenseType,
        state: s.state,
        txId: s.txId ?? null,
      })),
      lastError: e.lastError ?? null,
      attempts: e.attempts,
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
    }
  }
}

interface CashInfo {
  cash: boolean
  cashTypes: ReadonlySet<number>
}

/** Cash of CASH_LIMIT_CENTS or more from one payer in one operation is refused (law 197/2022), before anything is sent. */
function checkCashLimit(amountCents: number, { cash }: Pick<CashInfo, 'cash'>): void {
  if (cash && amountCents >= CASH_LIMIT_CENTS) {
    throw new AppError(
      'invalid',
      `Cash of ${CASH_LIMIT_CENTS / 100} euros or more from one payer in one operation is not allowed (law 197/2022).`,
      {
        code: CASH_LIMIT_CODE,
      },
    )
  }
}

function offlineRefusal(): AppError {
  const why = 'AlfaDocs cannot be reached: payments are never queued, record it when the network is back.'
  return new AppError('offline', why, { code: 'payment-offline' })
}

/** Deleted (gone), or reduced to exactly what should remain. A liability someone else removed is not "unpaid" either. */
function isSettled(liabilities: Liability[], liabilityId: number, remainingCents: number): boolean {
  const l = liabilities.find((x) => x.id === liabilityId)
  if (!l) return true
  return remainingCents > 0 && toCents(l.amount) === remainingCents
}

const isStorage = (e: unknown): e is AppError => e instanceof AppError && e.kind === 'storage'

function samePractice(e: PracticeRef, me: PracticeRef): boolean {
  return e.practiceId === me.practiceId && e.archiveId === me.archiveId
}

/** The door's one exception mapper: a payment shows later exactly what a failed call would have answered. */
function toPaymentError(e: unknown): PaymentError {
  const { kind, message } = toErrorData(e, 'a payment')
  return { kind, message, at: new Date().toISOString() }
}

/** A payment's journal entry before anything is written: one bill's, or several bills' (then with the payer). */
function newEntry(
  req: Pick<PaymentEntry, 'key' | 'date' | 'paymentTypeId' | 'accountId' | 'relatedToInsurance'>,
  me: { practiceId: number; archiveId: number },
  billId: number,
  steps: PaymentEntry['steps'],
  patientId?: number,
): PaymentEntry {
  const now = new Date().toISOString()
  return {
    key: req.key,
    practiceId: me.practiceId,
    archiveId: me.archiveId,
    billId,
    ...(patientId !== undefined ? { patientId } : {}),
    date: req.date,
    direction: 'incoming',
    paymentTypeId: req.paymentTypeId,
    accountId: req.accountId,
    relatedToInsurance: req.relatedToInsurance,
    steps,
    state: 'pending',
    attempts: 0,
    createdAt: now,
    updatedAt: now,
  }
}
