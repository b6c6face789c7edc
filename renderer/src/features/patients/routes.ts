import type { RouteRecordRaw } from 'vue-router'
import PatientForm from './PatientForm.vue'
import PatientsView from './PatientsView.vue'
import PatientView from './PatientView.vue'

export const patientRoutes: RouteRecordRaw[] = [
  { path: '/patients', name: 'patients', component: PatientsView },
  { path: '/patients/new', name: 'patient-new', component: PatientForm },
  { path: '/patients/:id(\\d+)', name: 'patient', component: PatientView },
  { path: '/patients/:id(\\d+)/edit', name: 'patient-edit', component: PatientForm },
]
