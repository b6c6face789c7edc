import { defineFeature, forgetStores } from '../feature'
import { agendaMessages } from './i18n'
import { useAgendaStore } from './store'

// Written by R1 as a first plug so the app builds from the features list; the agenda's owner takes it over.

const AgendaView = () => import('./AgendaView.vue')
// The screen the app opens on most: its code loads with the app, beside the session check, not after it.
if (typeof document !== 'undefined') void AgendaView()

export const agendaFeature = defineFeature({
  id: 'agenda',
  routes: [{ path: '/day/:date?', name: 'day', component: AgendaView }],
  messages: agendaMessages,
  nav: { label: 'shell.agenda', to: { name: 'day' }, owns: (name: string) => name === 'day', order: 1, test: 'nav-agenda' },
  reset: (pinia) => forgetStores(pinia, useAgendaStore),
})
