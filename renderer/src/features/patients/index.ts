import { defineFeature, forgetStores } from '../feature'
import { patientsMessages } from './i18n'
import { patientRoutes } from './routes'
import { usePatientSearch } from './search-store'
import { usePatientsStore } from './store'
import { loadAlertDefinitions } from './use-alerts'
import { useDeskSettingsStore } from '../settings/desk-store'

const PATIENT_ROUTES = new Set(patientRoutes.map((r) => String(r.name)))

export const patientsFeature = defineFeature({
  id: 'patients',
  routes: patientRoutes,
  messages: patientsMessages,
  nav: {
    label: 'patients.nav',
    to: { name: 'patients' },
    owns: (name: string) => PATIENT_ROUTES.has(name),
    order: 2,
    test: 'nav-patients',
  },
  // The alert fields' definitions, when the practice has chosen any: the agenda's first paint marks alerts.
  start: (pinia) => {
    const desk = useDeskSettingsStore(pinia)
    void desk.load().then(() => desk.loaded && loadAlertDefinitions(pinia))
  },
  reset: (pinia) => forgetStores(pinia, usePatientsStore, usePatientSearch),
})
