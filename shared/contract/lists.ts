import { z } from 'zod'
import { callOutcomes } from './values'
import { appointmentSchema } from '../alfadocs/schemas'
import { channel, id, isoDate } from './core'

export { callOutcomes, type CallOutcome } from './values'

const wallTime = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/, 'expected "YYYY-MM-DD HH:mm:ss"')

export const listPhoneSchema = z.object({
  /** As the practice wrote it, for reading aloud. */
  display: z.string(),
  /** Digits and a leading +, for a tel: link. */
  tel: z.string(),
  label: z.string().nullable(),
})
export const listPatientSchema = z.object({ id, firstName: z.string(), lastName: z.string(), phones: z.array(listPhoneSchema) })
export type ListPatient = z.infer<typeof listPatientSchema>

export const confirmationRowSchema = z.object({
  appointment: appointmentSchema,
  patient: listPatientSchema.nullable(),
  outcome: z.enum(callOutcomes).nullable(),
  /** When the outcome was recorded (epoch ms). */
  outcomeAt: z.number().nullable(),
})
export type ConfirmationRow = z.infer<typeof confirmationRowSchema>

export const followUpRowSchema = z.object({
  patient: listPatientSchema,
  missed: appointmentSchema,
  contactedAt: z.number().nullable(),
})
export type FollowUpRow = z.infer<typeof followUpRowSchema>

export const asapRowSchema = z.object({ patient: listPatientSchema, appointment: appointmentSchema })
export type AsapRow = z.infer<typeof asapRowSchema>

export const listsChannels = {
  /** One day's appointments (blocked time left out) by time, with phones and this computer's call outcomes. */
  listsConfirmations: channel(z.strictObject({ date: isoDate }), z.object({ date: isoDate, rows: z.array(confirmationRowSchema) })),
  /** Records (or clears, with null) a call's outcome; on disk before it is answered. Nothing is sent to AlfaDocs. */
  listsConfirmationSet: channel(
    z.strictObject({ appointmentId: id, outcome: z.enum(callOutcomes).nullable() }),
    z.object({ appointmentId: id, outcome: z.enum(callOutcomes).nullable(), at: z.number().nullable() }),
  ),
  /** Patients with a cancelled or absent appointment in the last `followUpDays` days and none to come. */
  listsFollowUps: channel(z.strictObject({ now: wallTime }), z.object({ from: isoDate, to: isoDate, rows: z.array(followUpRowSchema) })),
  listsFollowUpContacted: channel(
    z.strictObject({ patientId: id, contacted: z.boolean() }),
    z.object({ patientId: id, contactedAt: z.number().nullable() }),
  ),
  /** Patients flagged by the practice's ASAP custom field, with their next appointment; `field` null: none chosen (label null: AlfaDocs no longer has it). */
  listsAsap: channel(
    z.strictObject({ now: wallTime }),
    z.object({ field: z.string().nullable(), fieldLabel: z.string().nullable(), rows: z.array(asapRowSchema) }),
  ),
  /** ASAP patients who fit a freed slot: later appointment, duration fits, same operator first. */
  listsAsapForSlot: channel(
    z.strictObject({
      now: wallTime,
      date: wallTime,
      duration: z.number().int().min(5).max(600),
      operatorId: id.nullable(),
      appointmentId: id.optional(),
    }),
    z.array(asapRowSchema),
  ),
}
