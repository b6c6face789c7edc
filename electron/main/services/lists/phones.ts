import type { Patient } from '../../../../shared/alfadocs/schemas'
import type { ListPatient } from '../../../../shared/contract/lists'

/** A patient as the lists show them: name and phones, each with a dialable tel: number. */
export function listPatient(p: Patient): ListPatient {
  const phones = p.phoneNumbers.flatMap((n) => {
    const digits = n.number.replace(/[^\d+]/g, '')
    if (digits.replace(/\D/g, '').length < 3) return []
    const prefix = n.prefix.replace(/\D/g, '')
    const tel = digits.startsWith('+')
      ? `+${digits.slice(1).replace(/\D/g, '')}`
      : prefix
        ? `+${prefix}${digits.replace(/\D/g, '')}`
        : digits.replace(/\D/g, '')
    const display = [n.prefix.trim(), n.number.trim()].filter(Boolean).join(' ')
    return [{ display, tel, label: n.label ?? null }]
  })
  return { id: p.id, firstName: p.firstName, lastName: p.lastName, phones }
}
