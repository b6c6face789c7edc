import type { z } from 'zod'
import type { CarePlan, CustomField, Patient } from '../../../../shared/alfadocs/schemas'
import type { patientDraftSchema, patientPageSchema } from '../../../../shared/contract/patients'
import { duplicateReason } from '../../../../shared/patients/duplicates'
import { checkFiscalCode } from '../../../../shared/patients/fiscal-code'
import { filtersFor, parsePatientQuery, type PatientFilters } from '../../../../shared/patients/query'
import type { AlfaDocsClient } from '../../alfadocs/client'
import { AlfaDocsError } from '../../alfadocs/errors'
import { AppError } from '../app-error'
import { fetchPatientsByIds } from './by-ids'

type Draft = z.output<typeof patientDraftSchema>
type PatientPage = z.output<typeof patientPageSchema>
type GetClient = () => Promise<AlfaDocsClient>

/** Patients: search, read, create and edit against AlfaDocs, with the checks a front desk needs. */
export class PatientsService {
  constructor(private readonly client: GetClient) {}

  /**
   * One page of the search for what was typed. A name tries its word splits in order ("de luca ma":
   * "de" + "luca ma", then "de luca" + "ma"), at most three, then the name typed first-name first ("mario
   * rossi": first name "mario", last name "rossi"); it stops at the first with results, at most four requests.
   */
  async search(text: string, offset: number, limit: number, bulk = false): Promise<PatientPage> {
    const q = parsePatientQuery(text)
    const client = await this.client()
    const readings: PatientFilters[] = []
    if (q.kind === 'name') {
      for (let i = 0; i < Math.min(3, q.splits.length); i++) readings.push(filtersFor(q, i) ?? {})
      const first = q.splits[0]
      if (first?.firstName) readings.push({ firstName: first.lastName, lastName: first.firstName })
    } else readings.push(filtersFor(q) ?? {})
    let page: PatientPage = { total: 0, offset, limit, results: [] }
    for (const filters of readings) {
      const p = await client.searchPatients(filters, { offset, limit, ...(bulk ? { priority: 'bulk' as const } : {}) })
      page = { total: p.total, offset: p.offset, limit: p.limit, results: p.results }
      if (p.total > 0 || p.results.length > 0) break
    }
    return page
  }

  async byIds(ids: readonly number[]): Promise<Patient[]> {
    return fetchPatientsByIds(await this.client(), ids)
  }

  async get(patientId: number): Promise<Patient> {
    return (await this.client()).request('patientGet', { params: { patientId } })
  }

  async duplicates(p: {
    patientId?: number | undefined
    firstName: string
    lastName: string
    italianFiscalCode: string
    dateOfBirth: string
  }) {
    const client = await this.client()
    const me = { ...(p.patientId !== undefined ? { id: p.patientId } : {}), ...p }
    const lookups: Array<Record<string, string>> = []
    if (checkFiscalCode(p.italianFiscalCode).ok) lookups.push({ italianFiscalCode: checkFiscalCode(p.italianFiscalCode).code })
    if (p.dateOfBirth && p.lastName.trim()) lookups.push({ lastName: p.lastName.trim(), dateBirth: p.dateOfBirth })
    const pages = await Promise.all(lookups.map((f) => client.searchPatients(f, { offset: 0, limit: 50 })))
    const seen = new Set<number>()
    const out: Array<{ patient: Patient; reason: 'fiscalCode' | 'nameAndBirth' }> = []
    for (const patient of pages.flatMap((pg) => pg.results)) {
      if (seen.has(patient.id)) continue
      seen.add(patient.id)
      const reason = duplicateReason(me, patient)
      if (reason) out.push({ patient, reason })
    }
    return out
  }

  async create(draft: Draft, fiscalCodeOverride: boolean): Promise<Patient> {
    const defs = await this.customFieldDefs()
    const body = toBody(draft, fiscalCodeOverride, defs)
    return (await this.client()).request('patientCreate', { body })
  }

  /**
   * PUT carries the whole identity with the full phone list (so added, edited and removed numbers land in
   * one request); custom fields then go through their own endpoint, which checks dropdown choices.
   */
  async update(patientId: number, draft: Draft, fiscalCodeOverride: boolean): Promise<Patient> {
    const client = await this.client()
    const defs = await this.customFieldDefs()
    const { custom, ...body } = splitCustom(toBody(draft, fiscalCodeOverride, defs))
    await client.request('patientUpdate', { params: { patientId }, body })
    if (custom.length > 0) await client.request('patientCustomFieldsUpdate', { params: { patientId }, body: { data: custom } })
    return client.request('patientGet', { params: { patientId } })
  }

