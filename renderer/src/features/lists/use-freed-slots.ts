import { shallowRef, watch } from 'vue'
import type { AsapRow } from '../../../../shared/contract/lists'
import { newlyFreed, type Freed } from '../../../../shared/lists/freed-slot'
import { useAgendaClock } from '../agenda/clock'
import { useAgendaStore } from '../agenda/store'
import { useListsStore } from './store'

export interface FreedOffer {
  slot: Freed
  candidates: AsapRow[]
}

/**
 * Slots freed on the agenda's days (an appointment of today or later cancelled or marked absent, here or at
 * another desk) that ASAP patients could take: each asked of main once; offers without candidates are dropped.
 */
export function useFreedSlots() {
  const agenda = useAgendaStore()
  const lists = useListsStore()
  const clock = useAgendaClock()
  const offers = shallowRef<FreedOffer[]>([])
  let seen: Map<number, string> | null = null
  let range = ''
  const asked = new Set<number>()

  watch(
    () => [agenda.appointments, agenda.from, agenda.to] as const,
    ([list, from, to]) => {
      const key = `${from}|${to}`
      const before = key === range ? seen : null
      range = key
      seen = new Map(list.map((a) => [a.id, a.state]))
      if (!before) return
      for (const slot of newlyFreed(before, list, clock.today.value, clock.minutes.value)) {
        if (asked.has(slot.appointmentId)) continue
        asked.add(slot.appointmentId)
        void lists
          .asapForSlot({ date: slot.date, duration: slot.duration, operatorId: slot.operatorId, appointmentId: slot.appointmentId })
          .then((candidates) => {
            if (candidates.length > 0)
              offers.value = [...offers.value.filter((o) => o.slot.appointmentId !== slot.appointmentId), { slot, candidates }]
          })
          .catch(() => asked.delete(slot.appointmentId))
      }
    },
    // What is on screen when the bar mounts is the "before": a cancellation made before the first refresh is seen.
    { immediate: true },
  )

  const dismiss = (appointmentId: number) => (offers.value = offers.value.filter((o) => o.slot.appointmentId !== appointmentId))
  return { offers, dismiss }
}
