import { computed, getCurrentScope, onScopeDispose, readonly, ref, type ComputedRef, type Ref } from 'vue'
import { nowMinutesIn, PRACTICE_TZ, todayIn, type IsoDate } from '../../../../shared/dates'

// The agenda's one clock. Every part that shows "now" (the grid's now-line, today's date, the waiting room's
// minutes) reads the same ref, which ticks while anything uses it; timestamps a write or a sync records read
// `now()`, the same source, at that instant.

export const TICK_MS = 5_000

const tick = ref(Date.now())
let users = 0
let timer: ReturnType<typeof setInterval> | null = null

/** The time now (ms), for a timestamp. */
export const now = (): number => Date.now()

function release() {
  users = Math.max(0, users - 1)
  if (users === 0 && timer) {
    clearInterval(timer)
    timer = null
  }
}

/** The shared ticking time (ms); stops ticking when the last scope using it ends. */
export function useNow(): Readonly<Ref<number>> {
  if (users++ === 0) {
    tick.value = now()
    timer = setInterval(() => (tick.value = now()), TICK_MS)
  }
  if (getCurrentScope()) onScopeDispose(release)
  return readonly(tick)
}

/** The practice's today and the minute of its day, from the shared clock. */
export function useAgendaClock(): { nowMs: Readonly<Ref<number>>; today: ComputedRef<IsoDate>; minutes: ComputedRef<number> } {
  const nowMs = useNow()
  return {
    nowMs,
    today: computed(() => todayIn(PRACTICE_TZ, new Date(nowMs.value))),
    minutes: computed(() => nowMinutesIn(PRACTICE_TZ, new Date(nowMs.value))),
  }
}
