import { describe, expect, it } from 'vitest'
import { addDaysIso } from '../../../../shared/dates'
import { contract, RANGE_CAPS, RANGE_CODE } from '../../../../shared/contract'

// The date ranges the page may ask for in one call are capped in the contract, so the door refuses a long
// one before any request (each 30/31 days is one AlfaDocs request of the practice's shared budget).

const from = '2026-01-01'
const days = (n: number) => ({ from, to: addDaysIso(from, n - 1) })
const parse = (c: 'appointmentsRange' | 'billsList', input: object) => contract[c].input.safeParse(input)
const refusalCodes = (r: ReturnType<typeof parse>) =>
  r.success ? [] : r.error.issues.map((i) => (i as { params?: { code?: string } }).params?.code)

describe('range caps', () => {
  it('agenda appointments: at most 62 days; one patient: at most 366', () => {
    expect(parse('appointmentsRange', days(RANGE_CAPS.appointments)).success).toBe(true)
    const over = parse('appointmentsRange', days(RANGE_CAPS.appointments + 1))
    expect(over.success).toBe(false)
    expect(refusalCodes(over)).toContain(RANGE_CODE)
    expect(parse('appointmentsRange', { ...days(RANGE_CAPS.patientAppointments), patientId: 7 }).success).toBe(true)
    expect(parse('appointmentsRange', { ...days(RANGE_CAPS.patientAppointments + 1), patientId: 7 }).success).toBe(false)
  })

  it('bills: at most 366 days, with or without a patient or a care plan', () => {
    expect(RANGE_CAPS.bills).toBe(366)
    for (const extra of [{}, { patientId: 7 }, { carePlanId: 3 }]) {
      expect(parse('billsList', { ...days(366), ...extra }).success).toBe(true)
      const over = parse('billsList', { ...days(367), ...extra })
      expect(refusalCodes(over)).toContain(RANGE_CODE)
    }
  })

  it('a single day is one day; an upside-down range is refused (without the range code)', () => {
    expect(parse('appointmentsRange', { from, to: from }).success).toBe(true)
    const upside = parse('appointmentsRange', { from, to: addDaysIso(from, -1) })
    expect(upside.success).toBe(false)
    expect(refusalCodes(upside)).not.toContain(RANGE_CODE)
  })

  it('dates must be real calendar days', () => {
    expect(parse('billsList', { from: '2026-02-30', to: '2026-03-01' }).success).toBe(false)
    expect(parse('billsList', { from: '2026-13-01', to: '2026-13-02' }).success).toBe(false)
    expect(contract.takingsDay.input.safeParse({ date: '2026-02-29' }).success).toBe(false)
    expect(contract.takingsDay.input.safeParse({ date: '2028-02-29' }).success).toBe(true)
  })
})
