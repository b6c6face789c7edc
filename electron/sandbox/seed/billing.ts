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

  // As in AlfaDocs' reference (bills list `carePlanId`, not `patientId`): every fifth patient bill names
  // its patient only through its care plan. Decided by id, not by the PRNG, so nothing else of the seed moves.
  for (const bill of b.bills) if (bill.carePlanId != null && bill.id % 5 === 0) bill.patientId = null

  const ids = { planId, entryId, billId, liabilityId, txId }
  seedCheckoutDemo(b, today, appointments, ids, (bill) => {
    const n = ++numbering[bill.type]
    return `${year}/${n}`
  })
  return b
}

/** The checkout demo's fixed ids and amounts (tests find the patient through CHECKOUT_DEMO.appointment). */
export const CHECKOUT_DEMO = {
  planName: 'Piano cassa (demo)',
  treatments: [
    ['Impianto osteointegrato', 1200, true],
    ['Corona in zirconia', 750, false],
  ] as Array<[string, number, boolean]>,
}

/**
 * A patient for checkout at the desk, fixed (no PRNG): today's first done appointment without a care plan
 * (else today's first one that is not cancelled) gets a care plan with two entries of that appointment, and
 * the patient two incoming bills with open instalments: bill A names the patient (€6 002: €2 000 paid,
 * €2 001 overdue, €2 001 due in 20 days); bill B names only the care plan (€300: €150 due today, €150 in 30
 * days). Open balance €4 302, of which €2 001 overdue.
 */
function seedCheckoutDemo(
  b: Billing,
  today: string,
  appointments: Appointment[],
  ids: { planId: number; entryId: number; billId: number; liabilityId: number; txId: number },
  number: (bill: Pick<Bill, 'type'>) => string,
): void {
  const todays = appointments.filter((a) => a.date.slice(0, 10) === today && a.patientId != null && a.carePlanId == null)
  const appt = todays.find((a) => a.state === 'done') ?? todays.find((a) => a.state !== 'cancelled')
  if (!appt || appt.patientId == null) return
  const patientId = appt.patientId
  const planId = ids.planId + 500
  appt.carePlanId = planId
  const operatorId = appt.operatorId ?? operators[0]!.id
  const entries: CarePlanEntry[] = CHECKOUT_DEMO.treatments.map(([label, price, done], i) => ({
    entryId: ids.entryId + 500 + i,
    carePlanId: planId,
    appointmentId: appt.id,
    label,
    price,
    discountedPrice: price,
    createdAt: addDaysIso(today, -80),
    done: done ? 'true' : 'false',
    dateDone: done ? today : null,
    deleted: 'false',
    sequenceNumber: i + 1,
    vatPercentage: 0,
  }))
  const price = entries.reduce((s, e) => s + e.price, 0)
  b.carePlans.push({
    id: planId,
    patientId,
    branch: 'dentistry',
    name: CHECKOUT_DEMO.planName,
    state: 'accepted',
    dateAccepted: addDaysIso(today, -75),
    operatorId,
    createdAt: addDaysIso(today, -80),
    isSigned: true,
    price,
    discountedPrice: price,
    carePlanEntriesCount: entries.length,
    deleted: false,
    text: '',
    background: false,
    createdThroughAppointment: false,
    discountPercentage: 0,
    _convenzione: 'Nessuna',
    _notePiano: '',
  })
  b.carePlanEntries.push(...entries)
  const bill = (id: number, type: Bill['type'], date: string, net: number, named: boolean): Bill => {
    const full: Bill = {
      id,
      carePlanId: planId,
      companyId: 1,
      operatorId,
      patientId: named ? patientId : null,
      type,
      direction: 'incoming',
      date: `${date} 10:30:00`,
      net,
      stamp: 2,
      numberIncludingPrefix: '',
      createdAt: `${date} 10:30:00`,
    }
    full.numberIncludingPrefix = number(full)
    return full
  }
  const billA = bill(ids.billId + 500, 'full', addDaysIso(today, -70), 6000, true)
  const billB = bill(ids.billId + 501, 'partial', addDaysIso(today, -20), 298, false)
  b.bills.push(billA, billB)
  const liab = (id: number, billId: number, date: string, amount: number): Liability => ({
    id,
    billId,
    date,
    amount: amount.toFixed(2),
    createdAt: `${addDaysIso(today, -70)} 10:30:00`,
    relatedToInsurance: false,
    sistemaTsExpenseType: 'sp',
  })
  b.liabilities.push(
    liab(ids.liabilityId + 500, billA.id, addDaysIso(today, -10), 2001),
    liab(ids.liabilityId + 501, billA.id, addDaysIso(today, 20), 2001),
    liab(ids.liabilityId + 502, billB.id, today, 150),
    liab(ids.liabilityId + 503, billB.id, addDaysIso(today, 30), 150),
  )
  const paidOn = addDaysIso(today, -40)
  b.transactions.push({
    id: ids.txId + 500,
    direction: 'incoming',
    amount: 2000,
    date: paidOn,
    billId: billA.id,
    accountId: accounts[1]!.id,
    paymentTypeId: paymentTypes.find((p) => p.name === 'Bancomat')!.id,
    createdAt: `${paidOn} 11:00:00`,
    deleted: false,
    verified: true,
    relatedToInsurance: false,
    sistemaTsExpenseType: 'sp',
  })
}
