import type { Appointment } from '../../../../shared/alfadocs/schemas'
import type { Clash } from '../../../../shared/agenda/conflicts'
import { hhmm, parseWall } from '../../../../shared/dates'
import { i18n } from '../../i18n'
import { patientName } from '../../lib/format'
import type { useAgendaStore } from './store'

type Store = Pick<ReturnType<typeof useAgendaStore>, 'byId' | 'patients' | 'chairs' | 'operators'>

/** Who an appointment is for, as the desk reads it: the patient, else its description. */
export function whoOf(a: Appointment, store: Pick<Store, 'patients'>): string {
  const p = a.patientId != null ? store.patients.get(a.patientId) : undefined
  return p ? patientName(p) : a.description || i18n.global.t('agenda.noPatient')
}

/** One line per clash: "Poltrona 2 is taken by Rossi Mario at 09:30" (or the operator's). */
export function clashLines(clashes: Clash[], store: Store): string[] {
  const { t } = i18n.global
  return clashes.flatMap((c) => {
    const a = store.byId.get(c.appointmentId)
    if (!a) return []
    const time = hhmm(parseWall(a.date)?.minutes ?? 0)
    return c.reason === 'chair'
      ? t('agenda.move.clashChair', { chair: store.chairs.find((x) => x.id === a.chairId)?.name ?? '', who: whoOf(a, store), time })
      : t('agenda.move.clashOperator', {
          operator: a.operatorId != null ? (store.operators.get(a.operatorId)?.name ?? '') : '',
          who: whoOf(a, store),
          time,
        })
  })
}
