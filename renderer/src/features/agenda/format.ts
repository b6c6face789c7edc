import type { Patient } from '../../../../shared/alfadocs/schemas'

/** "Rossi Mario": how the front desk reads a name. */
export const patientLabel = (p: Pick<Patient, 'firstName' | 'lastName'>) => `${p.lastName} ${p.firstName}`.trim()

export const phonesOf = (p: Patient) => p.phoneNumbers.map((n) => `${n.prefix} ${n.number}`.trim()).filter(Boolean)

/** The one-click order of states; absent and cancelled come from the menu. */
export const NEXT_STATE: Record<string, 'waiting' | 'in_care' | 'done'> = { confirmed: 'waiting', waiting: 'in_care', in_care: 'done' }
