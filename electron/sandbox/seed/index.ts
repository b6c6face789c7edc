import { createRng } from '../rng'
import type { SandboxState } from '../state'
import { seedAppointments } from './appointments'
import { seedBilling } from './billing'
import { seedDocuments } from './documents'
import { seedPatients } from './patients'
import * as ref from './reference'

const clone = <T>(v: T): T => structuredClone(v)

/** Builds the demo practice. Same seed + same today => identical state. Each part has its own PRNG stream. */
export function buildState(seed: number, today: string): SandboxState {
  const patients = seedPatients(createRng(seed ^ 0x9e3779b9), today)
  const appointments = seedAppointments(createRng(seed ^ 0x85ebca6b), today, patients)
  const billing = seedBilling(createRng(seed ^ 0xc2b2ae35), today, patients, appointments)
  const documents = seedDocuments(createRng(seed ^ 0x27d4eb2f), today, patients)
  return {
    seed,
    today,
    practice: clone(ref.practice),
    chairs: clone(ref.chairs),
    colors: clone(ref.colors),
    operators: clone(ref.operators),
    specialties: clone(ref.specialties),
    bookingReasons: clone(ref.bookingReasons),
    customFields: clone(ref.customFields),
    patients,
    appointments,
    ...billing,
    paymentTypes: clone(ref.paymentTypes),
    accounts: clone(ref.accounts),
    documents,
    folders: clone(ref.folders),
    nextId: 1_000_001,
  }
}
