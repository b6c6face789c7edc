import { appointmentSchema, type Appointment, type Patient } from '../../../../../shared/alfadocs/schemas'
import { APPOINTMENT_DEFAULTS } from '../../../../../electron/sandbox/handlers/appointments'

// Rows as the API sends them (the schemas do not accept missing keys), for the cache's tests.

export const appt = (id: number, date: string, patientId: number | null, over: Partial<Appointment> = {}) =>
  appointmentSchema.parse({
    ...APPOINTMENT_DEFAULTS,
    id,
    date,
    chairId: 1,
    patientId,
    description: `visit ${id}`,
    colorId: null,
    createdThroughBooking: false,
    createdThroughApi: false,
    firstVisit: false,
    carePlanId: null,
    ...over,
  })

export const patient = (id: number, lastName: string, over: Partial<Patient> = {}): Patient => ({
  id,
  firstName: 'Mario',
  lastName,
  email: null,
  emailEnabled: false,
  emailValid: false,
  phoneNumbers: [],
  gender: null,
  street: null,
  city: null,
  postcode: null,
  province: null,
  dateOfBirth: null,
  placeOfBirth: null,
  italianFiscalCode: null,
  deleted: false,
  ...over,
})
