import { describe, expect, it } from 'vitest'
import { addDaysIso } from '../../../../../shared/dates'
import { clockTime, dayMonth, euro, longDate, shortDate, syncTime } from '../../../../../renderer/src/lib/format'

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

  it('writes the long date as Intl does for it-IT and en-GB, every day of three years', () => {
    expect(longDate('2026-03-11', 'it')).toBe('Mercoledì 11 marzo 2026')
    expect(longDate('2026-12-01', 'en')).toBe('Tuesday, 1 December 2026')
    const intl = (day: string, tag: string) => {
      const s = new Intl.DateTimeFormat(tag, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
        new Date(`${day}T12:00:00Z`),
      )
      return s.charAt(0).toUpperCase() + s.slice(1)
    }
    for (let day = '2027-12-25', n = 0; n < 3 * 366; n++, day = addDaysIso(day, -1)) {
      expect(longDate(day, 'it')).toBe(intl(day, 'it-IT'))
      expect(longDate(day, 'en')).toBe(intl(day, 'en-GB'))
    }
  })

  it("writes times and day-months as Intl does for it-IT and en-GB (this computer's clock), every 7 minutes of a year", () => {
    const formats = ['it-IT', 'en-GB'].map((tag) => ({
      time: new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit' }),
      day: new Intl.DateTimeFormat(tag, { day: '2-digit', month: '2-digit' }),
    }))
    // expect() only where the two differ: 300 000 expects would cost seconds on a busy machine.
    let compared = 0
    for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 7 * 60_000 + 13_000) {
      for (const f of formats) {
        const [time, day] = [clockTime(ms), dayMonth(ms)]
        if (time !== f.time.format(ms) || day !== f.day.format(ms))
          expect({ ms, time, day }).toEqual({ ms, time: f.time.format(ms), day: f.day.format(ms) })
        compared++
      }
    }
    expect(compared).toBeGreaterThan(140_000)
    const at = new Date(2026, 2, 10, 9, 41).getTime()
    expect(syncTime(at, new Date(2026, 2, 10, 18, 0).getTime())).toBe('09:41')
    expect(syncTime(at, new Date(2026, 2, 11, 8, 0).getTime())).toBe('10/03 09:41')
  })
})
