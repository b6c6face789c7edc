import type { Patient, PhoneNumber } from '../../../../shared/alfadocs/schemas'
import { isKnownState } from '../../lib/format'

/** 1985-12-10 → 10/12/1985 */
export const itDate = (s: string | null | undefined) => (s ? s.slice(0, 10).split('-').reverse().join('/') : '')

export const phoneText = (n: Pick<PhoneNumber, 'prefix' | 'number'>) => `${n.prefix ? n.prefix + ' ' : ''}${n.number}`

export const addressText = (p: Patient) =>
  [p.street, [p.postcode, p.city, p.province ? `(${p.province})` : ''].filter(Boolean).join(' ')].filter(Boolean).join(', ')

interface Translator {
  t: (key: string) => string
  te: (key: string) => boolean
}

/** An appointment's state in the UI language (the app's `state.*` words, as in the agenda); an unknown one as AlfaDocs sent it. */
export const appointmentStateLabel = (state: string, { t, te }: Translator) =>
  isKnownState(state) && te(`state.${state}`) ? t(`state.${state}`) : state
