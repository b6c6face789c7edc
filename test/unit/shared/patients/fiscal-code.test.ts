import { describe, expect, it } from 'vitest'
import { checkFiscalCode, fiscalCheckChar, isValidFiscalCode } from '../../../../shared/patients/fiscal-code'
import { ageOn, duplicateReason } from '../../../../shared/patients/duplicates'
import { fiscalCode as sandboxFiscalCode } from '../../../../electron/sandbox/seed/fiscalCode'

describe('the Italian fiscal code check', () => {
  it('computes the check character with the odd/even tables', () => {
    expect(fiscalCheckChar('RSSMRA85T10A562')).toBe('S')
    expect(isValidFiscalCode('rssmra85t10a562s')).toBe(true)
    // Agrees with the demo practice's generator, which is written independently.
    const generated = sandboxFiscalCode('Giulia', 'Bianchi', 'f', '1990-07-21', 'A944')
    expect(checkFiscalCode(generated)).toEqual({ ok: true, code: generated })
  })

  it('accepts omocodia letters in digit positions and checks them', () => {
    const body = 'RSSMRA85T10A56' + 'N' // 2 → N
    const code = body + fiscalCheckChar(body)
    expect(checkFiscalCode(code).ok).toBe(true)
  })

  it('names the problem: wrong check character (with the expected one), format, length, placeholder, empty', () => {
    expect(checkFiscalCode('RSSMRA85T10A562X')).toEqual({ ok: false, code: 'RSSMRA85T10A562X', problem: 'check', expected: 'S' })
    expect(checkFiscalCode('RSSMRA85Z10A562S')).toMatchObject({ ok: false, problem: 'format' })
    expect(checkFiscalCode('RSSMRA85T10')).toMatchObject({ ok: false, problem: 'length' })
    expect(checkFiscalCode('Non disponibile')).toMatchObject({ ok: false, problem: 'placeholder', code: 'NON DISPONIBILE' })
    expect(checkFiscalCode('  ')).toMatchObject({ ok: false, problem: 'empty' })
  })
})

describe('the duplicate check and age', () => {
  it('flags the same valid fiscal code, or the same name and birth date, but not the patient itself', () => {
    const a = { id: 1, firstName: 'Mario', lastName: 'Rossi', italianFiscalCode: 'RSSMRA85T10A562S', dateOfBirth: '1985-12-10' }
    expect(duplicateReason({ firstName: 'M', lastName: 'R', italianFiscalCode: 'rssmra85t10a562s' }, a)).toBe('fiscalCode')
    expect(duplicateReason({ firstName: 'mario', lastName: 'ROSSI', dateOfBirth: '1985-12-10' }, a)).toBe('nameAndBirth')
    expect(duplicateReason({ firstName: 'Mario', lastName: 'Rossi', dateOfBirth: '1985-12-11' }, a)).toBeNull()
    expect(duplicateReason({ id: 1, firstName: 'Mario', lastName: 'Rossi', dateOfBirth: '1985-12-10' }, a)).toBeNull()
    // Two placeholders are not the same person.
    const nd = { firstName: 'A', lastName: 'B', italianFiscalCode: 'NON DISPONIBILE' }
    expect(duplicateReason(nd, { ...nd, firstName: 'C' })).toBeNull()
  })

  it('computes the age in whole years', () => {
    expect(ageOn('1985-12-10', '2026-03-11')).toBe(40)
    expect(ageOn('1985-03-11', '2026-03-11')).toBe(41)
    expect(ageOn(null, '2026-03-11')).toBeNull()
  })
})
