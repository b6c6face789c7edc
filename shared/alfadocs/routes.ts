import type { z } from 'zod'
import * as s from './schemas'

/**
 * The single AlfaDocs route table. The API client and the demo sandbox are both built from it, so
 * correcting a guessed method or path (see ../shared/alfadocs-endpoints.md, "confidence") is a one-line change.
 *
 * envelope:
 *  - item:   { status, data: {...} }
 *  - list:   { status, count, data: [...] }  (count is unreliable: use data.length)
 *  - page:   { links, total, offset, limit, results: [...] }  (patient search)
 *  - top:    the object itself at top level, e.g. { status, isSigned }
 *  - file:   { status, file: base64 }
 *  - status: { status } only
 *  - empty:  no documented body (DELETE)
 */
export type Envelope = 'item' | 'list' | 'page' | 'top' | 'file' | 'status' | 'empty'
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface RouteDef {
  method: Method
  /** Path template relative to the base URL; `{name}` placeholders. Scoped routes get the practice/archive prefix. */
  path: string
  envelope: Envelope
  /** false only for /me, which tells us the practice and archive. */
  scoped: boolean
  /** The response's entity schema (for item/list/page/top/file envelopes). */
  schema?: z.ZodType
  /** Longest date window (days, inclusive) the API accepts for dateStart/dateEnd. */
  maxWindowDays?: number
  /** Query parameter names of the date window (free slots use startDate/endDate). */
  windowParams?: readonly [string, string]
  confidence: 'high' | 'medium' | 'low'
}

const r = <T extends RouteDef>(d: T) => d

