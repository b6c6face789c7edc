import { describe, expect, it } from 'vitest'
import { routes } from '../../../../../shared/alfadocs/routes'
import { AlfaDocsError } from '../../../../../electron/main/alfadocs/errors'
import { parseEnvelope } from '../../../../../electron/main/alfadocs/parse'
import type { Appointment, Patient } from '../../../../../shared/alfadocs/schemas'

const parse = (name: keyof typeof routes, json: unknown) => parseEnvelope(name, routes[name], 200, json)

function parseError(name: keyof typeof routes, json: unknown): AlfaDocsError {
  try {
    parse(name, json)
  } catch (e) {
    if (e instanceof AlfaDocsError) return e
    throw e
  }
  throw new Error('expected a bad-response error')
}

describe('lenient envelope parsing', () => {
  it('takes list items from data and ignores a wrong count (count: 0 with items)', () => {
    const out = parse('chairsList', { status: 'success', count: 0, data: [{ id: 1, name: 'Poltrona 1', deleted: false }] }) as unknown[]
    expect(out).toHaveLength(1)
  })

  it('coerces numbers and booleans sent as strings and keeps extra fields', () => {
    const [a] = parse('appointmentsList', {
      status: 'success',
      count: '1',
      data: [
        {
          id: '101',
          date: '2026-03-10 09:30:00',
          patientId: '55',
          duration: '30',
          state: 'confirmed',
          colorId: 3,
          chairId: '2',
          emailReminder: 'true',
          smsReminder: 'false',
          firstVisit: 'no',
          frequency: 'weekly',
          recurrenceCount: 4,
        },
      ],
    }) as Array<Appointment & { frequency?: string; recurrenceCount?: number }>
    expect(a).toMatchObject({
      id: 101,
      patientId: 55,
      duration: 30,
      chairId: 2,
      emailReminder: true,
      smsReminder: false,
      firstVisit: false,
      description: '',
      frequency: 'weekly',
      recurrenceCount: 4,
    })
  })

  it('accepts dateBirth or dateOfBirth, turns PHP zero dates into null, keeps custom fields', () => {
    const page = parse('patientsSearch', {
      links: { next: 'https://app.alfadocs.com/api/v1/practices/7/archives/9/patients?offset=100&limit=100' },
      total: '250',
      offset: '0',
      limit: 100,
      results: [
        { id: 1, firstName: 'Giulia', lastName: 'Rossi', dateBirth: '1985-04-12', _allergie: 'penicillina' },
        { id: '2', firstName: 'Marco', lastName: 'Bianchi', dateOfBirth: '1979-01-02' },
        {
          id: 3,
          firstName: 'Anna',
          lastName: 'Verdi',
          dateBirth: '-0001-11-30',
          italianFiscalCode: 'NON DISPONIBILE',
          emailValid: 'false',
        },
      ],
    }) as { total: number; offset: number; limit: number; next: string | null; results: Array<Patient & { _allergie?: string }> }
    expect(page.total).toBe(250)
    expect(page.offset).toBe(0)
    expect(page.next).toContain('offset=100')
    expect(page.results.map((p) => p.dateOfBirth)).toEqual(['1985-04-12', '1979-01-02', null])
    expect(page.results[0]!._allergie).toBe('penicillina')
    expect(page.results[1]!.id).toBe(2)
    expect(page.results[2]!.emailValid).toBe(false)
  })

  it('reports a bad list item as bad-response naming the route, the item and the field path', () => {
    const e = parseError('appointmentsList', {
      status: 'success',
      count: 2,
      data: [
        { id: 1, date: '2026-03-10 09:00:00', state: 'confirmed' },
        { id: 2, state: 'confirmed', duration: 'half an hour' },
      ],
    })
    expect(e.kind).toBe('bad-response')
    expect(e.route).toBe('appointmentsList')
    expect(e.message).toContain('appointmentsList')
    expect(e.message).toContain('1 of 2')
    expect(e.message).toContain('item 1 (id 2)')
    expect(e.message).toContain('data[1].date')
    expect(e.message).toContain('data[1].duration')
  })

  it('rejects envelopes that are not what the route promises', () => {
    expect(parseError('chairsList', { status: 'success', data: { id: 1 } }).message).toContain('"data" list')
    expect(parseError('patientGet', { status: 'success' }).message).toContain('"data" object')
    expect(parseError('patientsSearch', { status: 'success', data: [] }).message).toContain('"results"')
    expect(parseError('carePlanSignatureStatus', { status: 'success' }).message).toContain('isSigned')
  })

  it('accepts objects that omit optional fields, also nested ones (zod 4 optional-key workaround)', () => {
    const p = parse('patientGet', { status: 'success', data: { id: 9, phoneNumbers: [{ id: 'ph1', number: 3331234567 }] } }) as Patient
    expect(p).toMatchObject({ id: 9, firstName: '', email: null, dateOfBirth: null, deleted: false })
    expect(p.phoneNumbers).toEqual([
      expect.objectContaining({ id: 'ph1', number: '3331234567', prefix: '', label: null, smsEnabled: false }),
    ])
    expect(parse('appointmentGet', { status: 'success', data: { id: 1, date: '2026-03-10 09:00:00', state: 'waiting' } })).toMatchObject({
      patientId: null,
      duration: 0,
      description: '',
    })
  })

  it('accepts a bare array for a list', () => {
    expect(parse('patientCarePlansList', [{ id: 4, deleted: 'false' }])).toEqual([expect.objectContaining({ id: 4, deleted: false })])
  })

  it('reads top-level, file, status and empty envelopes', () => {
    expect(parse('carePlanSignatureStatus', { status: 'success', isSigned: 'true' })).toMatchObject({ isSigned: true })
    expect(parse('documentDownload', { status: 'success', file: 'SGVsbG8=' })).toEqual({ file: 'SGVsbG8=' })
    expect(parse('patientCustomFieldsUpdate', { status: 'success' })).toEqual({ status: 'success' })
    expect(parse('patientCustomFieldsUpdate', undefined)).toEqual({ status: 'success' })
    expect(parse('liabilityDelete', { whatever: true })).toBeUndefined()
  })

  it('parses /me from under data', () => {
    expect(parse('me', { status: 'success', data: { practiceId: '7', archiveId: 9, userEmail: 'a@b.it' } })).toMatchObject({
      practiceId: 7,
      archiveId: 9,
    })
  })
})
