import type { Liability, SistemaTsType } from '../../../../shared/alfadocs/schemas'
import { sistemaTsTypes } from '../../../../shared/alfadocs/schemas'
import { AppError } from '../app-error'
import { toCents } from './money'
import type { PaymentStep } from './types'

export interface PlanInput {
  liabilityId: number
  amountCents: number
  sistemaTsExpenseType: SistemaTsType
  /** Pay more than the liability by covering the bill's next liabilities, oldest due first. */
  spread: boolean
}

export const asTsType = (v: string | null | undefined, fallback: SistemaTsType): SistemaTsType =>
  (sistemaTsTypes as readonly string[]).includes(v ?? '') ? (v as SistemaTsType) : fallback

/** A step paying `amountCents` on liability `l`, nothing sent yet. */
export const makeStep = (l: Liability, amountCents: number, ts: SistemaTsType): PaymentStep => ({
  liabilityId: l.id,
  liabilityCents: toCents(l.amount),
  amountCents,
  sistemaTsExpenseType: ts,
  liability: { date: l.date.slice(0, 10), relatedToInsurance: l.relatedToInsurance, sistemaTsExpenseType: l.sistemaTsExpenseType },
  state: 'intent',
})

/**
 * Turns "pay X on liability L" into steps against the bill's current liabilities. A spread payment makes
 * one transaction per liability it covers: each keeps its own liability's Sistema TS type, and each
 * liability is settled by exactly the transaction that paid it.
 */
export function planSteps(input: PlanInput, liabilities: Liability[]): PaymentStep[] {
  const chosen = liabilities.find((l) => l.id === input.liabilityId)
  if (!chosen) {
    throw new AppError('conflict', 'This instalment is no longer open (already paid or removed). Reload the bill.', {
      code: 'instalment-closed',
    })
  }
  if (!Number.isInteger(input.amountCents) || input.amountCents <= 0) {
    throw new AppError('invalid', 'The amount must be greater than zero.', { code: 'amount-not-positive' })
  }
  const chosenCents = toCents(chosen.amount)
  if (input.amountCents <= chosenCents) return [makeStep(chosen, input.amountCents, input.sistemaTsExpenseType)]
  if (!input.spread) {
    throw new AppError('invalid', 'The amount is more than this instalment. Lower it, or choose to cover the next instalments.', {
      code: 'amount-over-instalment',
    })
  }
  const next = liabilities.filter((l) => l.id !== chosen.id).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id))
  const open = [chosen, ...next].reduce((s, l) => s + toCents(l.amount), 0)
  if (input.amountCents > open) {
    throw new AppError('invalid', 'The amount is more than everything still open on this bill.', { code: 'amount-over-bill' })
  }
  const steps = [makeStep(chosen, chosenCents, input.sistemaTsExpenseType)]
  let rest = input.amountCents - chosenCents
  for (const l of next) {
    if (rest <= 0) break
    const pay = Math.min(rest, toCents(l.amount))
    steps.push(makeStep(l, pay, asTsType(l.sistemaTsExpenseType, input.sistemaTsExpenseType)))
    rest -= pay
  }
  return steps
}
