import { describe, expect, it } from 'vitest'
import { quickPatientDraft, patientDraftSchema } from '../../../../shared/contract/patients'

describe('patients contract', () => {
  it('custom field names are refused when they are prototype keys, even as own keys', () => {
    const base = { firstName: 'Mario', lastName: 'Rossi' }
    expect(patientDraftSchema.safeParse({ ...base, customFields: { allergie: 'nessuna' } }).success).toBe(true)
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const customFields = JSON.parse(`{"${key}": "x"}`) as object
      expect(patientDraftSchema.safeParse({ ...base, customFields }).success, key).toBe(false)
    }
  })

  it('a quick patient from the booking dialog becomes a draft with an Italian mobile number', () => {
    const d = patientDraftSchema.parse(quickPatientDraft({ firstName: 'Ottavio', lastName: 'Zzagenda', phone: '+39 333 1234567' }))
    expect(d.phoneNumbers).toEqual([{ prefix: '+39', number: '3331234567', label: 'cellulare', smsEnabled: true }])
    expect(
      patientDraftSchema.parse(quickPatientDraft({ firstName: 'A', lastName: 'B', phone: '0039 347 000 1111' })).phoneNumbers[0]?.number,
    ).toBe('3470001111')
    expect(patientDraftSchema.parse(quickPatientDraft({ firstName: 'A', lastName: 'B' })).phoneNumbers).toEqual([])
  })
})
