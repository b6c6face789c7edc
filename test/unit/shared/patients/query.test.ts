import { describe, expect, it } from 'vitest'
import { filtersFor, normalisePhone, parseBirthDate, parsePatientQuery } from '../../../../shared/patients/query'

describe('the patient search query parser', () => {
  it('reads "rossi ma" as last name then first name, folding case and accents', () => {
    const q = parsePatientQuery('  Rossi   Ma ')
    expect(q).toEqual({
      kind: 'name',
      splits: [
        { lastName: 'rossi', firstName: 'ma' },
        { lastName: 'rossi ma', firstName: '' },
      ],
    })
    expect(filtersFor(q)).toEqual({ lastName: 'rossi', firstName: 'ma' })
    expect(filtersFor(q, 1)).toEqual({ lastName: 'rossi ma' })
    expect(filtersFor(q, 2)).toBeNull()
    expect(parsePatientQuery('Niccolò')).toEqual({ kind: 'name', splits: [{ lastName: 'niccolo', firstName: '' }] })
  })

  it('offers every split of a compound last name', () => {
    const q = parsePatientQuery('de luca ma')
    expect(q.kind === 'name' && q.splits.map((s) => s.lastName)).toEqual(['de', 'de luca', 'de luca ma'])
    expect(filtersFor(q, 1)).toEqual({ lastName: 'de luca', firstName: 'ma' })
  })

  it('normalises phone numbers with +39 / 0039 and separators to the 0039 prefix', () => {
    for (const s of ['+39 333 123 4567', '0039 333-123-4567', '+393331234567', '(+39) 333.123.4567']) {
      expect(parsePatientQuery(s)).toEqual({ kind: 'phone', prefix: '0039', number: '3331234567' })
    }
    expect(filtersFor(parsePatientQuery('+39 333 1234567'))).toEqual({ phoneNumberPrefix: '0039', phoneNumber: '3331234567' })
    expect(parsePatientQuery('051 123456')).toEqual({ kind: 'phone', prefix: null, number: '051123456' })
    expect(filtersFor(parsePatientQuery('333 12'))).toEqual({ phoneNumber: '33312' })
    expect(normalisePhone('+39')).toBeNull()
    expect(normalisePhone('12')).toBeNull()
  })

  it('recognises a 16-character fiscal code (format checked, spaces and case ignored), including omocodia', () => {
    expect(parsePatientQuery('rssmra85t10a562s')).toEqual({ kind: 'fiscalCode', code: 'RSSMRA85T10A562S' })
    expect(parsePatientQuery('RSS MRA 85T10 A562S')).toEqual({ kind: 'fiscalCode', code: 'RSSMRA85T10A562S' })
    expect(parsePatientQuery('RSSMRA8RT10A562S').kind).toBe('fiscalCode')
    // 16 letters is a name, not a code; a bad month letter is not a code either.
    expect(parsePatientQuery('rossimariagiulia').kind).toBe('name')
    expect(parsePatientQuery('RSSMRA85Z10A562S').kind).not.toBe('fiscalCode')
    expect(filtersFor(parsePatientQuery('RSSMRA85T10A562S'))).toEqual({ italianFiscalCode: 'RSSMRA85T10A562S' })
  })

  it('reads birth dates as dd/mm/yyyy or yyyy-mm-dd, rejecting impossible ones', () => {
    expect(parsePatientQuery('05/03/1980')).toEqual({ kind: 'date', dateBirth: '1980-03-05' })
    expect(parsePatientQuery('5.3.1980')).toEqual({ kind: 'date', dateBirth: '1980-03-05' })
    expect(parsePatientQuery('1980-03-05')).toEqual({ kind: 'date', dateBirth: '1980-03-05' })
    expect(parseBirthDate('29/02/2001')).toBeNull()
    expect(parseBirthDate('29/02/2000')).toBe('2000-02-29')
    expect(parseBirthDate('31/04/1990')).toBeNull()
    expect(filtersFor(parsePatientQuery('05/03/1980'))).toEqual({ dateBirth: '1980-03-05' })
  })

  it('reads e-mail addresses, and nothing from an empty box', () => {
    expect(parsePatientQuery('Mario.Rossi@Example.it')).toEqual({ kind: 'email', email: 'mario.rossi@example.it' })
    expect(parsePatientQuery('   ')).toEqual({ kind: 'empty' })
    expect(filtersFor(parsePatientQuery(''))).toEqual({})
  })
})
