import type { RouteRecordRaw } from 'vue-router'

// Loaded when first opened (and importable where .vue files are not, e.g. unit tests of the features list).
const PatientsView = () => import('./PatientsView.vue')
const PatientView = () => import('./PatientView.vue')
const PatientForm = () => import('./PatientForm.vue')

export const patientRoutes: RouteRecordRaw[] = [
  { path: '/patients', name: 'patients', component: PatientsView },
  { path: '/patients/new', name: 'patient-new', component: PatientForm },
  { path: '/patients/:id(\\d+)', name: 'patient', component: PatientView },
  { path: '/patients/:id(\\d+)/edit', name: 'patient-edit', component: PatientForm },
]
