import type { Appointment, Chair } from '../../../../shared/alfadocs/schemas'
import { findClashes } from '../../../../shared/agenda/conflicts'
import type { IsoDate } from '../../../../shared/dates'

/**
 * The chair a new booking starts on: the first chair (in the practice's order, deleted ones left out) free
 * from `start` to `end` on `day` among the appointments the desk knows; the first chair when none is free
 * (the clash warning then says so), null when the practice has none.
 */
export function firstFreeChair(
  chairs: readonly Chair[],
  appointments: ReadonlyArray<Pick<Appointment, 'id' | 'date' | 'duration' | 'allDay' | 'chairId' | 'operatorId' | 'state'>>,
  slot: { day: IsoDate; start: number; end: number },
): number | null {
  const open = chairs.filter((c) => !c.deleted)
  const free = open.find(
    (c) =>
      findClashes(appointments, { id: null, day: slot.day, start: slot.start, end: slot.end, chairId: c.id, operatorId: null }).length ===
      0,
  )
  return (free ?? open[0])?.id ?? null
}
