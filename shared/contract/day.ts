import { z } from 'zod'
import { appointmentSchema, patientSchema } from '../alfadocs/schemas'
import { channel, isoDate } from './core'

export const dayChannels = {
  /** Appointments from `from` to `to` inclusive (any length: main splits it into API windows). */
  appointmentsRange: channel(z.object({ from: isoDate, to: isoDate }), z.array(appointmentSchema)),
  /** Patients by id, fetched once each; unknown ids are left out. */
  patientsByIds: channel(z.object({ ids: z.array(z.number().int().positive()).max(500) }), z.array(patientSchema)),
}
