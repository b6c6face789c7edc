import { z } from 'zod'
import { seenOf } from './values'
import {
  appointmentSchema,
  appointmentStates,
  appointmentTypes,
  bookingReasonSchema,
  chairSchema,
  colorSchema,
  freeSlotSchema,
  operatorSchema,
  specialtySchema,
} from '../alfadocs/schemas'
import { comparedFields } from '../agenda/diff'
import { channel, empty, errorDataSchema, id, int, isoDate, RANGE_CAPS, rangeCheck } from './core'

const wallDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/, 'expected YYYY-MM-DD HH:mm:ss')
const idNum = id

/** The fields the desk can change on an appointment (move, resize, edit dialog). */
export const appointmentChangesSchema = z
  .strictObject({
    date: wallDateTime,
    duration: z.number().int().min(1).max(1440),
    chairId: idNum.nullable(),
    operatorId: idNum.nullable(),
    patientId: idNum.nullable(),
    colorId: idNum,
    description: z.string().max(2000),
    type: z.enum(appointmentTypes),
    allDay: z.boolean(),
    emailReminder: z.boolean(),
    smsReminder: z.boolean(),
    state: z.enum(appointmentStates),
  })
  .partial()
export type AppointmentChanges = z.infer<typeof appointmentChangesSchema>

export const appointmentCreateSchema = appointmentChangesSchema.required({ date: true, duration: true, colorId: true })
export type AppointmentCreate = z.infer<typeof appointmentCreateSchema>

const fieldValue = z.union([z.string(), z.number(), z.boolean(), z.null()])
/**
 * The appointment as the desk last saw it, for "read again and compare": its id and the compared fields,
 * nothing else (build it with `seenOf`). Strict, unlike the lenient response schema.
 */
export const seenAppointmentSchema = z.strictObject({
  id: idNum,
  date: z.string().max(40),
  duration: int().min(0).max(100_000),
  chairId: idNum.nullable().optional(),
  operatorId: idNum.nullable().optional(),
  patientId: idNum.nullable().optional(),
  colorId: idNum.nullable().optional(),
  state: z.string().max(40),
  description: z.string().max(5000).optional(),
  type: z.string().max(40).nullable().optional(),
  allDay: z.boolean().optional(),
  emailReminder: z.boolean().optional(),
  smsReminder: z.boolean().optional(),
})
export type SeenAppointment = z.infer<typeof seenAppointmentSchema>

export { seenOf }

export const fieldChangeSchema = z.object({ field: z.enum(comparedFields), seen: fieldValue, current: fieldValue })

export const updateResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), appointment: appointmentSchema }),
  /** Another desk changed the appointment since the renderer saw it: nothing was written. */
  z.object({ status: z.literal('conflict'), current: appointmentSchema, changes: z.array(fieldChangeSchema) }),
])
export type UpdateResult = z.infer<typeof updateResultSchema>

export const waitingEntrySchema = z.object({ appointmentId: idNum, since: z.number() })
export type WaitingEntry = z.infer<typeof waitingEntrySchema>

/** What the desk saw of an appointment when it queued a change offline: a different state or day at send time is a refusal. */
export const outboxSeenSchema = z.strictObject({ state: z.enum(appointmentStates), date: z.string().max(40) })
export type OutboxSeen = z.infer<typeof outboxSeenSchema>

/** A state change accepted offline, waiting to be sent (in `queuedAt` order). */
export const outboxEntrySchema = z.object({
  key: z.string().max(80),
  appointmentId: idNum,
  state: z.enum(appointmentStates),
  /** the desk's clock (ms) at its last click */
  at: z.number(),
  /** ms, when the appointment was first queued */
  queuedAt: z.number(),
  seen: outboxSeenSchema.nullable(),
})
export type OutboxEntry = z.infer<typeof outboxEntrySchema>

/** A queued change AlfaDocs (or main, reading the appointment again) refused: rolled back, until the desk has seen it. */
export const refusedEntrySchema = outboxEntrySchema.extend({
  error: errorDataSchema,
  refusedAt: z.number(),
  /** the appointment as AlfaDocs holds it now (null when it is gone or unknown) */
  current: appointmentSchema.nullable(),
})
export type RefusedEntry = z.infer<typeof refusedEntrySchema>

