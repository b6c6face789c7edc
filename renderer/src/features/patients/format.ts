import type { Patient, PhoneNumber } from '../../../../shared/alfadocs/schemas'

/** 1985-12-10 → 10/12/1985 */
export const itDate = (s: string | null | undefined) => (s ? s.slice(0, 10).split('-').reverse().join('/') : '')

export const phoneText = (n: Pick<PhoneNumber, 'prefix' | 'number'>) => `${n.prefix ? n.prefix + ' ' : ''}${n.number}`

export const addressText = (p: Patient) =>
  [p.street, [p.postcode, p.city, p.province ? `(${p.province})` : ''].filter(Boolean).join(' ')].filter(Boolean).join(', ')
