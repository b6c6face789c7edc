import type { FreeSlot, Patient } from '../../../../shared/alfadocs/schemas'
import { addDaysIso, formatWall, type IsoDate } from '../../../../shared/dates'
import type { AlfaDocsClient } from '../../alfadocs/client'

export async function freeSlots(
  client: AlfaDocsClient,
  q: { from: IsoDate; fromMinutes: number; days: number; duration: number; operatorIds: number[] },
): Promise<FreeSlot[]> {
  const query: Record<string, string | number> = {
    startDate: formatWall(q.from, q.fromMinutes),
    endDate: addDaysIso(q.from, q.days - 1),
    duration: q.duration,
  }
  if (q.operatorIds.length > 0) query.operatorIds = q.operatorIds.join(',')
  const slots = await client.request('freeSlotsList', { query })
  return [...slots].sort((a, b) => a.date.localeCompare(b.date) || a.time.localeCompare(b.time) || (a.chairId ?? 0) - (b.chairId ?? 0))
}

/**
 * "ross" → last names starting with ross; "rossi ma" → last name rossi, first name starting with ma.
 * One request (two when the text might be "first last").
 */
export async function lookupPatients(client: AlfaDocsClient, text: string, limit: number): Promise<Patient[]> {
  const words = text.trim().split(/\s+/)
  const searches: Array<Record<string, string>> = [{ lastName: words[0]! }]
  if (words.length > 1) {
    searches[0] = { lastName: words[0]!, firstName: words.slice(1).join(' ') }
    searches.push({ firstName: words[0]!, lastName: words.slice(1).join(' ') })
  }
  const pages = await Promise.all(searches.map((s) => client.searchPatients(s, { offset: 0, limit })))
  const seen = new Set<number>()
  const out: Patient[] = []
  for (const p of pages.flatMap((x) => x.results)) {
    if (seen.has(p.id) || p.deleted) continue
    seen.add(p.id)
    out.push(p)
  }
  return out.sort((a, b) => `${a.lastName} ${a.firstName}`.localeCompare(`${b.lastName} ${b.firstName}`, 'it')).slice(0, limit)
}

export async function createPatient(
  client: AlfaDocsClient,
  input: { firstName: string; lastName: string; phone?: string | undefined },
): Promise<Patient> {
  const body: Record<string, unknown> = { firstName: input.firstName, lastName: input.lastName }
  const digits = input.phone?.replace(/[^\d+]/g, '') ?? ''
  if (digits) {
    const m = /^(?:\+|00)(39)(\d+)$/.exec(digits)
    body.phoneNumbers = [{ prefix: '+39', number: m ? m[2] : digits.replace(/^\+/, ''), label: 'cellulare', smsEnabled: true }]
  }
  return client.request('patientCreate', { body })
}
