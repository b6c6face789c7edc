import type { CustomField, Patient } from '../../../../shared/alfadocs/schemas'
import type { PatientDraft } from '../../../../shared/contract/patients'
import { birthplaceName } from '../../../../shared/patients/birthplaces'
import { checkFiscalCode, decodeFiscalCode } from '../../../../shared/patients/fiscal-code'
import { checkboxValue } from './format'

// The patient form's fields as the desk types them, and the draft main receives: no Vue here.

export interface PhoneRow {
  key: number
  id?: string
  prefix: string
  number: string
  label: string
  smsEnabled: boolean
}

export interface PatientFields {
  firstName: string
  lastName: string
  gender: '' | 'm' | 'f'
  dateOfBirth: string | null
  placeOfBirth: string
  italianFiscalCode: string
  email: string
  street: string
  city: string
  postcode: string
  province: string
  phones: PhoneRow[]
  custom: Record<string, string | boolean>
}

let phoneKey = 0
const nextKey = () => ++phoneKey

export const emptyFields = (): PatientFields => ({
  firstName: '',
  lastName: '',
  gender: '',
  dateOfBirth: null,
  placeOfBirth: '',
  italianFiscalCode: '',
  email: '',
  street: '',
  city: '',
  postcode: '',
  province: '',
  phones: [],
  custom: {},
})

export const newPhone = (first: boolean): PhoneRow => ({ key: nextKey(), prefix: '+39', number: '', label: '', smsEnabled: first })

/** The fields for a patient (or empty ones), with a value for every custom field defined. */
export function fieldsOf(p: Patient | null, defs: CustomField[]): PatientFields {
  const f = emptyFields()
  const raw = (p ?? {}) as Record<string, unknown>
  for (const d of defs) {
    const v = raw[`_${d.technicalName}`]
    f.custom[d.technicalName] = d.type === 'single_checkbox' ? checkboxValue(v) === true : v == null ? '' : String(v)
  }
  if (!p) return f
  return {
    ...f,
    firstName: p.firstName,
    lastName: p.lastName,
    gender: p.gender === 'm' || p.gender === 'f' ? p.gender : '',
    dateOfBirth: p.dateOfBirth?.slice(0, 10) ?? null,
    placeOfBirth: p.placeOfBirth ?? '',
    italianFiscalCode: p.italianFiscalCode ?? '',
    email: p.email ?? '',
    street: p.street ?? '',
    city: p.city ?? '',
    postcode: p.postcode ?? '',
    province: p.province ?? '',
    phones: p.phoneNumbers.map((n) => ({
      key: nextKey(),
      id: n.id,
      prefix: n.prefix || '+39',
      number: n.number,
      label: n.label ?? '',
      smsEnabled: n.smsEnabled,
    })),
  }
}

/** The fields a valid fiscal code filled. */
export type FilledFromCode = Array<'dateOfBirth' | 'gender' | 'placeOfBirth'>

/**
 * A valid fiscal code fills the birth date, sex and birthplace the desk left empty (never one it typed); the
 * birthplace is the town's name when known, else its cadastral code. Returns what it filled.
 */
export function fillFromFiscalCode(f: PatientFields, today: string): FilledFromCode {
  const facts = decodeFiscalCode(f.italianFiscalCode, today)
  const filled: FilledFromCode = []
  if (!facts) return filled
  if (!f.dateOfBirth) {
    f.dateOfBirth = facts.dateOfBirth
    filled.push('dateOfBirth')
  }
  if (f.gender === '') {
    f.gender = facts.gender
    filled.push('gender')
  }
  if (f.placeOfBirth.trim() === '') {
    f.placeOfBirth = birthplaceName(facts.birthplaceCode)
    filled.push('placeOfBirth')
  }
  return filled
}

/** A code AlfaDocs already holds that is not a valid one (e.g. NON DISPONIBILE) stays as it is unless the desk changes it. */
export const keepsOddFiscalCode = (f: PatientFields) => f.italianFiscalCode.trim() !== '' && !checkFiscalCode(f.italianFiscalCode).ok

export const emailBad = (f: PatientFields) => f.email.trim() !== '' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(f.email.trim())
export const phoneBad = (p: PhoneRow) => !/^\d{5,15}$/.test(p.number.replace(/[\s./()-]/g, ''))
export const prefixBad = (p: PhoneRow) => !/^(\+|00)\d{1,4}$/.test(p.prefix.trim())

export function draftOf(f: PatientFields): PatientDraft {
  return {
    firstName: f.firstName,
    lastName: f.lastName,
    gender: f.gender,
    dateOfBirth: f.dateOfBirth ?? '',
    placeOfBirth: f.placeOfBirth,
    italianFiscalCode: f.italianFiscalCode,
    email: f.email.trim(),
    street: f.street,
    city: f.city,
    postcode: f.postcode,
    province: f.province,
    phoneNumbers: f.phones.map((p) => ({
      ...(p.id ? { id: p.id } : {}),
      prefix: p.prefix.trim(),
      number: p.number,
      label: p.label,
      smsEnabled: p.smsEnabled,
    })),
    customFields: { ...f.custom },
  }
}