export const routes = {
  me: r({ method: 'GET', path: '/me', envelope: 'item', scoped: false, schema: s.meSchema, confidence: 'high' }),

  chairsList: r({ method: 'GET', path: '/chairs', envelope: 'list', scoped: true, schema: s.chairSchema, confidence: 'high' }),
  colorsList: r({ method: 'GET', path: '/colors', envelope: 'list', scoped: true, schema: s.colorSchema, confidence: 'high' }),
  operatorsList: r({ method: 'GET', path: '/operators', envelope: 'list', scoped: true, schema: s.operatorSchema, confidence: 'high' }),
  specialtiesList: r({
    method: 'GET',
    path: '/specialties',
    envelope: 'list',
    scoped: true,
    schema: s.specialtySchema,
    confidence: 'medium',
  }),
  bookingReasonsList: r({
    method: 'GET',
    path: '/appointments/booking-reasons',
    envelope: 'list',
    scoped: true,
    schema: s.bookingReasonSchema,
    confidence: 'low',
  }),

  appointmentsList: r({
    method: 'GET',
    path: '/appointments',
    envelope: 'list',
    scoped: true,
    schema: s.appointmentSchema,
    maxWindowDays: 30,
    windowParams: ['dateStart', 'dateEnd'],
    confidence: 'high',
  }),
  appointmentGet: r({
    method: 'GET',
    path: '/appointments/{appointmentId}',
    envelope: 'item',
    scoped: true,
    schema: s.appointmentSchema,
    confidence: 'high',
  }),
  appointmentCreate: r({
    method: 'POST',
    path: '/appointments',
    envelope: 'item',
    scoped: true,
    schema: s.appointmentSchema,
    confidence: 'high',
  }),
  appointmentUpdate: r({
    method: 'PATCH',
    path: '/appointments/{appointmentId}',
    envelope: 'item',
    scoped: true,
    schema: s.appointmentSchema,
    confidence: 'low',
  }),
  appointmentCarePlanEntries: r({
    method: 'GET',
    path: '/appointments/{appointmentId}/care-plan-entries',
    envelope: 'list',
    scoped: true,
    schema: s.carePlanEntrySchema,
    confidence: 'medium',
  }),
  freeSlotsList: r({
    method: 'GET',
    path: '/free-slots',
    envelope: 'list',
    scoped: true,
    schema: s.freeSlotSchema,
    windowParams: ['startDate', 'endDate'],
    confidence: 'medium',
  }),

  patientsSearch: r({ method: 'GET', path: '/patients', envelope: 'page', scoped: true, schema: s.patientSchema, confidence: 'high' }),
  patientGet: r({
    method: 'GET',
    path: '/patients/{patientId}',
    envelope: 'item',
    scoped: true,
    schema: s.patientSchema,
    confidence: 'high',
  }),
  patientCreate: r({ method: 'POST', path: '/patients', envelope: 'item', scoped: true, schema: s.patientSchema, confidence: 'high' }),
  patientUpdate: r({
    method: 'PUT',
    path: '/patients/{patientId}',
    envelope: 'item',
    scoped: true,
    schema: s.patientSchema,
    confidence: 'low',
  }),
  patientCustomFieldsUpdate: r({
    method: 'PATCH',
    path: '/patients/{patientId}/custom-fields',
    envelope: 'status',
    scoped: true,
    confidence: 'low',
  }),
  patientCarePlansList: r({
    method: 'GET',
    path: '/patients/{patientId}/care-plans',
    envelope: 'list',
    scoped: true,
    schema: s.carePlanSchema,
    confidence: 'medium',
  }),
  phoneNumbersList: r({
    method: 'GET',
    path: '/patients/{patientId}/phone-numbers',
    envelope: 'list',
    scoped: true,
    schema: s.phoneNumberSchema,
    confidence: 'medium',
  }),
  phoneNumberCreate: r({
    method: 'POST',
    path: '/patients/{patientId}/phone-numbers',
    envelope: 'item',
    scoped: true,
    schema: s.phoneNumberSchema,
    confidence: 'medium',
  }),
  phoneNumberUpdate: r({
    method: 'PUT',
    path: '/patients/{patientId}/phone-numbers/{phoneNumberId}',
    envelope: 'item',
    scoped: true,
    schema: s.phoneNumberSchema,
    confidence: 'low',
  }),
  customFieldsList: r({
    method: 'GET',
    path: '/custom-fields',
    envelope: 'list',
    scoped: true,
    schema: s.customFieldSchema,
    confidence: 'low',
  }),

  documentsList: r({
    method: 'GET',
    path: '/patients/{patientId}/documents',
    envelope: 'list',
    scoped: true,
    schema: s.documentSchema,
    confidence: 'high',
  }),
  documentGet: r({
    method: 'GET',
    path: '/patients/{patientId}/documents/{documentId}',
    envelope: 'item',
    scoped: true,
    schema: s.documentSchema,
    confidence: 'medium',
  }),
  documentCreate: r({
    method: 'POST',
    path: '/patients/{patientId}/documents',
    envelope: 'item',
    scoped: true,
    schema: s.documentSchema,
    confidence: 'medium',
  }),
  documentDownload: r({
    method: 'GET',
    path: '/patients/{patientId}/documents/{documentId}/download',
    envelope: 'file',
    scoped: true,
    schema: s.documentFileSchema,
    confidence: 'low',
  }),

  billsList: r({
    method: 'GET',
    path: '/bills',
    envelope: 'list',
    scoped: true,
    schema: s.billSchema,
    maxWindowDays: 31,
    windowParams: ['dateStart', 'dateEnd'],
    confidence: 'medium',
  }),
  billGet: r({ method: 'GET', path: '/bills/{billId}', envelope: 'item', scoped: true, schema: s.billSchema, confidence: 'medium' }),
  billPaymentLinkValidate: r({
    method: 'GET',
    path: '/bills/{billId}/payment-link/validate',
    envelope: 'item',
    scoped: true,
    schema: s.paymentLinkSchema,
    confidence: 'low',
  }),
  liabilitiesList: r({
    method: 'GET',
    path: '/bills/{billId}/liabilities',
    envelope: 'list',
    scoped: true,
    schema: s.liabilitySchema,
    confidence: 'medium',
  }),
  liabilityUpdate: r({
    method: 'PUT',
    path: '/bills/{billId}/liabilities/{liabilityId}',
    envelope: 'item',
    scoped: true,
    schema: s.liabilitySchema,
    confidence: 'low',
  }),
  liabilityDelete: r({
    method: 'DELETE',
    path: '/bills/{billId}/liabilities/{liabilityId}',
    envelope: 'empty',
    scoped: true,
    confidence: 'medium',
  }),
  transactionsList: r({
    method: 'GET',
    path: '/transactions',
    envelope: 'list',
    scoped: true,
    schema: s.transactionSchema,
    maxWindowDays: 31,
    windowParams: ['dateStart', 'dateEnd'],
    confidence: 'medium',
  }),
  transactionCreate: r({
    method: 'POST',
    path: '/transactions',
    envelope: 'item',
    scoped: true,
    schema: s.transactionSchema,
    confidence: 'medium',
  }),
  paymentTypesList: r({
    method: 'GET',
    path: '/payment-types',
    envelope: 'list',
    scoped: true,
    schema: s.namedSchema,
    confidence: 'medium',
  }),
  accountsList: r({ method: 'GET', path: '/accounts', envelope: 'list', scoped: true, schema: s.namedSchema, confidence: 'medium' }),

  carePlanGet: r({
    method: 'GET',
    path: '/care-plans/{carePlanId}',
    envelope: 'item',
    scoped: true,
    schema: s.carePlanSchema,
    confidence: 'high',
  }),
  carePlanSignatureStatus: r({
    method: 'GET',
    path: '/care-plans/{carePlanId}/signature-status',
    envelope: 'top',
    scoped: true,
    schema: s.signatureStatusSchema,
    confidence: 'medium',
  }),
} as const satisfies Record<string, RouteDef>

export type RouteName = keyof typeof routes

export const SCOPE_PREFIX = '/practices/{practiceId}/archives/{archiveId}'

/** Fills `{name}` placeholders; a missing one is a programming error. */
export function fillPath(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name]
    if (v === undefined) throw new Error(`missing path parameter "${name}" for ${template}`)
    return encodeURIComponent(String(v))
  })
}

/** Turns a path template into a matcher for the sandbox: returns the params or null. */
export function matchPath(template: string, path: string): Record<string, string> | null {
  const names: string[] = []
  const re = new RegExp(
    '^' +
      template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{(\w+)\\?\}|\{(\w+)\}/g, (_m, a: string, b: string) => {
        names.push(a ?? b)
        return '([^/]+)'
      }) +
      '$',
  )
  const m = re.exec(path)
  if (!m) return null
  const out: Record<string, string> = {}
  names.forEach((n, i) => (out[n] = decodeURIComponent(m[i + 1] ?? '')))
  return out
}

/** Idempotent methods may be retried after a network error or a 429/5xx. */
export const isIdempotent = (m: Method) => m === 'GET' || m === 'PUT' || m === 'DELETE'
