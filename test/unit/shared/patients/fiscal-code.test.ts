import { describe, expect, it } from 'vitest'
import { birthplaceName } from '../../../../shared/patients/birthplaces'
import { checkFiscalCode, decodeFiscalCode, fiscalCheckChar, isValidFiscalCode } from '../../../../shared/patients/fiscal-code'
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

describe('what a valid fiscal code says: birth date, sex, birthplace code', () => {
  const TODAY = '2026-03-11'
  const make = (body: string) => body + fiscalCheckChar(body)

  it('reads the date, the month letter and the birthplace; women have 40 added to the day', () => {
    expect(decodeFiscalCode('RSSMRA85T10A562S', TODAY)).toEqual({ dateOfBirth: '1985-12-10', gender: 'm', birthplaceCode: 'A562' })
    const giulia = sandboxFiscalCode('Giulia', 'Bianchi', 'f', '1990-07-21', 'A944')
    expect(decodeFiscalCode(giulia, TODAY)).toEqual({ dateOfBirth: '1990-07-21', gender: 'f', birthplaceCode: 'A944' })
    // Every month letter, in order.
    'ABCDEHLMPRST'.split('').forEach((m, i) => {
      expect(decodeFiscalCode(make(`BNCGLI90${m}61H501`), TODAY)?.dateOfBirth).toBe(`1990-${String(i + 1).padStart(2, '0')}-21`)
    })
  })

  it('undoes omocodia in the year, the day and the birthplace', () => {
    // 8 5 → U R ; 1 0 → M L ; A 5 6 2 → A R S N
    expect(decodeFiscalCode(make('RSSMRAURTMLARSN'), TODAY)).toEqual({ dateOfBirth: '1985-12-10', gender: 'm', birthplaceCode: 'A562' })
  })

  it('puts the birth in the century that is not in the future', () => {
    expect(decodeFiscalCode(make('RSSMRA25A01H501'), TODAY)?.dateOfBirth).toBe('2025-01-01')
    expect(decodeFiscalCode(make('RSSMRA26D01H501'), TODAY)?.dateOfBirth).toBe('1926-04-01') // April 2026 is still to come
    expect(decodeFiscalCode(make('RSSMRA26C11H501'), TODAY)?.dateOfBirth).toBe('2026-03-11') // born today
    expect(decodeFiscalCode(make('RSSMRA54D60F205'), TODAY)).toEqual({ dateOfBirth: '1954-04-20', gender: 'f', birthplaceCode: 'F205' })
  })

  it('says nothing for an invalid code or a date that does not exist', () => {
    expect(decodeFiscalCode('RSSMRA85T10A562X', TODAY)).toBeNull()
    expect(decodeFiscalCode('NON DISPONIBILE', TODAY)).toBeNull()
    expect(decodeFiscalCode(make('RSSMRA85B30H501'), TODAY)).toBeNull() // 30 February
    expect(decodeFiscalCode(make('RSSMRA85A00H501'), TODAY)).toBeNull()
    expect(decodeFiscalCode(make('RSSMRA85A32H501'), TODAY)).toBeNull()
    expect(decodeFiscalCode(make('RSSMRA85A72H501'), TODAY)).toBeNull() // a woman's 32nd
  })

  it('names the birthplace for the codes it knows, else shows the code', () => {
    expect(birthplaceName('A944')).toBe('Bologna')
    expect(birthplaceName('Z404')).toBe('Z404')
  })
})
