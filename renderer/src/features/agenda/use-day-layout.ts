import { computed, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { layoutDay, layoutWeek } from '../../../../shared/agenda/layout'
import type { IsoDate } from '../../../../shared/dates'
import { longDate, stateLabel } from '../../lib/format'
import type { GridHeader } from './GridHeaders.vue'
import { pxPer15, settings } from './settings'
import { useAgendaStore } from './store'
import type { GridLabels } from './types'
import type { WeekTarget } from './use-agenda-range'

/** What the grid draws for the shown days: the layout, the column headers and the screen's heading. */
export function useDayLayout(range: { date: Ref<IsoDate>; days: Ref<IsoDate[]>; week: Ref<WeekTarget | null> }) {
  const { t, locale } = useI18n()
  const store = useAgendaStore()
  const { date, days, week } = range

  const shown = computed(() =>
    settings.operatorId == null ? store.appointments : store.appointments.filter((a) => a.operatorId === settings.operatorId),
  )
  const layout = computed(() => {
    const opts = { startMin: settings.startMin, endMin: settings.endMin, pxPer15: pxPer15() }
    const w = week.value
    if (w)
      return layoutWeek(
        days.value,
        store.appointments.filter((a) => (w.kind === 'chair' ? a.chairId === w.id : a.operatorId === w.id)),
        opts,
      )
    return layoutDay(store.chairs, shown.value, { day: date.value, ...opts, chairIds: settings.chairIds }, t('agenda.noChair'))
  })

  const shortDate = (d: IsoDate) => {
    const s = new Intl.DateTimeFormat(locale.value === 'en' ? 'en-GB' : 'it-IT', {
      weekday: 'short',
      day: 'numeric',
      month: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${d}T12:00:00Z`))
    return s.charAt(0).toUpperCase() + s.slice(1)
  }
  const headers = computed<GridHeader[]>(() =>
    layout.value.columns.map((c, i) => {
      const count = layout.value.blocks.filter((b) => b.column === i && store.byId.get(b.id)?.state !== 'cancelled').length
      // Nothing known of these days yet: no count (an empty column would read as "nessun appuntamento").
      const sub = store.known ? t('agenda.count', { n: count }, count) : ''
      const n = store.known ? count : undefined
      if (week.value) return { key: c.key, label: shortDate(days.value[i]!), sub, count: n, muted: false }
      const label = c.chairId == null ? t('agenda.noChair') : c.deleted ? t('agenda.deletedChair', { name: c.name }) : c.name
      return { key: c.key, label, sub, count: n, muted: c.deleted }
    }),
  )

  const labels = computed<GridLabels>(() => ({
    allDay: t('agenda.allDay'),
    outside: t('agenda.outside'),
    loading: t('agenda.loadingPatient'),
    noPatient: t('agenda.noPatient'),
    unknownPatient: (id) => t('agenda.unknownPatient', { id }),
    state: stateLabel,
    nextStateTitle: (s) => t('agenda.nextState', { state: stateLabel(s) }),
    telehealth: t('agenda.telehealth'),
    queued: t('agenda.queued.title'),
  }))

  const heading = computed(() => {
    const w = week.value
    if (!w) return longDate(date.value, locale.value)
    const name = w.kind === 'chair' ? (store.chairs.find((c) => c.id === w.id)?.name ?? '') : (store.operators.get(w.id)?.name ?? '')
    return `${t('agenda.view.weekOf', { name })} · ${longDate(days.value[0]!, locale.value)}`
  })

  const chairOptions = computed(() =>
    store.chairs.map((c) => ({ label: c.deleted ? t('agenda.deletedChair', { name: c.name }) : c.name, value: c.id })),
  )
  const operatorOptions = computed(() => store.operatorsList.filter((o) => !o.deleted).map((o) => ({ label: o.name, value: o.id })))

  return { layout, headers, labels, heading, chairOptions, operatorOptions }
}
