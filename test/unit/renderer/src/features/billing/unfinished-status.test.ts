import { describe, expect, it } from 'vitest'
import type { PaymentView } from '../../../../../../shared/contract/billing'
import { byUrgency, unfinishedStatus } from '../../../../../../renderer/src/features/billing/unfinished-status'

type Step = PaymentView['steps'][number]
const step = (state: Step['state']): Step => ({
  billId: 1,
  liabilityId: 10,
  liabilityDate: '2026-03-01',
  liabilityCents: 5000,
  amountCents: 5000,
  remainingCents: 0,
  sistemaTsExpenseType: 'sp',
  state,
  txId: null,
})
const payment = (over: Partial<PaymentView> = {}): PaymentView => ({
  key: 'k1',
  billId: 1,
  patientId: null,
  date: '2026-03-11',
  paymentTypeId: 1,
  accountId: 1,
  relatedToInsurance: false,
  totalCents: 5000,
  state: 'pending',
  running: false,
  steps: [step('posting')],
  lastError: null,
  attempts: 1,
  createdAt: '2026-03-11T09:00:00Z',
  updatedAt: '2026-03-11T09:00:00Z',
  ...over,
})
const err = (kind: NonNullable<PaymentView['lastError']>['kind']) => ({ kind, message: 'x', at: '2026-03-11T09:00:01Z' })

describe('the one status phrase of an unfinished payment', () => {
  it('a definite refusal from AlfaDocs reads as refused, not as an outcome to be checked', () => {
    for (const kind of ['invalid', 'not-found', 'conflict'] as const) {
      const s = unfinishedStatus(payment({ state: 'needs-attention', lastError: err(kind) }))
      expect(s).toEqual({ kind: 'refused', error: { kind, message: 'x' } })
    }
  })

  it('stopped on something else is "to look at", with why', () => {
    expect(unfinishedStatus(payment({ state: 'needs-attention', lastError: err('auth') }))).toEqual({
      kind: 'attention',
      error: { kind: 'auth', message: 'x' },
    })
    expect(unfinishedStatus(payment({ state: 'needs-attention' }))).toEqual({ kind: 'attention', error: null })
  })

  it('waiting after a network hiccup says the step it stopped at (the first not settled)', () => {
    const s = unfinishedStatus(payment({ lastError: err('timeout'), steps: [step('settled'), step('tx-created')] }))
    expect(s).toEqual({ kind: 'step', step: 'tx-created', error: { kind: 'timeout', message: 'x' } })
  })

  it('running wins over everything; then a retry that just failed', () => {
    expect(unfinishedStatus(payment({ running: true, state: 'needs-attention', lastError: err('invalid') }))).toEqual({ kind: 'running' })
    const failed = { kind: 'offline' as const, message: 'y' }
    expect(unfinishedStatus(payment({ state: 'needs-attention', lastError: err('invalid') }), failed)).toEqual({
      kind: 'action-failed',
      error: failed,
    })
  })

  it('lists those that need the desk first, then the oldest', () => {
    const a = payment({ key: 'a', createdAt: '2026-03-11T08:00:00Z' })
    const b = payment({ key: 'b', createdAt: '2026-03-11T09:00:00Z', state: 'needs-attention' })
    const c = payment({ key: 'c', createdAt: '2026-03-11T07:00:00Z' })
    expect(byUrgency([a, b, c]).map((p) => p.key)).toEqual(['b', 'c', 'a'])
  })
})
