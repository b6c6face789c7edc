import { inflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { appointmentStates } from '../../../../../shared/alfadocs/schemas'
import { addDaysIso } from '../../../../../shared/dates'
import { crc32, xrayPng } from '../../../../../electron/sandbox/png'
import { buildState } from '../../../../../electron/sandbox/seed'
import { dayOfWeek } from '../../../../../electron/sandbox/seed/appointments'
import { fiscalCode, isValidFiscalCode } from '../../../../../electron/sandbox/seed/fiscalCode'

const TODAY = '2026-03-16' // a Monday
const SUNDAY = '2026-03-15'

describe('sandbox seed', () => {
  it('is deterministic for the same seed and day, and differs for another seed', () => {
    const a = JSON.stringify(buildState(20260101, TODAY))
    expect(JSON.stringify(buildState(20260101, TODAY))).toBe(a)
    expect(JSON.stringify(buildState(7, TODAY))).not.toBe(a)
  })

  it('has 500+ patients with Italian names, including accents and apostrophes', () => {
    const s = buildState(20260101, TODAY)
    const active = s.patients.filter((p) => !p.deleted)
    expect(active.length).toBeGreaterThanOrEqual(500)
    expect(active.some((p) => /['àèéìòù]/.test(p.firstName + p.lastName))).toBe(true)
    expect(s.patients.some((p) => p.deleted)).toBe(true)
  })

  it.each([TODAY, SUNDAY, '2026-08-15'])('makes %s a busy day with every appointment state', (today) => {
    const s = buildState(20260101, today)
    const todays = s.appointments.filter((a) => a.date.startsWith(today))
    expect(todays.length).toBeGreaterThanOrEqual(100)
    for (const st of appointmentStates)
      expect(
        todays.some((a) => a.state === st),
        st,
      ).toBe(true)
  })

  it('spreads appointments over today-22..today+22 on a 5-minute grid, Sundays empty, Saturdays light', () => {
    const s = buildState(20260101, TODAY)
    const first = addDaysIso(TODAY, -22)
    const last = addDaysIso(TODAY, 22)
    const perDay = new Map<string, number>()
    for (const a of s.appointments) {
      const day = a.date.slice(0, 10)
      expect(day >= first && day <= last).toBe(true)
      expect(Number(a.date.slice(14, 16)) % 5).toBe(0)
      if (a.allDay !== true) {
        expect(Number(a.duration)).toBeGreaterThanOrEqual(15)
        expect(Number(a.duration)).toBeLessThanOrEqual(120)
      }
      perDay.set(day, (perDay.get(day) ?? 0) + 1)
    }
    for (const [day, n] of perDay) {
      if (dayOfWeek(day) === 0 && day !== TODAY) expect(n, day).toBeLessThanOrEqual(1) // only an all-day entry may fall there
    }
    const sat = [...perDay].filter(([d]) => dayOfWeek(d) === 6).map(([, n]) => n)
    const wed = [...perDay].filter(([d]) => dayOfWeek(d) === 3).map(([, n]) => n)
    expect(Math.max(...sat)).toBeLessThan(Math.min(...wed))
    expect(s.appointments.some((a) => a.patientId === null && a.description === 'Riunione di staff')).toBe(true)
    expect(s.appointments.some((a) => a.allDay === true)).toBe(true)
    expect(s.appointments.some((a) => typeof a.duration === 'string')).toBe(true)
    const dismissed = s.chairs.find((c) => c.deleted)!
    expect(s.appointments.filter((a) => a.chairId === dismissed.id).length).toBeGreaterThanOrEqual(2)
  })

  it('computes valid fiscal codes (and keeps a few placeholders)', () => {
    expect(fiscalCode('Mario', 'Rossi', 'm', '1985-12-10', 'A562')).toBe('RSSMRA85T10A562S')
    expect(isValidFiscalCode('RSSMRA85T10A562S')).toBe(true)
    expect(isValidFiscalCode('RSSMRA85T10A562T')).toBe(false)
    const s = buildState(20260101, TODAY)
    const codes = s.patients.filter((p) => !p.deleted).map((p) => String(p.italianFiscalCode))
    expect(codes.filter((c) => c === 'NON DISPONIBILE').length).toBeGreaterThan(0)
    for (const c of codes.filter((c) => c !== 'NON DISPONIBILE')) expect(isValidFiscalCode(c), c).toBe(true)
    for (const o of s.operators) expect(isValidFiscalCode(o.italianFiscalCode), o.name).toBe(true)
  })

  it('emits dateBirth, sometimes dateOfBirth, and the PHP zero date', () => {
    const s = buildState(20260101, TODAY)
    expect(s.patients.filter((p) => typeof p.dateBirth === 'string' && /^\d{4}-/.test(p.dateBirth)).length).toBeGreaterThan(300)
    expect(s.patients.some((p) => typeof p.dateOfBirth === 'string')).toBe(true)
    expect(s.patients.some((p) => p.dateBirth === '-0001-11-30')).toBe(true)
  })

  it('has the practice configuration the front desk needs', () => {
    const s = buildState(20260101, TODAY)
    expect(s.practice.practiceName).toBe('Studio Dentistico Demo — Bologna')
    expect(s.chairs.filter((c) => !c.deleted).map((c) => c.name)).toEqual([
      'Poltrona 1',
      'Poltrona 2',
      'Poltrona 3',
      'Poltrona 4',
      'Poltrona 5',
    ])
    expect(s.chairs.filter((c) => c.deleted)).toHaveLength(1)
    expect(s.colors.length).toBeGreaterThanOrEqual(8)
    for (const c of s.colors) expect(c.backgroundColor + c.textColor).toMatch(/^[0-9a-f]{12}$/)
    expect(s.operators.filter((o) => !o.deleted)).toHaveLength(5)
    expect(s.bills.map((b) => b.type)).toEqual(expect.arrayContaining(['full', 'partial', 'credit', 'proforma']))
    expect(s.bills.map((b) => b.direction)).toEqual(expect.arrayContaining(['incoming', 'outgoing']))
    expect(s.liabilities.every((l) => /^\d+\.\d{2}$/.test(l.amount))).toBe(true)
    expect(s.carePlans.some((c) => c.isSigned)).toBe(true)
    expect(s.documents.map((d) => d.folderName)).toEqual(expect.arrayContaining(['Radiografie', 'Immagini', 'Documenti']))
  })
})

describe('generated PNG', () => {
  it('is a valid 64x64 greyscale PNG with correct CRCs', () => {
    const png = xrayPng(1)
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    let off = 8
    const types: string[] = []
    let idat = Buffer.alloc(0)
    while (off < png.length) {
      const len = png.readUInt32BE(off)
      const typeAndData = png.subarray(off + 4, off + 8 + len)
      expect(png.readUInt32BE(off + 8 + len)).toBe(crc32(typeAndData))
      const type = typeAndData.subarray(0, 4).toString('ascii')
      types.push(type)
      if (type === 'IHDR') expect([typeAndData.readUInt32BE(4), typeAndData.readUInt32BE(8)]).toEqual([64, 64])
      if (type === 'IDAT') idat = Buffer.concat([idat, typeAndData.subarray(4)])
      off += 12 + len
    }
    expect(types).toEqual(['IHDR', 'IDAT', 'IEND'])
    expect(inflateSync(idat).length).toBe(65 * 64)
  })
})
