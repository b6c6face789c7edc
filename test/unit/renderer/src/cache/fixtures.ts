import { appointmentSchema, type Patient } from '../../../../../shared/alfadocs/schemas'

// Rows as the API sends them (the schemas do not accept missing keys), for the cache's tests.

export const appt = (id: number, date: string, patientId: number) =>
  appointmentSchema.parse({
    id,
    date,
    chairId: 1,
    patientId,
    state: 'confirmed',
    duration: 30,
    description: `visit ${id}`,
    emailReminder: false,
    smsReminder: false,
    allDay: false,
    type: 'inPractice',
    colorId: null,
    operatorId: null,
    createdThroughBooking: false,
    createdThroughApi: false,
    firstVisit: false,
    carePlanId: null,
  })

export const patient = (id: number, lastName: string): Patient => ({
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
})
