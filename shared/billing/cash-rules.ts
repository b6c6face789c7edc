// Italian cash rules at the desk (pure; used by the renderer to warn before sending and by main to refuse).

/**
 * Cash of €5 000 or more from one payer in one operation is refused (law 197/2022: the limit is €4 999,99).
 * Integer cents.
 */
export const CASH_LIMIT_CENTS = 500_000
/** Refusal code: cash at or over the limit. */
export const CASH_LIMIT_CODE = 'cash-limit'
/** Warning code (main refuses without the desk's confirmation): the same bill already had a cash payment today. */
export const CASH_SPLIT_CODE = 'cash-split'

/** Whether a payment type (by its AlfaDocs name) is cash: "Contante", "Contanti", "Cash". */
export function isCashPaymentType(name: string): boolean {
  return /\b(contant[ei]|cash)\b/i.test(name.normalize('NFKC').trim())
}

/** Whether a payment type is a card (offered first when the practice has one): "Bancomat", "Carta di credito", "POS", "Card". */
export function isCardPaymentType(name: string): boolean {
  return /\b(carta|carte|card|bancomat|pos|debit|credit|visa|mastercard|amex)\b/i.test(name.normalize('NFKC').trim())
}

export interface CashCheckInput {
  /** The payment type is cash (isCashPaymentType). */
  cash: boolean
  /** The whole operation's amount for the one payer, cents (a multi-instalment payment counts whole). */
  amountCents: number
  /** The bills the operation pays on. */
  billIds: readonly number[]
  /** Cash already taken today per bill id (cents), as patientBalance's `cashTodayByBill`. */
  cashTodayByBill: Readonly<Record<string, number>>
}

export interface CashCheck {
  /** Refused: the amount is cash at or over CASH_LIMIT_CENTS. */
  refused: boolean
  /** Warned: one of the bills already had cash today (a split payment of one bill to stay under the limit). */
  splitWarning: boolean
  /** The bills that already had cash today. */
  splitBills: number[]
  /** Cash already taken today on those bills, cents. */
  cashTodayCents: number
}

export function checkCash(input: CashCheckInput): CashCheck {
  if (!input.cash) return { refused: false, splitWarning: false, splitBills: [], cashTodayCents: 0 }
  const splitBills = [...new Set(input.billIds)].filter((id) => (input.cashTodayByBill[String(id)] ?? 0) > 0)
  const cashTodayCents = splitBills.reduce((s, id) => s + (input.cashTodayByBill[String(id)] ?? 0), 0)
  return { refused: input.amountCents >= CASH_LIMIT_CENTS, splitWarning: splitBills.length > 0, splitBills, cashTodayCents }
}
