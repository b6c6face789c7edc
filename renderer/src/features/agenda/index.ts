import { defineFeature, forgetStores } from '../feature'
import { useArrivalsStore } from './arrivals-store'
import { agendaMessages } from './i18n'
import { useAgendaStore } from './store'
import { useTodayStore } from './today'

// How the agenda plugs into the app (features/index.ts lists it): the day route, its strings, its tab, its reset.

const AgendaView = () => import('./AgendaView.vue')
// The screen the app opens on most: its code loads with the app, beside the session check, not after it.
if (typeof document !== 'undefined') void AgendaView()

export const agendaFeature = defineFeature({
  id: 'agenda',
  routes: [{ path: '/day/:date?', name: 'day', component: AgendaView }],
  messages: agendaMessages,
  nav: { label: 'shell.agenda', to: { name: 'day' }, owns: (name: string) => name === 'day', order: 1, test: 'nav-agenda' },
  // The day's stores are built while the session check is answered, not in the first drawing's task.
  start: (pinia) => void useTodayStore(pinia),
  reset: (pinia) => forgetStores(pinia, useArrivalsStore, useTodayStore, useAgendaStore),
})
