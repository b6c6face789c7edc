// Spreading one amount over several open instalments: each instalment in the given order is paid in full
// before the next; the last one reached may be paid in part. Pure; integer cents, so nothing is lost to rounding.

export interface AllocTarget {
  billId: number
  liabilityId: number
  /** What is still open on it, cents. */
  amount: number
}

export interface AllocStep {
  billId: number
  liabilityId: number
  /** The instalment's open amount before this payment. */
  openCents: number
  /** What this payment puts on it (> 0). */
  amountCents: number
  /** What stays open on it afterwards (0 = closed: the receipt says "saldo", otherwise "acconto"). */
  remainingCents: number
}

export interface Allocation {
  steps: AllocStep[]
  /** The part of the amount no listed instalment takes (more than they owe): > 0 means the amount is too high. */
  leftoverCents: number
  /** Everything the listed instalments owe. */
  openCents: number
}

/**
 * Allocates `amountCents` over `targets` in their order (pass patientBalance's list: oldest due first).
 * Instalments with nothing open are skipped; a non-positive or non-integer amount allocates nothing.
 */
export function allocate(amountCents: number, targets: readonly AllocTarget[]): Allocation {
  const steps: AllocStep[] = []
  const openCents = targets.reduce((s, t) => s + Math.max(0, t.amount), 0)
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) return { steps, leftoverCents: 0, openCents }
  let rest = amountCents
  for (const t of targets) {
    if (rest <= 0) break
    if (t.amount <= 0) continue
    const pay = Math.min(rest, t.amount)
    steps.push({ billId: t.billId, liabilityId: t.liabilityId, openCents: t.amount, amountCents: pay, remainingCents: t.amount - pay })
    rest -= pay
  }
  return { steps, leftoverCents: rest, openCents }
}