  /** Per client (a new connection may be another practice), for ten minutes. */
  private readonly defsCache = new WeakMap<AlfaDocsClient, { at: number; defs: CustomField[] }>()

  async customFieldDefs(): Promise<CustomField[]> {
    const client = await this.client()
    const hit = this.defsCache.get(client)
    if (hit && Date.now() - hit.at < 10 * 60_000) return hit.defs
    const all = await client.request('customFieldsList', { query: { objectType: 'patient' } })
    const defs = all.filter((f) => f.objectType === 'patient').sort((a, b) => (a.sequenceNumber ?? 0) - (b.sequenceNumber ?? 0))
    this.defsCache.set(client, { at: Date.now(), defs })
    return defs
  }

  async carePlans(patientId: number): Promise<Array<{ plan: CarePlan; isSigned: boolean | null }>> {
    const client = await this.client()
    const plans = (await this.carePlansOnly(patientId)).filter((p) => !p.deleted)
    return Promise.all(
      plans.map(async (plan) => {
        try {
          const s = await client.request('carePlanSignatureStatus', { params: { carePlanId: plan.id } })
          return { plan, isSigned: s.isSigned }
        } catch (e) {
          // A plan the key may not read (403) or one deleted meanwhile: show it, status unknown.
          if (e instanceof AlfaDocsError && (e.kind === 'auth' || e.kind === 'not-found')) return { plan, isSigned: null }
          throw e
        }
      }),
    )
  }

  private async carePlansOnly(patientId: number): Promise<CarePlan[]> {
    return (await this.client()).request('patientCarePlansList', { params: { patientId } })
  }
}

/** The AlfaDocs body of a draft; refuses a bad fiscal code unless the user overrode it deliberately. */
export function toBody(d: Draft, fiscalCodeOverride: boolean, defs: CustomField[]): Record<string, unknown> {
  let fiscal = d.italianFiscalCode.trim()
  if (fiscal !== '') {
    const check = checkFiscalCode(fiscal)
    if (!check.ok && !fiscalCodeOverride) {
      const why =
        check.problem === 'check'
          ? `its check character should be ${check.expected}`
          : check.problem === 'placeholder'
            ? 'it is a placeholder'
            : 'it does not have the format of an Italian fiscal code'
      throw new AppError('invalid', `The fiscal code "${check.code}" is not valid (${why}). Tick "keep it anyway" to save it as it is.`)
    }
    fiscal = check.code
  }
  const body: Record<string, unknown> = {
    firstName: d.firstName,
    lastName: d.lastName,
    email: d.email,
    emailEnabled: d.email !== '',
    dateOfBirth: d.dateOfBirth,
    placeOfBirth: d.placeOfBirth,
    street: d.street,
    city: d.city,
    postcode: d.postcode,
    province: d.province.toUpperCase(),
    italianFiscalCode: fiscal,
    phoneNumbers: d.phoneNumbers.map((p) => ({
      prefix: p.prefix.startsWith('00') ? `+${p.prefix.slice(2)}` : p.prefix,
      number: p.number,
      label: p.label,
      smsEnabled: p.smsEnabled,
    })),
  }
  if (d.gender) body.gender = d.gender
  for (const [name, value] of Object.entries(d.customFields)) {
    const def = defs.find((f) => f.technicalName === name)
    if (!def) throw new AppError('invalid', `There is no patient custom field "${name}".`)
    if (def.type === 'single_checkbox') body[`_${name}`] = value === true || value === 'true'
    else {
      const v = String(value)
      if (def.type === 'dropdown' && v !== '' && !def.choices.includes(v)) {
        throw new AppError('invalid', `"${def.label}" must be one of: ${def.choices.join(', ')}.`)
      }
      body[`_${name}`] = v
    }
  }
  return body
}

function splitCustom(body: Record<string, unknown>) {
  const custom: Array<{ technicalName: string; value: unknown }> = []
  const rest: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(body)) {
    if (k.startsWith('_')) custom.push({ technicalName: k.slice(1), value: v })
    else rest[k] = v
  }
  return { custom, ...rest }
}
