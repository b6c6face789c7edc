import { describe, expect, it } from 'vitest'
import { customFieldSchema } from '../../../../../../shared/alfadocs/schemas'
import { patientDraftSchema } from '../../../../../../shared/contract/patients'
import { toBody } from '../../../../../../electron/main/services/patients/patients-service'
import { AppError } from '../../../../../../electron/main/services/app-error'

const defs = [
  { id: 1, objectType: 'patient', label: 'Allergie', technicalName: 'allergie', type: 'single_line_text', choices: [], sequenceNumber: 1 },
  { id: 2, objectType: 'patient', label: 'Consenso', technicalName: 'consenso', type: 'single_checkbox', choices: [], sequenceNumber: 2 },
  {
    id: 3,
    objectType: 'patient',
    label: 'Come ci ha conosciuto',
    technicalName: 'come',
    type: 'dropdown',
    choices: ['Internet', 'Altro'],
    sequenceNumber: 3,
  },
].map((d) => customFieldSchema.parse(d))

const draft = (over: Record<string, unknown> = {}) => patientDraftSchema.parse({ firstName: ' Mario ', lastName: 'Rossi', ...over })

describe('the patient body main sends to AlfaDocs', () => {
  it('refuses a wrong fiscal code unless the override was ticked, and says which check failed', () => {
    const bad = draft({ italianFiscalCode: 'rssmra85t10a562x' })
    expect(() => toBody(bad, false, defs)).toThrow(AppError)
    expect(() => toBody(bad, false, defs)).toThrow(/check character should be S/)
    expect(toBody(bad, true, defs).italianFiscalCode).toBe('RSSMRA85T10A562X')
    expect(() => toBody(draft({ italianFiscalCode: 'NON DISPONIBILE' }), false, defs)).toThrow(/placeholder/)
    expect(toBody(draft({ italianFiscalCode: 'NON DISPONIBILE' }), true, defs).italianFiscalCode).toBe('NON DISPONIBILE')
    expect(toBody(draft({ italianFiscalCode: 'RSSMRA85T10A562S' }), false, defs).italianFiscalCode).toBe('RSSMRA85T10A562S')
  })

  it('sends trimmed names, phones with a +prefix and digits only, and custom fields by type', () => {
    const b = toBody(
      draft({
        phoneNumbers: [{ prefix: '0039', number: '333 123 4567', label: 'Cellulare', smsEnabled: true }],
        customFields: { allergie: 'Lattice', consenso: true, come: 'Internet' },
      }),
      false,
      defs,
    )
    expect(b).toMatchObject({
      firstName: 'Mario',
      lastName: 'Rossi',
      phoneNumbers: [{ prefix: '+39', number: '3331234567', label: 'Cellulare', smsEnabled: true }],
      _allergie: 'Lattice',
      _consenso: true,
      _come: 'Internet',
    })
  })

  it('refuses a dropdown value outside its choices and an unknown custom field', () => {
    expect(() => toBody(draft({ customFields: { come: 'Televisione' } }), false, defs)).toThrow(/must be one of: Internet, Altro/)
    expect(() => toBody(draft({ customFields: { nope: 'x' } }), false, defs)).toThrow(/no patient custom field "nope"/)
  })

  it('the draft schema requires names and a valid e-mail and phone', () => {
    expect(patientDraftSchema.safeParse({ firstName: ' ', lastName: 'R' }).success).toBe(false)
    expect(patientDraftSchema.safeParse({ firstName: 'M', lastName: 'R', email: 'not-an-email' }).success).toBe(false)
    expect(patientDraftSchema.safeParse({ firstName: 'M', lastName: 'R', phoneNumbers: [{ prefix: '+39', number: '12' }] }).success).toBe(
      false,
    )
  })
})
