import type { AppointmentState } from '../../../shared/alfadocs/schemas'
import { addDaysIso, formatWall } from '../../../shared/dates'
import type { Rng } from '../rng'
import type { Appointment, Patient } from '../state'
import { bookingReasons, chairs, operators, reasonWeights, specialtyColor } from './reference'

export const dayOfWeek = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay() // 0 = Sunday

/** The demo clock on "today": appointments before this are done, around it in care/waiting. */
export const DEMO_NOW_MINUTES = 11 * 60

const OPEN = 8 * 60
const CLOSE = 19 * 60
const SATURDAY_CLOSE = 13 * 60
const pastStates: Array<[AppointmentState, number]> = [
  ['done', 0.8],
  ['absent', 0.07],
  ['cancelled', 0.13],
]

function weighted<T>(rng: Rng, items: Array<[T, number]>): T {
  const total = items.reduce((s, [, w]) => s + w, 0)
  let r = rng.next() * total
  for (const [v, w] of items) if ((r -= w) < 0) return v
  return items[items.length - 1]![0]
}

const reasonItems = bookingReasons.map((r, i) => [r, reasonWeights[i] ?? 1] as [typeof r, number])

export function seedAppointments(rng: Rng, today: string, patients: Patient[]): Appointment[] {
  const active = patients.filter((p) => !p.deleted)
  const activeChairs = chairs.filter((c) => !c.deleted)
  const out: Appointment[] = []
  let id = 600001

  const make = (day: string, start: number, duration: number, chairId: number | null, over: Partial<Appointment> = {}): Appointment => {
    const reason = weighted(rng, reasonItems)
    const operatorId = rng.pick(reason.operatorIds)
    const a: Appointment = {
      id: id++,
      date: formatWall(day, start),
      patientId: rng.pick(active).id,
      emailReminder: rng.chance(0.5),
      smsReminder: rng.chance(0.15) ? 'true' : rng.chance(0.8),
      description: reason.description,
      allDay: rng.chance(0.1) ? 'false' : false,
      type: reason.description === 'Visita di controllo' && rng.chance(0.1) ? 'telehealth' : 'inPractice',
      state: 'confirmed',
      duration: rng.chance(0.2) ? String(duration) : duration,
      colorId: specialtyColor[reason.specialtyId] ?? 85661,
      chairId,
      operatorId,
      createdThroughBooking: rng.chance(0.1),
      createdThroughApi: rng.chance(0.05) ? 'true' : false,
      firstVisit: reason.description === 'Prima visita' ? 'yes' : 'no',
      carePlanId: null,
      ...over,
    }
    out.push(a)
    return a
  }
  const block = (day: string, start: number, duration: number, chairId: number | null, description: string) =>
    make(day, start, duration, chairId, {
      patientId: null,
      description,
      operatorId: null,
      colorId: 85669,
      firstVisit: 'no',
      smsReminder: false,
      emailReminder: false,
    })

  for (let d = -22; d <= 22; d++) {
    const day = addDaysIso(today, d)
    const dow = dayOfWeek(day)
    const isToday = d === 0
    if (dow === 0 && !isToday) continue
    const saturday = dow === 6 && !isToday
    const dayChairs = saturday ? activeChairs.slice(0, 2) : activeChairs
    const close = saturday ? SATURDAY_CLOSE : CLOSE
    const dayStart = out.length

    for (const chair of dayChairs) {
      let t = OPEN + (isToday ? 0 : rng.pick([0, 0, 15, 30]))
      while (t < close) {
        if (!isToday && !saturday && t >= 13 * 60 && t < 14 * 60 && rng.chance(0.7)) {
          t = 14 * 60
          continue
        }
        const dur = isToday ? rng.pick([15, 20, 30, 30, 30, 45]) : Math.min(120, rng.pick([15, 20, 30, 30, 45, 45, 60, 60, 90, 120]))
        if (t + dur > close) break
        if (rng.chance(0.03)) block(day, t, dur, chair.id, rng.pick(['Riunione', 'Manutenzione poltrona', 'Sterilizzazione']))
        else make(day, t, dur, chair.id)
        t += dur + (isToday ? (rng.chance(0.75) ? 0 : 5) : rng.pick([0, 0, 5, 10, 15, 30]))
      }
    }
    if (isToday) {
      // Double bookings, so the agenda shows overlaps, and enough to be a busy day whatever the date.
      while (out.length - dayStart < 112) {
        const chair = rng.pick(activeChairs)
        make(day, OPEN + 5 * rng.int(0, (CLOSE - OPEN - 60) / 5), rng.pick([15, 20, 30]), chair.id)
      }
      block(day, 13 * 60, 30, null, 'Riunione di staff')
    }

    for (let i = dayStart; i < out.length; i++) {
      const a = out[i]!
      if (d < 0) a.state = weighted(rng, pastStates)
      else if (d > 0) a.state = rng.chance(0.06) ? 'cancelled' : 'confirmed'
      else a.state = todayState(rng, a)
    }
    if (isToday) ensureAllStates(out.slice(dayStart))
  }

  // All-day entries without a patient.
  const allDay = (d: number, description: string, operatorId: number) => {
    const day = addDaysIso(today, d)
    make(day, 0, 1440, null, {
      allDay: true,
      patientId: null,
      description,
      operatorId,
      state: d < 0 ? 'done' : 'confirmed',
      colorId: 85669,
    })
  }
  allDay(-12, 'Ferie', operators[2]!.id)
  allDay(9, 'Corso di aggiornamento', operators[4]!.id)
  allDay(16, 'Congresso SIDO', operators[2]!.id)

  // The dismissed chair still holds a couple of past appointments.
  const dismissed = chairs.find((c) => c.deleted)!
  for (const d of [-21, -19]) {
    const day = addDaysIso(today, d)
    if (dayOfWeek(day) !== 0) make(day, 9 * 60, 45, dismissed.id, { state: 'done' })
    else make(addDaysIso(day, 1), 9 * 60, 45, dismissed.id, { state: 'done' })
  }
  return out
}

function todayState(rng: Rng, a: Appointment): AppointmentState {
  const start = Number(a.date.slice(11, 13)) * 60 + Number(a.date.slice(14, 16))
  const end = start + Number(a.duration)
  if (rng.chance(0.06)) return 'cancelled'
  if (end <= DEMO_NOW_MINUTES) return rng.chance(0.1) ? 'absent' : 'done'
  if (start <= DEMO_NOW_MINUTES) return 'in_care'
  if (start < DEMO_NOW_MINUTES + 45) return rng.chance(0.6) ? 'waiting' : 'confirmed'
  return 'confirmed'
}

function ensureAllStates(day: Appointment[]): void {
  const states: AppointmentState[] = ['confirmed', 'waiting', 'in_care', 'done', 'absent', 'cancelled']
  const withPatient = day.filter((a) => a.patientId != null)
  states.forEach((s, i) => {
    if (!day.some((a) => a.state === s)) {
      const victim = withPatient[(i * 7) % withPatient.length]
      if (victim) victim.state = s
    }
  })
}
