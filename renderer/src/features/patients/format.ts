import type { Patient } from '../../../../shared/alfadocs/schemas'

/** "Via Roma 1, 40100 Bologna (BO)": a patient's address on one line. */
export const addressText = (p: Patient) =>
  [p.street, [p.postcode, p.city, p.province ? `(${p.province})` : ''].filter(Boolean).join(' ')].filter(Boolean).join(', ')
