import { describe, expect, it } from 'vitest'
import { CallsStore } from '../../electron/main/services/lists/calls-store'
import type { AsapRow, ConfirmationRow, FollowUpRow } from '../../shared/contract/lists'
import { addDaysIso } from '../../shared/dates'
import { nextWorkingDay } from '../../shared/lists/working-days'
import { useDemoApp } from '../support/demo-app'

// The call lists against the demo sandbox over real HTTP: what AlfaDocs holds decides every row.

const TODAY = '2026-03-11'
const NOW = `${TODAY} 09:00:00`
const demo = useDemoApp('lists', TODAY)
const state = () => demo.sandbox.state

describe('call lists', () => {
  it("Conferme: the next working day's booked appointments by time, phones dialable, blocked time and cancellations left out", async () => {
    const day = nextWorkingDay(TODAY)
    const { rows } = await demo.call<{ rows: ConfirmationRow[] }>('listsConfirmations', { date: day })
    const expected = state()
      .appointments.filter((a) => a.date.startsWith(day) && a.patientId != null && a.state !== 'cancelled' && String(a.allDay) !== 'true')
      .map((a) => a.id)
      .sort((x, y) => x - y)
    expect(rows.map((r) => r.appointment.id).sort((x, y) => x - y)).toEqual(expected)
    expect(rows.map((r) => r.appointment.date)).toEqual([...rows.map((r) => r.appointment.date)].sort())
    const withPhone = rows.find((r) => (r.patient?.phones.length ?? 0) > 0)!
    expect(withPhone.patient!.phones[0]!.tel).toMatch(/^\+?\d{6,}$/)
  })

  it('a call outcome is on disk in main and shared by every desk of this computer', async () => {
    const day = nextWorkingDay(TODAY)
    const { rows } = await demo.call<{ rows: ConfirmationRow[] }>('listsConfirmations', { date: day })
    const id = rows[0]!.appointment.id
    const set = await demo.call<{ at: number }>('listsConfirmationSet', { appointmentId: id, outcome: 'no-answer' })
    expect(set.at).toBeGreaterThan(0)
    const again = await demo.call<{ rows: ConfirmationRow[] }>('listsConfirmations', { date: day })
    expect(again.rows.find((r) => r.appointment.id === id)!.outcome).toBe('no-answer')
    const other = new CallsStore(demo.dataDir)
    const key = `${demo.sandbox.practiceId}:${demo.sandbox.archiveId}`
    expect((await other.read(key)).outcomes[id]).toMatchObject({ outcome: 'no-answer' })
    await demo.call('listsConfirmationSet', { appointmentId: id, outcome: null })
    expect((await new CallsStore(demo.dataDir).read(key)).outcomes[id]).toBeUndefined()
  })

  it('Da richiamare: a cancelled or absent visit and nothing to come; a booked visit takes the patient off', async () => {
    const { rows, from } = await demo.call<{ rows: FollowUpRow[]; from: string }>('listsFollowUps', { now: NOW })
    expect(from).toBe(addDaysIso(TODAY, -29))
    expect(rows.length).toBeGreaterThan(0)
    for (const r of rows) {
      expect(['cancelled', 'absent']).toContain(r.missed.state)
      expect(r.missed.date >= from).toBe(true)
      const ahead = state().appointments.filter(
        (a) => a.patientId === r.patient.id && a.date >= NOW && a.state !== 'cancelled' && a.state !== 'absent',
      )
      expect(ahead).toEqual([])
    }
    const first = rows[0]!
    const contacted = await demo.call<{ contactedAt: number }>('listsFollowUpContacted', { patientId: first.patient.id, contacted: true })
    expect(contacted.contactedAt).toBeGreaterThan(0)
    // Book the patient a visit next month: off the list.
    const a = state().appointments.find((x) => x.date.startsWith(addDaysIso(TODAY, 7)))!
    state().appointments.push({
      ...a,
      id: 990001,
      patientId: first.patient.id,
      date: `${addDaysIso(TODAY, 40)} 10:00:00`,
      state: 'confirmed',
    })
    const after = await demo.call<{ rows: FollowUpRow[] }>('listsFollowUps', { now: NOW })
    expect(after.rows.map((r) => r.patient.id)).not.toContain(first.patient.id)
    expect(after.rows.find((r) => r.patient.id === rows[1]?.patient.id)?.contactedAt ?? null).toBeNull()
  })

  it('Anticipi: the patients the chosen checkbox flags (AlfaDocs spells yes many ways), with their next visit; a freed slot is offered to who fits', async () => {
    expect((await demo.call<{ field: string | null }>('listsAsap', { now: NOW })).field).toBeNull()
    // The demo seeds a "Vuole anticipare" checkbox, checked as true, '1' or 'true' (and '0' or false unchecked).
    const yes = (v: unknown) => v === true || v === '1' || v === 'true' || v === 1
    const horizon = `${addDaysIso(TODAY, 90)}`
    const comingUp = (id: number) =>
      state().appointments.some(
        (a) =>
          a.patientId === id &&
          a.date >= NOW &&
          a.date < horizon &&
          a.state !== 'cancelled' &&
          a.state !== 'absent' &&
          String(a.allDay) !== 'true',
      )
    const flagged = state()
      .patients.filter((p) => !p.deleted && yes(p._anticipo) && comingUp(p.id))
      .map((p) => p.id)
    expect(flagged.length).toBeGreaterThan(0)
    expect(state().patients.some((p) => p._anticipo === '0' && comingUp(p.id))).toBe(true)
    await demo.call('settingsUpdate', { asapField: 'anticipo' })
    const { rows, fieldLabel } = await demo.call<{ rows: AsapRow[]; fieldLabel: string }>('listsAsap', { now: NOW })
    expect(fieldLabel).toBe('Vuole anticipare')
    expect(rows.map((r) => r.patient.id).sort()).toEqual([...flagged].sort())
    for (const r of rows) {
      const next = state()
        .appointments.filter((a) => a.patientId === r.patient.id && a.date >= NOW && a.state !== 'cancelled' && a.state !== 'absent')
        .sort((x, y) => (x.date < y.date ? -1 : 1))[0]!
      expect(r.appointment.id).toBe(next.id)
    }
    const target = rows[rows.length - 1]!
    const offered = await demo.call<AsapRow[]>('listsAsapForSlot', {
      now: NOW,
      date: `${TODAY} 15:00:00`,
      duration: 240,
      operatorId: target.appointment.operatorId,
    })
    expect(offered.length).toBeGreaterThan(0)
    expect(offered[0]!.appointment.operatorId).toBe(target.appointment.operatorId)
    expect(offered.every((r) => r.appointment.date > `${TODAY} 15:00:00`)).toBe(true)
    const tooShort = await demo.call<AsapRow[]>('listsAsapForSlot', { now: NOW, date: `${TODAY} 15:00:00`, duration: 5, operatorId: null })
    expect(tooShort.every((r) => r.appointment.duration <= 5)).toBe(true)
  })

  it('refuses a malformed slot at the door, sending nothing', async () => {
    const before = demo.sandbox.requestLog.length
    await expect(demo.call('listsAsapForSlot', { now: NOW, date: 'tomorrow', duration: 30, operatorId: null })).rejects.toMatchObject({
      kind: 'invalid',
    })
    await expect(demo.call('listsConfirmationSet', { appointmentId: 1, outcome: 'maybe' })).rejects.toMatchObject({ kind: 'invalid' })
    expect(demo.sandbox.requestLog.length).toBe(before)
  })
})
