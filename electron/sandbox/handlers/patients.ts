import { isIsoDate } from '../../../shared/dates'
import type { Patient, PhoneNumber, SandboxState } from '../state'
import { asObject, badRequest, notFound, optBool, optEnum, optString, queryInt, reqString, type Body } from '../validate'
import { find, nextId, nowWall, param, type Ctx, type Handlers } from './context'

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
const prefixDigits = (p: string) => p.replace(/\D/g, '').replace(/^00/, '')

const scalarFields = [
  'email',
  'street',
  'city',
  'postcode',
  'province',
  'placeOfBirth',
  'italianFiscalCode',
  'job',
  'yearlyNumberingYear',
  'yearlyNumberingNumber',
  'defaultDiscount',
  'sourceId',
  'priceListId',
] as const
const boolFields = ['emailEnabled', 'emailReminderPossible', 'smsReminderPossible', 'documentSignatureEmailPossible'] as const

/** Deleted patients answer with reduced data, like the real API. */
function view(p: Patient): Patient {
  return p.deleted ? { id: p.id, firstName: p.firstName, lastName: p.lastName, phoneNumbers: [], deleted: true } : p
}

function readPhone(state: SandboxState, raw: unknown, id?: string): PhoneNumber {
  const b = asObject(raw)
  const prefix = reqString(b, 'prefix').trim()
  const number = reqString(b, 'number').replace(/[\s./-]/g, '')
  if (!/^(\+|00)?\d{1,4}$/.test(prefix)) throw badRequest('"prefix" must look like +39')
  if (!/^\d{5,15}$/.test(number)) throw badRequest('"number" must be 5 to 15 digits')
  return {
    id: id ?? String(nextId(state)),
    prefix,
    number,
    label: optString(b, 'label') ?? '',
    smsEnabled: optBool(b, 'smsEnabled') ?? false,
  }
}

/** Validates a create/update body and applies it to `p` (only the fields sent, except the names). */
function applyPatient(state: SandboxState, p: Patient, b: Body): void {
  const firstName = reqString(b, 'firstName').trim()
  const lastName = reqString(b, 'lastName').trim()
  const gender = optEnum(b, 'gender', ['m', 'f'] as const)
  const birth = optString(b, 'dateOfBirth') ?? optString(b, 'dateBirth')
  if (birth !== undefined && birth !== '' && !isIsoDate(birth)) throw badRequest('"dateOfBirth" must be a date (Y-m-d)')
  let phones: PhoneNumber[] | undefined
  if (b.phoneNumbers !== undefined && b.phoneNumbers !== null) {
    if (!Array.isArray(b.phoneNumbers)) throw badRequest('"phoneNumbers" must be an array')
    phones = b.phoneNumbers.map((x) => readPhone(state, x))
  }
  const custom = state.customFields.filter((f) => f.objectType === 'patient')
  const updates: Record<string, unknown> = {}
  for (const k of scalarFields) {
    const v = optString(b, k)
    if (v !== undefined) updates[k] = k === 'italianFiscalCode' ? v.toUpperCase() : v
  }
  for (const k of boolFields) {
    const v = optBool(b, k)
    if (v !== undefined) updates[k] = v
  }
  for (const f of custom) if (b[`_${f.technicalName}`] !== undefined) updates[`_${f.technicalName}`] = b[`_${f.technicalName}`]

  Object.assign(p, updates, { firstName, lastName, lastModifiedAt: nowWall() })
  if (gender) p.gender = gender
  if (birth !== undefined) {
    delete p.dateOfBirth
    p.dateBirth = birth === '' ? '-0001-11-30' : birth
  }
  if (phones) p.phoneNumbers = phones
  if (updates.email !== undefined) p.emailValid = /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(String(updates.email)) ? 'true' : 'false'
}

