import { computed, nextTick, onBeforeUnmount, onMounted, ref, watch, type Ref } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { weekDays } from '../../../../shared/agenda/week'
import { addDaysIso, isIsoDate, type IsoDate } from '../../../../shared/dates'
import { markContentPainted } from '../../lib/first-paint'
import { useAgendaClock } from './clock'
import { settings } from './settings'
import { useAgendaStore } from './store'

/** Timings of the last open, for the benchmark (performance marks too, where the page has real ones). */
type AgendaPerf = {
  openStart: number
  preloaded?: string
  cacheRead?: number
  rendered?: number
  painted?: number
  /** How many appointments the painted frame held (the bench checks it painted the day, not an empty one). */
  shown?: number
  refreshed?: number
}
const perf = globalThis as { __agendaPerf?: AgendaPerf }

export type WeekTarget = { kind: 'chair' | 'operator'; id: number }

/**
 * Which days the agenda shows (the route's day, or the week of a chair or operator), opening them in the
 * store as they change, and when the day was first painted: the side panel, the menu and the dialogs wait
 * for it. Also scrolls the grid to now (or the morning) once per range.
 */
export function useAgendaRange(grid: Ref<{ scrollToMinutes(m: number): void } | null>) {
  const route = useRoute()
  const router = useRouter()
  const store = useAgendaStore()
  const clock = useAgendaClock()
  const today = clock.today

  const date = computed<IsoDate>(() => {
    const p = route.params.date
    return typeof p === 'string' && isIsoDate(p) ? p : today.value
  })
  const isToday = computed(() => date.value === today.value)
  const week = ref<WeekTarget | null>(null)
  const days = computed(() => (week.value ? weekDays(date.value) : [date.value]))
  /** The now-line's minute, where today is shown. */
  const nowMin = computed(() => (days.value.includes(today.value) ? clock.minutes.value : null))
  const nowColumn = computed(() => (week.value ? days.value.indexOf(today.value) : null))

  const goTo = (d: IsoDate | null) => {
    if (d && isIsoDate(d)) void router.push({ name: 'day', params: { date: d } })
  }
  const step = (n: number) => goTo(addDaysIso(date.value, week.value ? 7 * n : n))

  const dayPainted = ref(false)
  const painted = () => {
    dayPainted.value = true
    markContentPainted()
  }
  // Should the cache read fail, the rest of the screen still comes.
  let fallback: ReturnType<typeof setTimeout> | null = null
  onMounted(() => (fallback = setTimeout(painted, 1500)))
  onBeforeUnmount(() => fallback && clearTimeout(fallback))

  /** Where a range opens: now on today, the first hour otherwise. */
  const focusMin = computed(() => (isToday.value ? clock.minutes.value : settings.startMin + 60))
  let scrolledFor = ''
  function scrollOnce() {
    const key = `${days.value[0]}|${!!week.value}`
    if (scrolledFor === key || !grid.value) return
    scrolledFor = key
    grid.value.scrollToMinutes(focusMin.value)
  }

  async function openRange() {
    const ds = days.value
    // The timing starts where the open started: in the route guard when it preloaded this range.
    const key = `${ds[0]}|${ds[ds.length - 1]}`
    const early = perf.__agendaPerf?.preloaded === key && perf.__agendaPerf.painted === undefined ? perf.__agendaPerf : null
    const timing: AgendaPerf = early ?? { openStart: performance.now() }
    delete timing.preloaded
    perf.__agendaPerf = timing
    performance.mark('agenda:open-start')
    let onPaint!: () => void
    const framePainted = new Promise<void>((ok) => (onPaint = ok))
    const { refreshed } = await store.open(ds[0]!, ds[ds.length - 1]!, { prefetch: !week.value, after: framePainted })
    await nextTick()
    timing.rendered = performance.now()
    // After the frame holding the blocks: a task queued from requestAnimationFrame runs once it is painted.
    requestAnimationFrame(() =>
      setTimeout(() => {
        timing.painted = performance.now()
        timing.shown = store.appointments.length
        // The day's refresh first: what waited for the paint (the shell's asks, the prefetch) queues behind it.
        onPaint()
        painted()
        performance.mark('agenda:painted')
      }, 0),
    )
    // Once the blocks are in (scrolling lays the grid out: before them, it would be laid out twice).
    scrollOnce()
    await refreshed
    timing.refreshed = performance.now()
  }
  watch([() => days.value.join(), () => week.value?.kind, () => week.value?.id], () => void openRange(), { immediate: true })

  onMounted(() => store.startAutoRefresh())
  onBeforeUnmount(() => store.stopAutoRefresh())

  return { date, isToday, week, days, today, nowMs: clock.nowMs, nowMin, nowColumn, focusMin, goTo, step, dayPainted }
}
