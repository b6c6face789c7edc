import type { FreeSlot } from '../../../../shared/alfadocs/schemas'
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
