import type { ErrorData } from '../../../../shared/contract/core'
import type { PaymentView } from '../../../../shared/contract/billing'

// The one phrase the unfinished-payments banner says about a payment: what it is waiting for, or why it stopped.

/** AlfaDocs answered and said no: the payment was refused, nothing is left to find out by asking again. */
const REFUSALS: ReadonlySet<ErrorData['kind']> = new Set(['invalid', 'not-found', 'conflict'])

export type UnfinishedStatus =
  /** A call is working on it now. */
  | { kind: 'running' }
  /** The desk's Retry (or Discard) just failed: that is the news. */
  | { kind: 'action-failed'; error: ErrorData }
  /** AlfaDocs refused it (a definite answer): refused, not "to be checked". */
  | { kind: 'refused'; error: ErrorData }
  /** Stopped on something else that is not passing (access denied, an answer Sportello does not understand…). */
  | { kind: 'attention'; error: ErrorData | null }
  /** Waiting to be finished, at this step; `error` is why the last try did not finish it (a network hiccup). */
  | { kind: 'step'; step: PaymentView['steps'][number]['state']; error: ErrorData | null }

const asError = (e: PaymentView['lastError']): ErrorData | null => (e ? { kind: e.kind, message: e.message } : null)

export function unfinishedStatus(p: PaymentView, actionError: ErrorData | null = null): UnfinishedStatus {
  if (p.running) return { kind: 'running' }
  if (actionError) return { kind: 'action-failed', error: actionError }
  const last = asError(p.lastError)
  if (p.state === 'needs-attention')
    return last && REFUSALS.has(last.kind) ? { kind: 'refused', error: last } : { kind: 'attention', error: last }
  const step = p.steps.find((x) => x.state !== 'settled') ?? p.steps[0]
  return { kind: 'step', step: step?.state ?? 'intent', error: last }
}

/** Rows that need the desk before anything else (refused, stopped, a failed retry) come first; then the oldest. */
export function byUrgency(list: readonly PaymentView[]): PaymentView[] {
  const urgent = (p: PaymentView) => (p.state === 'needs-attention' ? 0 : 1)
  return [...list].sort((a, b) => urgent(a) - urgent(b) || a.createdAt.localeCompare(b.createdAt))
}
