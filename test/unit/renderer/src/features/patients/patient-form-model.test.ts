import { describe, expect, it } from 'vitest'
import type { CustomField, Patient } from '../../../../../../shared/alfadocs/schemas'
import { fiscalCheckChar } from '../../../../../../shared/patients/fiscal-code'
import { checkboxValue } from '../../../../../../renderer/src/features/patients/format'
import { emptyFields, fieldsOf, fillFromFiscalCode } from '../../../../../../renderer/src/features/patients/patient-form-model'

describe('a checkbox custom field, as AlfaDocs spells yes and no', () => {
  it('reads true, "true", 1, "1" as yes; false, "false", 0, "0", "" as no; nothing as unknown', () => {
    for (const v of [true, 'true', 'TRUE', 1, '1', ' 1 ']) expect(checkboxValue(v), String(v)).toBe(true)
    for (const v of [false, 'false', 0, '0', '']) expect(checkboxValue(v), String(v)).toBe(false)
    for (const v of [null, undefined, 'forse', 2, {}]) expect(checkboxValue(v), String(v)).toBeNull()
  })

  it('fills the form from any of those spellings', () => {
    const def = { id: 1, technicalName: 'allergie', label: 'Allergie', type: 'single_checkbox', choices: [] } as unknown as CustomField
    const p = (v: unknown) => ({ id: 1, firstName: 'A', lastName: 'B', phoneNumbers: [], _allergie: v }) as unknown as Patient
    expect(fieldsOf(p('1'), [def]).custom.allergie).toBe(true)
    expect(fieldsOf(p(1), [def]).custom.allergie).toBe(true)
    expect(fieldsOf(p('0'), [def]).custom.allergie).toBe(false)
    expect(fieldsOf(p(null), [def]).custom.allergie).toBe(false)
  })
})

describe('a valid fiscal code fills what the desk left empty', () => {
  const TODAY = '2026-03-11'
  const code = (body: string) => body + fiscalCheckChar(body)

  it('fills birth date, sex and the birthplace (the town when known, else its code)', () => {
    const f = { ...emptyFields(), italianFiscalCode: code('BNCGLI90L61A944') }
    expect(fillFromFiscalCode(f, TODAY)).toEqual(['dateOfBirth', 'gender', 'placeOfBirth'])
    expect([f.dateOfBirth, f.gender, f.placeOfBirth]).toEqual(['1990-07-21', 'f', 'Bologna'])
    const g = { ...emptyFields(), italianFiscalCode: code('RSSMRA85T10Z404') }
    fillFromFiscalCode(g, TODAY)
    expect([g.dateOfBirth, g.gender, g.placeOfBirth]).toEqual(['1985-12-10', 'm', 'Z404'])
  })

  it('never overwrites what was typed, and does nothing for an invalid code', () => {
    const f = { ...emptyFields(), italianFiscalCode: code('BNCGLI90L61A944'), dateOfBirth: '1990-07-20', placeOfBirth: 'Bazzano' }
    expect(fillFromFiscalCode(f, TODAY)).toEqual(['gender'])
    expect([f.dateOfBirth, f.gender, f.placeOfBirth]).toEqual(['1990-07-20', 'f', 'Bazzano'])
    const valid = code('BNCGLI90L61A944')
    const bad = { ...emptyFields(), italianFiscalCode: valid.slice(0, 15) + (valid.endsWith('A') ? 'B' : 'A') }
    expect(fillFromFiscalCode(bad, TODAY)).toEqual([])
    expect([bad.dateOfBirth, bad.gender, bad.placeOfBirth]).toEqual([null, '', ''])
  })
})