export const arrivalSchema = z.object({
  seq: z.number().int(),
  appointmentId: idNum,
  patientId: idNum,
  patientName: z.string().nullable(),
  /** The appointment's start, wall time. */
  date: z.string(),
  /** When this computer saw it (ms). */
  at: z.number(),
})
export type Arrival = z.infer<typeof arrivalSchema>
const arrivalsSchema = z.object({ seq: z.number().int(), arrivals: z.array(arrivalSchema) })

export const agendaChannels = {
  /** Chairs, colors and operators: they change rarely. */
  referenceData: channel(
    empty,
    z.object({ chairs: z.array(chairSchema), colors: z.array(colorSchema), operators: z.array(operatorSchema) }),
  ),
  /**
   * Appointments from `from` to `to` inclusive (main splits it into 30-day API windows), optionally only one
   * patient's. At most RANGE_CAPS.appointments days, or RANGE_CAPS.patientAppointments for one patient.
   */
  appointmentsRange: channel(
    z
      .strictObject({
        from: isoDate,
        to: isoDate,
        patientId: idNum.optional(),
        /** a background fill (the morning prefetch): queued behind what a desk is waiting for */
        bulk: z.boolean().optional(),
      })
      .superRefine(rangeCheck((v) => (v.patientId === undefined ? RANGE_CAPS.appointments : RANGE_CAPS.patientAppointments))),
    z.array(appointmentSchema),
  ),
  /** Booking reasons and specialties (change rarely: the renderer asks once per session). */
  agendaBookingData: channel(empty, z.object({ bookingReasons: z.array(bookingReasonSchema), specialties: z.array(specialtySchema) })),
  /**
   * One-click state change. Main reads the appointment again and sends its current date and color with the
   * new state, so a move made at another desk is never undone. Marking `waiting` records the time locally.
   */
  agendaSetState: channel(
    z.strictObject({
      id: idNum,
      state: z.enum(appointmentStates),
      /** the desk's clock (ms) when it clicked */
      at: int().min(0).max(8.64e15).optional(),
      /** the state and date the desk shows: if AlfaDocs does not answer, the change is queued against them */
      seen: outboxSeenSchema.optional(),
    }),
    /**
     * `queued`: AlfaDocs did not answer (or earlier changes are still queued): the change is kept in main and
     * sent later, in order; `appointment` is then null and the desk keeps showing the change as pending.
     */
    z.object({ appointment: appointmentSchema.nullable(), waiting: waitingEntrySchema.nullable(), queued: z.boolean() }),
  ),
  /**
   * The connected practice's state changes queued offline and those refused when sent. Asking also starts a
   * flush if none runs. `acknowledge`: keys of refusals the desk has shown (forgotten before answering).
   */
  agendaOutbox: channel(
    z.strictObject({ acknowledge: z.array(z.string().max(80)).max(500).default([]) }),
    z.object({ pending: z.array(outboxEntrySchema), refused: z.array(refusedEntrySchema) }),
  ),
  /** Move, resize or edit. Unless `force`, main reads it again and answers 'conflict' if it changed since `seen`. */
  agendaUpdate: channel(
    z.strictObject({ seen: seenAppointmentSchema, changes: appointmentChangesSchema, force: z.boolean().default(false) }),
    updateResultSchema,
  ),
  agendaCreate: channel(appointmentCreateSchema, appointmentSchema),
  /** Free slots from `from` (and `fromMinutes` on that day) for `days` days. */
  agendaFreeSlots: channel(
    z.strictObject({
      from: isoDate,
      fromMinutes: int().min(0).max(1439).default(0),
      days: int().min(1).max(31).default(14),
      duration: int().min(5).max(660),
      operatorIds: z.array(idNum).max(50).default([]),
    }),
    z.array(freeSlotSchema),
  ),
  /**
   * Since when the desk marked each appointment of these days as waiting (kept on this computer). `seenAt`
   * (the desk's clock, ms): the ids are shown waiting now (today); one without a mark gets one at `seenAt`,
   * when this desk first saw it waiting (another desk's arrival, or waiting before this desk started).
   */
  agendaWaiting: channel(
    z.strictObject({ ids: z.array(idNum).max(2000), seenAt: int().min(0).max(8.64e15).optional() }),
    z.array(waitingEntrySchema),
  ),
  /**
   * Patients marked arrived at another desk since `after` (the last seq this desk has), on the desk's `today`. Asking keeps main
   * reading today every 10 s (one request); it stops a minute after the last ask.
   */
  agendaArrivals: channel(z.strictObject({ after: int().min(0).max(Number.MAX_SAFE_INTEGER), today: isoDate }), arrivalsSchema),
}
