import type { Pinia } from 'pinia'
import { shallowRef } from 'vue'
import { addDaysIso, todayIn, type IsoDate } from '../../../shared/dates'
import { useAgendaStore } from '../features/agenda/store'
import { DEFAULT_BILL_DAYS, useBillingStore } from '../features/billing/store'

// Ready for a bad morning: on a connected start, what the desk will need if the network goes fills the cache
// in the background, through the stores' public actions only (the same cache keys an open would use). One step
// at a time, so at most one prefetch request waits ahead of what a screen asks for.

/** Days the practice works: Monday to Saturday (Italian practices often open on Saturday mornings). */
export const WORKING_WEEKDAYS: ReadonlySet<number> = new Set([1, 2, 3, 4, 5, 6])
/** Today and the next six working days. */
export const AGENDA_DAYS = 7

export interface PrefetchProgress {
  state: 'idle' | 'running' | 'done' | 'offline'
  done: number
  total: number
  /** Steps main could not answer (the cache keeps what it had). */
  failed: number
}

export const prefetchProgress = shallowRef<PrefetchProgress>({ state: 'idle', done: 0, total: 0, failed: 0 })

const weekday = (d: IsoDate) => new Date(`${d}T12:00:00Z`).getUTCDay()

/** `today` (even if not a working day) and the working days after it, `count` days in all. */
export function workingDaysFrom(today: IsoDate, count = AGENDA_DAYS): IsoDate[] {
  const out: IsoDate[] = [today]
  for (let d = addDaysIso(today, 1); out.length < count; d = addDaysIso(d, 1)) if (WORKING_WEEKDAYS.has(weekday(d))) out.push(d)
  return out
}

let generation = 0
let running: { who: string; done: Promise<void> } | null = null

/**
 * Fills the agenda (today + 6 working days, with their patients), the last 31 days of bills and today's takings,
 * once per connected practice (`who`): a second call for the same one shares the run, another practice starts
 * afresh (what ran for the last one stops writing).
 */
export function prefetchMorning(pinia: Pinia, today: IsoDate = todayIn(), who = 'connected'): Promise<void> {
  if (running?.who !== who) {
    forgetPrefetch()
    running = { who, done: run(pinia, today) }
  }
  return running.done
}

async function run(pinia: Pinia, today: IsoDate): Promise<void> {
  const mine = generation
  const agenda = useAgendaStore(pinia)
  const billing = useBillingStore(pinia)
  const days = workingDaysFrom(today)
  const steps: Array<() => Promise<boolean>> = [
    ...days.map((d) => () => agenda.prefetchDays([d]).then(() => true)),
    () => billing.prefetchBills({ from: addDaysIso(today, -(DEFAULT_BILL_DAYS - 1)), to: today }),
    () => billing.prefetchTakings(today),
  ]
  let p: PrefetchProgress = { state: 'running', done: 0, total: steps.length, failed: 0 }
  prefetchProgress.value = p
  for (const step of steps) {
    const ok = await step().catch(() => false)
    if (mine !== generation) return
    p = { ...p, done: p.done + 1, failed: p.failed + (ok ? 0 : 1) }
    prefetchProgress.value = p
    // Nothing answered yet: the network is down; the rest would fail the same way.
    if (!ok && p.failed === p.done) {
      prefetchProgress.value = { ...p, state: 'offline' }
      return
    }
  }
  prefetchProgress.value = { ...p, state: 'done' }
}

/** Forgets the run (disconnect, practice switch): the next connected start prefetches again. */
export function forgetPrefetch(): void {
  generation++
  running = null
  prefetchProgress.value = { state: 'idle', done: 0, total: 0, failed: 0 }
}
