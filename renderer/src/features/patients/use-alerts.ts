import { computed, watch } from 'vue'
import type { Patient } from '../../../../shared/alfadocs/schemas'
import { useDeskSettingsStore } from '../settings/desk-store'
import { alertsText, patientAlerts, type PatientAlert } from './alerts'
import { usePatientsStore } from './store'

/** The practice's alert fields (desk settings) and their definitions (labels, types), read once when any is chosen. */
export function useAlerts() {
  const desk = useDeskSettingsStore()
  const patients = usePatientsStore()
  if (!desk.loaded) void desk.load()
  const fields = computed(() => desk.settings.alertFields)
  watch(
    () => fields.value.length > 0,
    (any) => {
      if (any && patients.customFieldDefs.status === 'idle') void patients.loadCustomFieldDefs()
    },
    { immediate: true },
  )
  const defs = computed(() => patients.customFieldDefs.value ?? [])
  const of = (p: Patient | null | undefined): PatientAlert[] => patientAlerts(p, fields.value, defs.value)
  const textOf = (p: Patient | null | undefined): string => alertsText(of(p))
  return { fields, defs, of, textOf }
}
