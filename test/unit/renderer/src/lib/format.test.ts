import { describe, expect, it } from 'vitest'
import { euro, shortDate } from '../../../../../renderer/src/lib/format'

// Spaces in Intl output may be narrow or non-breaking: compare with plain ones.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ')

describe('amounts and dates as the desk reads them', () => {
  it('groups thousands in every amount, four digits too (Italian alone would not)', () => {
    expect(plain(euro(189000, 'it'))).toBe('1.890,00 €')
    expect(plain(euro(1250000, 'it'))).toBe('12.500,00 €')
    expect(plain(euro(99950, 'it'))).toBe('999,50 €')
    expect(plain(euro(-189000, 'it'))).toBe('-1.890,00 €')
    expect(euro(189000, 'en')).toBe('€1,890.00')
  })

  it('writes dates day first', () => {
    expect(shortDate('1954-04-20')).toBe('20/04/1954')
    expect(shortDate('2026-03-11T09:30:00')).toBe('11/03/2026')
    expect(shortDate(null)).toBe('')
  })
})
