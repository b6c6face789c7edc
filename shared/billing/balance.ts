import type { BillStatus, BillSummary, OpenInstalment } from '../contract/billing'

// What a bill and a patient owe, from AlfaDocs' own records: the bill's open liabilities (instalments)
// and its transactions. Pure; amounts in integer cents.

export interface BillFigures {
  /** AlfaDocs' bill type: 'full' | 'partial' | 'credit' | 'proforma'. */
  type: string
  /** net + stamp. */
  totalCents: number
  /** The bill's transactions of its own direction, not deleted. */
  paidCents: number
  /** The bill's open liabilities: amount and due date (YYYY-MM-DD, or a date-time: the day counts). */
  open: ReadonlyArray<{ amountCents: number; date: string }>
  /** The practice-local day (YYYY-MM-DD): an instalment due before it is overdue. */
  today: string
}

const day = (d: string) => d.slice(0, 10)

/** The status rules of shared/contract/billing.ts billStatuses. */
export function billStatus(f: BillFigures): BillStatus {
  const remaining = f.open.reduce((s, l) => s + Math.max(0, l.amountCents), 0)
  if (f.type === 'credit' || f.paidCents > f.totalCents) return 'credit'
  if (remaining > 0) {
    if (f.open.some((l) => l.amountCents > 0 && day(l.date) < f.today)) return 'overdue'
    return f.paidCents > 0 ? 'partial' : 'due'
  }
  if (f.type === 'proforma' && f.paidCents === 0 && f.totalCents > 0) return 'due'
  return 'paid'
}

export function billSummary(f: BillFigures, patient: { patientId: number | null; patientName: string | null }): BillSummary {
  let remaining = 0
  let overdue = 0
  let nextDueDate: string | null = null
  for (const l of f.open) {
    if (l.amountCents <= 0) continue
    remaining += l.amountCents
    const d = day(l.date)
    if (d < f.today) overdue += l.amountCents
    if (nextDueDate === null || d < nextDueDate) nextDueDate = d
  }
  return {
    patientId: patient.patientId,
    patientName: patient.patientName,
    total: f.totalCents,
    paid: f.paidCents,
    remaining,
    overdue,
    nextDueDate,
    status: billStatus(f),
  }
}

/** Oldest due first, then the older bill, then the lower bill id, then the lower liability id: one fixed order. */
export function compareInstalments(a: OpenInstalment, b: OpenInstalment): number {
  return cmp(day(a.date), day(b.date)) || cmp(day(a.billDate), day(b.billDate)) || a.billId - b.billId || a.liabilityId - b.liabilityId
}
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** A patient's open balance over the given open instalments: the total, what is overdue, and the instalments oldest due first. */
export function patientOpenBalance(instalments: readonly OpenInstalment[]): {
  open: number
  overdue: number
  instalments: OpenInstalment[]
} {
  const list = instalments.filter((i) => i.amount > 0).sort(compareInstalments)
  return {
    open: list.reduce((s, i) => s + i.amount, 0),
    overdue: list.reduce((s, i) => s + (i.overdue ? i.amount : 0), 0),
    instalments: list,
  }
}
