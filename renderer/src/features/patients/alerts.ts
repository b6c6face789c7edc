import type { CustomField, Patient } from '../../../../shared/alfadocs/schemas'

// The patient custom fields the practice chose as alerts (allergies, anticoagulants, notes): what the desk
// must see before the patient sits down. AlfaDocs spells a checkbox's yes and no several ways.

const YES = new Set(['true', '1', 'yes', 'si', 'sì', 'on'])
const NO = new Set(['false', '0', 'no', 'off', ''])

/** A checkbox value in any of AlfaDocs' spellings: true/false, or null when it is not a yes or a no. */
export function checkboxValue(v: unknown): boolean | null {
  if (v === true || v === 1) return true
  if (v === false || v === 0 || v == null) return false
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase()
    if (YES.has(s)) return true
    if (NO.has(s)) return false
  }
  return null
}

export interface PatientAlert {
  field: string
  /** the field's label (its technical name while the definitions are not known) */
  label: string
  /** what the field holds; null for a ticked checkbox (the label says it all) */
  text: string | null
}

const isCheckbox = (d: CustomField | undefined) => d?.type === 'single_checkbox'

/** One field's alert, or null when it holds nothing (an unticked checkbox, an empty text). */
export function alertOf(field: string, raw: unknown, def?: CustomField): PatientAlert | null {
  const label = def?.label || field
  if (Array.isArray(raw)) {
    const text = raw
      .map((x) => String(x ?? '').trim())
      .filter(Boolean)
      .join(', ')
    return text ? { field, label, text } : null
  }
  // A checkbox, or a value spelled like one (a boolean, 0/1; or a yes/no string while the field's type is unknown).
  const yesNo = checkboxValue(raw)
  if (isCheckbox(def) || typeof raw !== 'string' || (!def && yesNo !== null)) {
    if (yesNo === false) return null
    if (yesNo === true) return { field, label, text: null }
  }
  const text = typeof raw === 'string' ? raw.trim() : raw == null ? '' : String(raw)
  return text ? { field, label, text } : null
}

/** The patient's alerts, in the order the practice chose the fields. */
export function patientAlerts(p: Patient | null | undefined, fields: readonly string[], defs: readonly CustomField[] = []): PatientAlert[] {
  if (!p || fields.length === 0) return []
  const raw = p as Record<string, unknown>
  return fields.flatMap((f) => {
    const a = alertOf(
      f,
      raw[`_${f}`],
      defs.find((d) => d.technicalName === f),
    )
    return a ? [a] : []
  })
}

/** "Allergie: Penicillina · Anticoagulanti" */
export const alertsText = (list: readonly PatientAlert[]): string =>
  list.map((a) => (a.text ? `${a.label}: ${a.text}` : a.label)).join(' · ')
