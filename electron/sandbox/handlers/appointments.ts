import { appointmentStates, appointmentTypes } from '../../../shared/alfadocs/schemas'
import { addDaysIso, daysBetween } from '../../../shared/dates'
import { computeFreeSlots } from '../freeSlots'
import { dayOfWeek } from '../seed/appointments'
import type { Appointment, SandboxState } from '../state'
import {
  asObject,
  badRequest,
  optBool,
  optEnum,
  optInt,
  optString,
  queryDay,
  queryEnum,
  queryInt,
  refId,
  reqWall,
  type Body,
} from '../validate'
import { find, nextId, param, type Handlers } from './context'

/** What an appointment created through the API is unless its body says otherwise. */
export const APPOINTMENT_DEFAULTS = {
  patientId: null,
  emailReminder: false,
  smsReminder: false,
  description: '',
  allDay: false,
  type: 'inPractice',
  state: 'confirmed',
  duration: 30,
  chairId: null,
  operatorId: null,
} as const satisfies Partial<Appointment>

/** The API's default appointment window: today → the Sunday of this week + 14 days. */
export function defaultAppointmentEnd(from: string): string {
  const toSunday = (7 - dayOfWeek(from)) % 7
  return addDaysIso(from, toSunday + 14)
}

export function checkRange(start: string, end: string, maxDays: number): void {
  const days = daysBetween(start, end) + 1
  if (days < 1) throw badRequest('dateEnd must not be before dateStart')
  if (days > maxDays) throw badRequest(`The maximum date range is ${maxDays} days`)
}

/** Validates and applies the appointment body fields that were sent. */
function applyBody(state: SandboxState, a: Partial<Appointment>, b: Body): void {
  a.date = reqWall(b, 'date')
  a.colorId = refId(b, 'colorId', state.colors, true)!
  const patientId = refId(
    b,
    'patientId',
    state.patients.filter((p) => !p.deleted),
    false,
  )
  if (patientId !== undefined) a.patientId = patientId
  const chairId = refId(b, 'chairId', state.chairs, false)
  if (chairId !== undefined) a.chairId = chairId
  const operatorId = refId(b, 'operatorId', state.operators, false)
  if (operatorId !== undefined) a.operatorId = operatorId
  const st = optEnum(b, 'state', appointmentStates)
  if (st) a.state = st
  const type = optEnum(b, 'type', appointmentTypes)
  if (type) a.type = type
  const duration = optInt(b, 'duration')
  if (duration != null) {
    if (duration < 1 || duration > 1440) throw badRequest('"duration" must be between 1 and 1440 minutes')
    a.duration = duration
  }
  for (const k of ['allDay', 'emailReminder', 'smsReminder'] as const) {
    const v = optBool(b, k)
    if (v !== undefined) a[k] = v
  }
  const description = optString(b, 'description')
  if (description !== undefined) a.description = description
}

export const appointmentHandlers: Handlers = {
  appointmentsList: ({ state, query }) => {
    const qs = queryDay(query, 'dateStart')
    const qe = queryDay(query, 'dateEnd')
    const start = qs ?? (qe && daysBetween(state.today, qe) < 0 ? qe : state.today)
    const end = qe ?? defaultAppointmentEnd(start)
    checkRange(start, end, 30)
    const st = queryEnum(query, 'state', appointmentStates)
    const patientId = queryInt(query, 'patientId')
    return state.appointments
      .filter((a) => {
        const day = a.date.slice(0, 10)
        return day >= start && day <= end && (!st || a.state === st) && (patientId === undefined || a.patientId === patientId)
      })
      .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.id - y.id))
  },
  appointmentGet: (ctx) => find(ctx.state.appointments, param(ctx, 'appointmentId'), 'Appointment'),
  appointmentCreate: ({ state, body }) => {
    const a: Partial<Appointment> = { ...APPOINTMENT_DEFAULTS }
    applyBody(state, a, asObject(body))
    const created = {
      id: nextId(state),
      ...a,
      createdThroughBooking: false,
      createdThroughApi: true,
      firstVisit: 'no',
      carePlanId: null,
    } as Appointment
    state.appointments.push(created)
    return created
  },
  appointmentUpdate: (ctx) => {
    const a = find(ctx.state.appointments, param(ctx, 'appointmentId'), 'Appointment')
    const draft: Partial<Appointment> = {}
    applyBody(ctx.state, draft, asObject(ctx.body)) // validate everything before changing anything
    Object.assign(a, draft)
    return a
  },
  appointmentCarePlanEntries: (ctx) => {
    const a = find(ctx.state.appointments, param(ctx, 'appointmentId'), 'Appointment')
    return ctx.state.carePlanEntries.filter((e) => e.appointmentId === a.id)
  },
  freeSlotsList: ({ state, query }) => {
    const raw = query.get('startDate')
    if (!raw) throw badRequest('"startDate" is required')
    const startDate = queryDay(query, 'startDate')!
    const startMinutes = raw.length > 10 ? Number(raw.slice(11, 13)) * 60 + Number(raw.slice(14, 16)) : 0
    const endDate = queryDay(query, 'endDate') ?? addDaysIso(startDate, 6)
    checkRange(startDate, endDate, 31)
    const duration = queryInt(query, 'duration')
    if (duration === undefined) throw badRequest('"duration" is required')
    if (duration < 5 || duration > 660) throw badRequest('"duration" must be between 5 and 660 minutes')
    const opsRaw = query.get('operatorIds')
    let operatorIds: number[] | undefined
    if (opsRaw) {
      const parts = opsRaw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
      if (parts.some((p) => !/^\d+$/.test(p))) throw badRequest('"operatorIds" must be a comma-separated list of ids')
      operatorIds = parts.map(Number)
    }
    return computeFreeSlots(state, { startDate, startMinutes, endDate, duration, operatorIds })
  },
}
