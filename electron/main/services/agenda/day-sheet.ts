import { buildDaySheet, type DaySheet } from '../../../../shared/day-sheet'
import type { IsoDate } from '../../../../shared/dates'
import type { AlfaDocsClient } from '../../alfadocs/client'
import { fetchPatientsByIds } from '../patients/by-ids'

export async function loadDaySheet(client: AlfaDocsClient, date: IsoDate): Promise<DaySheet> {
  const [chairs, operators, appointments] = await Promise.all([
    client.request('chairsList'),
    client.request('operatorsList'),
    client.listWindowed('appointmentsList', date, date),
  ])
  const ids = appointments.map((a) => a.patientId).filter((id): id is number => id != null)
  const patients = await fetchPatientsByIds(client, ids)
  return buildDaySheet({ date, chairs, operators, appointments, patients: new Map(patients.map((p) => [p.id, p])) })
}
