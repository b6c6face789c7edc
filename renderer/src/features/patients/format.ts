import type { Patient } from '../../../../shared/alfadocs/schemas'

/** "Via Roma 1, 40100 Bologna (BO)": a patient's address on one line. */
export const addressText = (p: Patient) =>
  [p.street, [p.postcode, p.city, p.province ? `(${p.province})` : ''].filter(Boolean).join(' ')].filter(Boolean).join(', ')

/**
 * A checkbox custom field as AlfaDocs spells it: true, 'true', 1, '1' are yes; false, 'false', 0, '0' and '' are
 * no; null when it holds nothing (never set) or a spelling that is neither.
 */
export function checkboxValue(v: unknown): boolean | null {
  if (v === true || v === 1) return true
  if (v === false || v === 0) return false
  if (typeof v !== 'string') return null
  const s = v.trim().toLowerCase()
  if (s === 'true' || s === '1') return true
  if (s === 'false' || s === '0' || s === '') return false
  return null
}
