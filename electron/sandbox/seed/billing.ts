import { addDaysIso } from '../../../shared/dates'
import type { Rng } from '../rng'
import type { Appointment, Bill, CarePlan, CarePlanEntry, Liability, Patient, Transaction } from '../state'
import { accounts, operators, paymentTypes } from './reference'

const treatments: Array<[string, number]> = [
  ['Otturazione composita', 90],
  ['Devitalizzazione molare', 350],
  ['Corona in zirconia', 750],
  ['Impianto osteointegrato', 1200],
  ['Ablazione tartaro', 80],
  ['Estrazione semplice', 120],
  ['Apicectomia mesiale', 450],
  ['Bite notturno', 300],
  ['Apparecchio fisso arcata superiore', 1800],
  ['Sbiancamento', 300],
  ['Intarsio in ceramica', 550],
  ['Levigatura radicolare', 150],
]
const planStates = ['estimate', 'accepted', 'accepted', 'completed', 'discarded'] as const

export interface Billing {
  carePlans: CarePlan[]
  carePlanEntries: CarePlanEntry[]
  bills: Bill[]
  liabilities: Liability[]
  transactions: Transaction[]
}

export function seedBilling(rng: Rng, today: string, patients: Patient[], appointments: Appointment[]): Billing {
  const b: Billing = { carePlans: [], carePlanEntries: [], bills: [], liabilities: [], transactions: [] }
  const byPatient = new Map<number, Appointment[]>()
  for (const a of appointments) if (a.patientId != null) byPatient.set(a.patientId, [...(byPatient.get(a.patientId) ?? []), a])
  const activeOps = operators.filter((o) => !o.deleted)
  let planId = 7001
  let entryId = 13001
  let billId = 52001
  let liabilityId = 88001
  let txId = 44001
  const numbering = { full: 100, partial: 40, credit: 3, proforma: 20 }
  const year = today.slice(0, 4)

  const addBill = (bill: Omit<Bill, 'id' | 'numberIncludingPrefix' | 'createdAt' | 'stamp'>, payShare: number) => {
    const n = ++numbering[bill.type]
    const prefix = bill.type === 'credit' ? 'NC ' : bill.type === 'proforma' ? 'PRO ' : ''
    const stamp = (bill.type === 'full' || bill.type === 'partial') && bill.net > 77.47 ? 2 : 0
    const full: Bill = { ...bill, id: billId++, stamp, numberIncludingPrefix: `${prefix}${year}/${n}`, createdAt: bill.date }
    b.bills.push(full)
    if (bill.type === 'proforma' || bill.type === 'credit') return
    const parts = bill.net > 500 ? rng.int(2, 3) : 1
    const day = bill.date.slice(0, 10)
    for (let i = 0; i < parts; i++) {
      const amount = Math.round(((bill.net + stamp) / parts) * 100) / 100
      const dueDate = addDaysIso(day, i * 30)
      const insurance = rng.chance(0.1)
      const ts = bill.direction === 'outgoing' ? 'nn' : rng.chance(0.85) ? 'sp' : rng.pick(['ad', 'tk', 'as'])
      if (rng.next() < payShare && dueDate <= today) {
        // Paid: the transaction exists and the practice deleted the liability afterwards.
        b.transactions.push({
          id: txId++,
          direction: bill.direction,
          amount,
          date: dueDate,
          billId: full.id,
          accountId: rng.chance(0.4) ? accounts[0]!.id : accounts[1]!.id,
          paymentTypeId: rng.pick(paymentTypes.filter((p) => !p.deleted)).id,
          createdAt: `${dueDate} 12:${String(rng.int(10, 59))}:00`,
          deleted: false,
          verified: rng.chance(0.7),
          relatedToInsurance: insurance,
          sistemaTsExpenseType: ts,
        })
      } else {
        b.liabilities.push({
          id: liabilityId++,
          billId: full.id,
          date: dueDate,
          amount: amount.toFixed(2),
          createdAt: full.createdAt,
          relatedToInsurance: insurance,
          sistemaTsExpenseType: ts,
        })
      }
    }
  }

  for (const p of patients) {
    if (p.deleted || !rng.chance(0.35)) continue
    const plans = rng.chance(0.1) ? 2 : 1
    for (let k = 0; k < plans; k++) {
      const state = rng.pick(planStates)
      const created = addDaysIso(today, -rng.int(5, 400))
      const entries: CarePlanEntry[] = []
      const n = rng.int(1, 4)
      const appts = (byPatient.get(p.id) ?? []).filter((a) => a.state !== 'cancelled')
      for (let e = 0; e < n; e++) {
        const [label, price] = rng.pick(treatments)
        const appt = state !== 'estimate' && state !== 'discarded' ? appts[e] : undefined
        const done = appt?.state === 'done' || state === 'completed'
        if (appt) appt.carePlanId = planId
        entries.push({
          entryId: entryId++,
          carePlanId: planId,
          appointmentId: appt?.id ?? null,
          label,
          price,
          discountedPrice: price,
          createdAt: created,
          done: done ? 'true' : 'false',
          dateDone: done ? (appt?.date.slice(0, 10) ?? created) : null,
          deleted: 'false',
          sequenceNumber: e + 1,
          vatPercentage: 0,
        })
      }
      const price = entries.reduce((s, e) => s + e.price, 0)
      const discount = rng.chance(0.2) ? 0.9 : 1
      const plan: CarePlan = {
        id: planId++,
        patientId: p.id,
        branch: 'dentistry',
        name: `Piano #${k + 1}`,
        state,
        dateAccepted: state === 'accepted' || state === 'completed' ? addDaysIso(created, rng.int(0, 10)) : null,
        operatorId: rng.pick(activeOps).id,
        createdAt: created,
        isSigned: (state === 'accepted' || state === 'completed') && rng.chance(0.7),
        price,
        discountedPrice: Math.round(price * discount),
        carePlanEntriesCount: entries.length,
        deleted: false,
        text: '',
        background: false,
        createdThroughAppointment: false,
        discountPercentage: discount === 1 ? 0 : 10,
        _convenzione: rng.pick(['Nessuna', 'Nessuna', 'UniSalute', 'Fasi', 'Previmedical']),
        _notePiano: '',
      }
      b.carePlans.push(plan)
      b.carePlanEntries.push(...entries)

      const billDate = () =>
        `${addDaysIso(today, -rng.int(0, 60))} ${String(rng.int(9, 18)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00`
      const base = { carePlanId: plan.id, companyId: 1, operatorId: plan.operatorId, patientId: p.id, direction: 'incoming' as const }
      if (state === 'estimate' && rng.chance(0.4)) addBill({ ...base, type: 'proforma', date: billDate(), net: plan.discountedPrice }, 0)
      if (state === 'accepted' && rng.chance(0.6))
        addBill({ ...base, type: 'partial', date: billDate(), net: Math.round(plan.discountedPrice / 2) }, 0.6)
      if (state === 'completed' && rng.chance(0.8)) {
        addBill({ ...base, type: 'full', date: billDate(), net: plan.discountedPrice }, 0.7)
        if (rng.chance(0.08)) addBill({ ...base, type: 'credit', date: billDate(), net: Math.round(plan.discountedPrice * 0.1) }, 0)
      }
    }
  }
  // Supplier invoices (dental lab, materials): outgoing, no patient.
  for (let i = 0; i < 14; i++) {
    addBill(
      {
        carePlanId: null,
        companyId: 2,
        operatorId: null,
        patientId: null,
        direction: 'outgoing',
        type: 'full',
        date: `${addDaysIso(today, -rng.int(0, 75))} 09:00:00`,
        net: rng.int(80, 1500),
      },
      0.5,
    )
  }
  // A deleted transaction: the list must leave it out.
  const t0 = b.transactions[0]
  if (t0) b.transactions.push({ ...t0, id: txId++, deleted: true })
  return b
}
