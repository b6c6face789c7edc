import { TZDate } from '@date-fns/tz'
import { addDays, format, parseISO } from 'date-fns'
import { describe, expect, it } from 'vitest'
import { addDaysIso, nowMinutesIn, todayIn } from '../../../shared/dates'

// Today, the minute of the day and day arithmetic, without Intl for the practice's zone: held to what
// @date-fns/tz (Intl's time-zone data) and date-fns say.

const viaIntl = (ms: number, tz = 'Europe/Rome') => {
  const d = new TZDate(ms, tz)
  return { day: format(d, 'yyyy-MM-dd'), minutes: d.getHours() * 60 + d.getMinutes() }
}
const ours = (ms: number, tz = 'Europe/Rome') => ({ day: todayIn(tz, new Date(ms)), minutes: nowMinutesIn(tz, new Date(ms)) })

describe('practice dates', () => {
  it('today and the minute in Rome read as Intl says, every 3 h 37 min from 1996 to 2040', () => {
    let compared = 0
    for (let ms = Date.UTC(1996, 0, 1); ms < Date.UTC(2040, 0, 1); ms += 217 * 60_000) {
      const [a, b] = [ours(ms), viaIntl(ms)]
      if (a.day !== b.day || a.minutes !== b.minutes)
        expect({ at: new Date(ms).toISOString(), ...a }).toEqual({ at: new Date(ms).toISOString(), ...b })
      compared++
    }
    expect(compared).toBeGreaterThan(100_000)
  })

  it('every minute around each change of the clocks (2020–2035), and seconds either side of the change', () => {
    for (let y = 2020; y <= 2035; y++) {
      for (const month of [2, 9]) {
        const last = Date.UTC(y, month + 1, 0)
        const change = last - new Date(last).getUTCDay() * 86_400_000 + 3_600_000
        for (let ms = change - 3 * 3_600_000; ms <= change + 3 * 3_600_000; ms += 60_000) expect(ours(ms)).toEqual(viaIntl(ms))
        for (const ms of [change - 1, change, change + 1]) expect(ours(ms)).toEqual(viaIntl(ms))
      }
    }
  })

  it('other zones still go to Intl', () => {
    for (const ms of [Date.UTC(2026, 2, 29, 0, 30), Date.UTC(2026, 11, 1, 23, 30)])
      for (const tz of ['America/New_York', 'Asia/Tokyo', 'UTC']) expect(ours(ms, tz)).toEqual(viaIntl(ms, tz))
  })

  it('adds calendar days as date-fns does, across months, years, leap days and the clock changes', () => {
    for (let day = '1999-12-25'; day < '2031-01-10'; day = addDaysIso(day, 3))
      for (const n of [-400, -31, -1, 0, 1, 7, 29, 366])
        expect({ day, n, is: addDaysIso(day, n) }).toEqual({ day, n, is: format(addDays(parseISO(day), n), 'yyyy-MM-dd') })
    expect(addDaysIso('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDaysIso('2026-03-29', 1)).toBe('2026-03-30')
    // Not a day: as before (date-fns' error).
    expect(() => addDaysIso('2026-02-30', 1)).toThrow()
    expect(() => addDaysIso('oggi', 1)).toThrow()
  })
})
