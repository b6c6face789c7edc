import { billTypes, directions, sistemaTsTypes } from '../../../shared/alfadocs/schemas'
import { addDaysIso } from '../../../shared/dates'
import type { Liability, Transaction } from '../state'
import {
  asObject,
  badRequest,
  optBool,
  optEnum,
  optString,
  queryDay,
  queryEnum,
  queryInt,
  refId,
  reqAmount,
  reqDate,
  reqEnum,
} from '../validate'
import { checkRange } from './appointments'
import { find, nextId, nowWall, param, type Ctx, type Handlers } from './context'
import { isIsoDate } from '../../../shared/dates'

/** Bills and transactions: default the last 31 calendar days, at most 31 days. */
function window31(ctx: Ctx): [string, string] {
  const qs = queryDay(ctx.query, 'dateStart')
  const qe = queryDay(ctx.query, 'dateEnd')
  const end = qe ?? (qs ? addDaysIso(qs, 30) : ctx.state.today)
  const start = qs ?? addDaysIso(end, -30)
  checkRange(start, end, 31)
  return [start, end]
}

function findLiability(ctx: Ctx): Liability {
  const bill = find(ctx.state.bills, param(ctx, 'billId'), 'Bill')
  return find(ctx.state.liabilities, param(ctx, 'liabilityId'), 'Liability', (l) => l.billId === bill.id)
}

export const billingHandlers: Handlers = {
  billsList: (ctx) => {
    const [start, end] = window31(ctx)
    const type = queryEnum(ctx.query, 'type', billTypes)
    const direction = queryEnum(ctx.query, 'direction', directions)
    const carePlanId = queryInt(ctx.query, 'carePlanId')
    return ctx.state.bills.filter((b) => {
      const day = b.date.slice(0, 10)
      return (
        day >= start &&
        day <= end &&
        (!type || b.type === type) &&
        (!direction || b.direction === direction) &&
        (carePlanId === undefined || b.carePlanId === carePlanId)
      )
    })
  },
  billGet: (ctx) => find(ctx.state.bills, param(ctx, 'billId'), 'Bill'),
  billPaymentLinkValidate: (ctx) => {
    const bill = find(ctx.state.bills, param(ctx, 'billId'), 'Bill')
    const open = ctx.state.liabilities.some((l) => l.billId === bill.id)
    return { isValid: (bill.type === 'full' || bill.type === 'partial') && open }
  },
  liabilitiesList: (ctx) => {
    const bill = find(ctx.state.bills, param(ctx, 'billId'), 'Bill')
    return ctx.state.liabilities.filter((l) => l.billId === bill.id)
  },
  liabilityUpdate: (ctx) => {
    const l = findLiability(ctx)
    const b = asObject(ctx.body)
    const amount = reqAmount(b, 'amount')
    const date = optString(b, 'date')
    if (date !== undefined && !isIsoDate(date)) throw badRequest('"date" must be a date (Y-m-d)')
    const insurance = optBool(b, 'relatedToInsurance')
    const ts = optEnum(b, 'sistemaTsExpenseType', sistemaTsTypes)
    l.amount = amount.toFixed(2)
    if (date !== undefined) l.date = date
    if (insurance !== undefined) l.relatedToInsurance = insurance
    if (ts) l.sistemaTsExpenseType = ts
    return l
  },
  liabilityDelete: (ctx) => {
    const l = findLiability(ctx)
    ctx.state.liabilities.splice(ctx.state.liabilities.indexOf(l), 1)
  },
  transactionsList: (ctx) => {
    const [start, end] = window31(ctx)
    const direction = queryEnum(ctx.query, 'direction', directions)
    const billId = queryInt(ctx.query, 'billId')
    return ctx.state.transactions.filter(
      (t) =>
        !t.deleted &&
        t.date >= start &&
        t.date <= end &&
        (!direction || t.direction === direction) &&
        (billId === undefined || t.billId === billId),
    )
  },
  transactionCreate: (ctx) => {
    const { state } = ctx
    const b = asObject(ctx.body)
    const amount = reqAmount(b, 'amount')
    const date = reqDate(b, 'date')
    const direction = reqEnum(b, 'direction', directions)
    const accountId = refId(
      b,
      'accountId',
      state.accounts.filter((a) => !a.deleted),
      true,
    )!
    const paymentTypeId = refId(
      b,
      'paymentTypeId',
      state.paymentTypes.filter((p) => !p.deleted),
      true,
    )!
    const sistemaTsExpenseType = reqEnum(b, 'sistemaTsExpenseType', sistemaTsTypes)
    const billId = refId(b, 'billId', state.bills, false) ?? null
    const t: Transaction = {
      id: nextId(state),
      direction,
      amount,
      date,
      billId,
      accountId,
      paymentTypeId,
      createdAt: nowWall(),
      deleted: false,
      verified: false,
      relatedToInsurance: optBool(b, 'relatedToInsurance') ?? false,
      sistemaTsExpenseType,
    }
    state.transactions.push(t)
    return t
  },
  carePlanGet: (ctx) => {
    const plan = find(ctx.state.carePlans, param(ctx, 'carePlanId'), 'Care plan')
    const billIds = new Set(ctx.state.bills.filter((b) => b.carePlanId === plan.id).map((b) => b.id))
    const liabilities = ctx.state.liabilities
      .filter((l) => billIds.has(l.billId))
      .map((l) => ({ date: l.date, amount: Number(l.amount), isDue: l.date <= ctx.state.today, isDone: false }))
    return { ...plan, liabilities }
  },
  carePlanSignatureStatus: (ctx) => ({ isSigned: find(ctx.state.carePlans, param(ctx, 'carePlanId'), 'Care plan').isSigned }),
}