function search(ctx: Ctx) {
  const { state, query } = ctx
  const offset = queryInt(query, 'offset') ?? 0
  const limit = Math.min(queryInt(query, 'limit') ?? 100, 100)
  if (limit < 1) throw badRequest('"limit" must be at least 1')
  const first = query.get('firstName')
  const last = query.get('lastName')
  const cf = query.get('italianFiscalCode')
  const email = query.get('email')
  const birth = query.get('dateBirth')
  if (birth && !isIsoDate(birth)) throw badRequest('"dateBirth" must be a date (Y-m-d)')
  const phone = query.get('phoneNumber')?.replace(/\D/g, '')
  const pfx = query.get('phoneNumberPrefix')
  const all = state.patients.filter((p) => {
    if (p.deleted) return false
    if (first && !fold(p.firstName).startsWith(fold(first))) return false
    if (last && !fold(p.lastName).startsWith(fold(last))) return false
    if (cf && String(p.italianFiscalCode ?? '').toUpperCase() !== cf.toUpperCase()) return false
    if (email && String(p.email ?? '').toLowerCase() !== email.toLowerCase()) return false
    if (birth && (p.dateBirth ?? p.dateOfBirth) !== birth) return false
    if (phone) {
      const hit = p.phoneNumbers.some((n) => {
        const sameNumber = n.number === phone || prefixDigits(n.prefix) + n.number === phone
        return sameNumber && (!pfx || prefixDigits(n.prefix) === prefixDigits(pfx))
      })
      if (!hit) return false
    }
    return true
  })
  const page = (o: number) => {
    const u = new URL(ctx.url.href)
    u.searchParams.set('offset', String(o))
    u.searchParams.set('limit', String(limit))
    return u.href
  }
  return {
    links: {
      self: ctx.url.href,
      ...(offset + limit < all.length ? { next: page(offset + limit) } : {}),
      pages: Math.max(1, Math.ceil(all.length / limit)),
    },
    total: all.length,
    offset,
    limit,
    results: all.slice(offset, offset + limit),
  }
}

export const patientHandlers: Handlers = {
  patientsSearch: search,
  patientGet: (ctx) => view(find(ctx.state.patients, param(ctx, 'patientId'), 'Patient')),
  patientCreate: ({ state, body }) => {
    const now = nowWall()
    const p: Patient = {
      id: nextId(state),
      firstName: '',
      lastName: '',
      email: '',
      emailEnabled: false,
      emailValid: 'false',
      phoneNumbers: [],
      deleted: false,
      createdAt: now,
    }
    for (const f of state.customFields) if (f.objectType === 'patient') p[`_${f.technicalName}`] = f.type === 'single_checkbox' ? false : ''
    applyPatient(state, p, asObject(body))
    state.patients.push(p)
    return p
  },
  patientUpdate: (ctx) => {
    const p = find(ctx.state.patients, param(ctx, 'patientId'), 'Patient')
    const draft = structuredClone(p)
    applyPatient(ctx.state, draft, asObject(ctx.body))
    Object.assign(p, draft)
    return p
  },
  patientCustomFieldsUpdate: (ctx) => {
    const p = find(ctx.state.patients, param(ctx, 'patientId'), 'Patient')
    const b = asObject(ctx.body)
    if (!Array.isArray(b.data)) throw badRequest('"data" must be an array of {technicalName, value}')
    const fields = ctx.state.customFields.filter((f) => f.objectType === 'patient')
    const updates: Record<string, unknown> = {}
    for (const raw of b.data) {
      const item = asObject(raw)
      const tn = reqString(item, 'technicalName')
      const field = fields.find((f) => f.technicalName === tn)
      if (!field) throw badRequest(`Unknown custom field "${tn}"`)
      const value = item.value ?? ''
      if (field.type === 'dropdown' && value !== '' && !field.choices.includes(String(value)))
        throw badRequest(`"${tn}" must be one of: ${field.choices.join(', ')}`)
      updates[`_${tn}`] =
        field.type === 'single_checkbox' ? value === true || value === 'true' || value === '1' || value === 1 : String(value)
    }
    Object.assign(p, updates)
  },
  patientCarePlansList: (ctx) => {
    const p = find(ctx.state.patients, param(ctx, 'patientId'), 'Patient')
    return ctx.state.carePlans.filter((c) => c.patientId === p.id)
  },
  phoneNumbersList: (ctx) => find(ctx.state.patients, param(ctx, 'patientId'), 'Patient').phoneNumbers,
  phoneNumberCreate: (ctx) => {
    const p = find(ctx.state.patients, param(ctx, 'patientId'), 'Patient')
    const phone = readPhone(ctx.state, ctx.body)
    p.phoneNumbers.push(phone)
    return phone
  },
  phoneNumberUpdate: (ctx) => {
    const p = find(ctx.state.patients, param(ctx, 'patientId'), 'Patient')
    const id = String(param(ctx, 'phoneNumberId'))
    const i = p.phoneNumbers.findIndex((n) => n.id === id)
    if (i < 0) throw notFound('Phone number')
    const phone = readPhone(ctx.state, ctx.body, id)
    p.phoneNumbers[i] = phone
    return phone
  },
}
