import type { Liability, PaymentType } from '../../../../shared/alfadocs/schemas'
import type { OpenInstalment } from '../../../../shared/contract/billing'
import { isCardPaymentType, isCashPaymentType } from '../../../../shared/billing/cash-rules'
import { toCents } from '../../lib/format'

/**
 * What the payment dialog pays: one instalment of a bill (the bill's page; more than it covers the bill's next
 * ones when the desk asks), or one amount over a patient's open instalments across bills (checkout).
 */
export type PayTarget =
  | { kind: 'bill'; billId: number; liability: Liability; liabilities: Liability[] }
  | { kind: 'patient'; patientId: number; instalments: OpenInstalment[] }

/** The payment types in use, cards first (a traceable payment keeps the patient's tax deduction), then the practice's order. */
export function orderedPaymentTypes(types: readonly PaymentType[]): PaymentType[] {
  const active = types.filter((p) => !p.deleted)
  return [...active.filter((p) => isCardPaymentType(p.name)), ...active.filter((p) => !isCardPaymentType(p.name))]
}

/** Cash already taken on each bill on `today`, from the bill's transactions (the bill page; checkout has patientBalance's). */
export function cashTodayOf(
  billId: number,
  transactions: ReadonlyArray<{ date: string; amount: number; paymentTypeId?: number | null; deleted?: boolean | null }>,
  types: readonly PaymentType[],
  today: string,
): Record<string, number> {
  const cash = new Set(types.filter((p) => isCashPaymentType(p.name)).map((p) => p.id))
  const cents = transactions
    .filter((x) => !x.deleted && x.date.slice(0, 10) === today && x.paymentTypeId != null && cash.has(x.paymentTypeId))
    .reduce((s, x) => s + toCents(x.amount), 0)
  return cents > 0 ? { [String(billId)]: cents } : {}
}
