import { describe, expect, it } from 'vitest'
import type { CustomField, Patient } from '../../../../../../shared/alfadocs/schemas'
import { alertOf, alertsText, checkboxValue, patientAlerts } from '../../../../../../renderer/src/features/patients/alerts'

const def = (technicalName: string, type: string, label: string) =>
  ({ id: 1, objectType: 'patient', technicalName, type, label, choices: [], sequenceNumber: 1 }) as CustomField
const defs = [
  def('allergie', 'single_line_text', 'Allergie'),
  def('anticoagulanti', 'single_checkbox', 'Anticoagulanti'),
  def('note', 'multi_line_text', 'Note'),
]
const patient = (fields: Record<string, unknown>) => ({ id: 1, firstName: 'Anna', lastName: 'Rossi', ...fields }) as unknown as Patient

describe('patient alerts', () => {
  it("reads AlfaDocs' spellings of yes and no for a checkbox", () => {
    for (const v of [true, 'true', 1, '1', 'TRUE', ' 1 ']) expect(checkboxValue(v)).toBe(true)
    for (const v of [false, 'false', 0, '0', '', null, undefined]) expect(checkboxValue(v)).toBe(false)
    expect(checkboxValue('Penicillina')).toBeNull()
  })

  it('an unchecked checkbox is no alert, in any spelling; a checked one shows its label', () => {
    const cb = defs[1]
    for (const v of [false, 'false', 0, '0', '']) expect(alertOf('anticoagulanti', v, cb)).toBeNull()
    for (const v of [true, 'true', 1, '1'])
      expect(alertOf('anticoagulanti', v, cb)).toEqual({ field: 'anticoagulanti', label: 'Anticoagulanti', text: null })
  })

  it('a text alert shows what it holds; empty or blank is none', () => {
    expect(alertOf('allergie', ' Penicillina ', defs[0])).toEqual({ field: 'allergie', label: 'Allergie', text: 'Penicillina' })
    expect(alertOf('allergie', '', defs[0])).toBeNull()
    expect(alertOf('allergie', '   ', defs[0])).toBeNull()
    expect(alertOf('allergie', null, defs[0])).toBeNull()
    expect(alertOf('allergie', ['Lattice', '', 'Nichel'], defs[0])).toEqual({
      field: 'allergie',
      label: 'Allergie',
      text: 'Lattice, Nichel',
    })
  })

  it('before the definitions are known: the technical name as label, yes/no spellings still read', () => {
    expect(alertOf('allergie', 'Penicillina')).toEqual({ field: 'allergie', label: 'allergie', text: 'Penicillina' })
    expect(alertOf('anticoagulanti', '0')).toBeNull()
    expect(alertOf('anticoagulanti', 1)).toEqual({ field: 'anticoagulanti', label: 'anticoagulanti', text: null })
  })

  it('only the fields the practice chose, in its order; the summary line names each', () => {
    const p = patient({ _allergie: 'Penicillina', _anticoagulanti: '1', _note: 'Ansioso', _other: 'x' })
    const list = patientAlerts(p, ['anticoagulanti', 'allergie'], defs)
    expect(list.map((a) => a.field)).toEqual(['anticoagulanti', 'allergie'])
    expect(alertsText(list)).toBe('Anticoagulanti · Allergie: Penicillina')
    expect(patientAlerts(p, [], defs)).toEqual([])
    expect(patientAlerts(patient({ _allergie: '', _anticoagulanti: 'false' }), ['allergie', 'anticoagulanti'], defs)).toEqual([])
    expect(patientAlerts(null, ['allergie'], defs)).toEqual([])
  })
})
