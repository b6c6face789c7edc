import { computed, nextTick, ref, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { buildDaySheet, formatDaySheetCsv } from '../../../../shared/day-sheet'
import type { IsoDate } from '../../../../shared/dates'
import { usePrintStore } from '../print'
import { useAgendaStore } from './store'

export type PrintMode = 'perChair' | 'compact'

/** The day sheet: previewed and printed (per chair or compact), or downloaded as CSV. */
export function useDaySheet(date: Ref<IsoDate>) {
  const { t } = useI18n()
  const store = useAgendaStore()
  const printStore = usePrintStore()
  const mode = ref<PrintMode>('perChair')
  /** The print sheet exists only while its preview is open: 150 hidden rows would slow every repaint of the day. */
  const printing = ref(false)
  const sheet = computed(() =>
    buildDaySheet({
      date: date.value,
      chairs: store.chairs,
      operators: [...store.operators.values()],
      appointments: store.appointments,
      patients: store.patients,
      noChairName: t('agenda.noChair'),
    }),
  )

  /** Opens the print preview of the sheet; "Stampa" there prints the same sheet, which stays until it closes. */
  async function print(m: PrintMode, title: string) {
    // A refresh still reading the day's patients would print '—' in their place: the sheet waits for it, but
    // only while a patient of the day is missing (a refresh of a day already named never holds the print).
    const named = () =>
      store.appointments.every((a) => a.patientId == null || !a.date.startsWith(date.value) || store.patients.has(a.patientId))
    if (store.refreshing && !named())
      await new Promise<void>((done) => {
        const stop = watch(
          () => !store.refreshing || named(),
          (ready) => {
            if (!ready) return
            stop()
            done()
          },
        )
      })
    mode.value = m
    printing.value = true
    await nextTick()
    await printStore.open({ title, fileName: `foglio-del-giorno-${date.value}`, onClose: () => (printing.value = false) })
  }

  function exportCsv() {
    const blob = new Blob(['\ufeff' + formatDaySheetCsv(sheet.value)], { type: 'text/csv;charset=utf-8' })
    const url = URL.createObjectURL(blob)
    const link = document.createElement('a')
    link.href = url
    link.download = `foglio-del-giorno-${date.value}.csv`
    link.click()
    setTimeout(() => URL.revokeObjectURL(url), 5000)
  }

  return { sheet, mode, printing, print, exportCsv }
}
