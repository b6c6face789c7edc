import { computed, shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import type { LocationQuery } from 'vue-router'
import type { FreeSlot } from '../../../../shared/alfadocs/schemas'
import { isIsoDate, type IsoDate } from '../../../../shared/dates'
import { toApiError } from '../../api'
import { describeError } from '../../i18n/describe-error'
import { shortDate } from '../../lib/format'
import { useListsStore } from './store'
import { useToast } from '../../lib/toast'

/**
 * The agenda's free-slot finder moving an existing appointment (a patient of Conferme or Anticipi who wants
 * another time: ?slotMove=ID&slotMoveDay=DAY&slotDuration=MIN) instead of booking a new one.
 */
export function useSlotMove(opts: { moved: (id: number, day: IsoDate) => void }) {
  const lists = useListsStore()
  const toast = useToast()
  const { t } = useI18n()
  const moving = shallowRef<{ id: number; day: IsoDate; duration: number } | null>(null)
  const one = (v: unknown) => (typeof v === 'string' ? v : undefined)

  /** Reads the move from the route's query (the caller strips the keys from the URL). */
  function take(q: LocationQuery): void {
    const id = one(q.slotMove)
    const day = one(q.slotMoveDay)
    const duration = Number(one(q.slotDuration))
    moving.value =
      id && /^\d+$/.test(id) && day && isIsoDate(day)
        ? { id: Number(id), day, duration: Number.isInteger(duration) && duration >= 5 && duration <= 660 ? duration : 30 }
        : null
  }

  /** A slot was chosen: true if it was a move (done here), false for a new booking. */
  function choose(slot: FreeSlot): boolean {
    const m = moving.value
    if (!m) return false
    moving.value = null
    void lists
      .moveAppointment(m.id, m.day, slot)
      .then((r) => {
        if (r.status === 'conflict') return void toast.warning(() => t('lists.move.changed'))
        toast.success(() => t('lists.move.done', { date: shortDate(slot.date), time: slot.time.slice(0, 5) }))
        opts.moved(m.id, slot.date)
      })
      .catch((e: unknown) => toast.error(() => `${t('lists.move.failed')}: ${describeError(toApiError(e))}`))
    return true
  }

  return { duration: computed(() => moving.value?.duration), take, choose, cancel: () => (moving.value = null) }
}
