import type { Pinia } from 'pinia'
import { computed, watch } from 'vue'
import type { Patient } from '../../../../shared/alfadocs/schemas'
import { useDeskSettingsStore } from '../settings/desk-store'
import { alertsText, patientAlerts, type PatientAlert } from './alerts'
import { usePatientsStore } from './store'

/** Reads the alert fields' definitions (labels, types) once, when the practice has chosen any alert field. */
export function loadAlertDefinitions(pinia?: Pinia): void {
  const patients = usePatientsStore(pinia)
  if (useDeskSettingsStore(pinia).settings.alertFields.length > 0 && patients.customFieldDefs.status === 'idle')
    void patients.loadCustomFieldDefs()
}

/** The practice's alert fields (desk settings) and their definitions (labels, types), read once when any is chosen. */
export function useAlerts() {
  const desk = useDeskSettingsStore()
  const patients = usePatientsStore()
  if (!desk.loaded) void desk.load()
  const fields = computed(() => desk.settings.alertFields)
  watch(
    () => fields.value.length > 0,
    () => loadAlertDefinitions(),
    { immediate: true },
  )
  const defs = computed(() => patients.customFieldDefs.value ?? [])
  const of = (p: Patient | null | undefined): PatientAlert[] => patientAlerts(p, fields.value, defs.value)
  const textOf = (p: Patient | null | undefined): string => alertsText(of(p))
  return { fields, defs, of, textOf }
}
