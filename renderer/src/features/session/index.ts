import { defineFeature } from '../feature'
import { sessionMessages } from './i18n'

// Connecting and disconnecting a practice. No tab: Connect is the only screen outside the shell. Its store
// is not reset on disconnect (it holds the session itself, which disconnect has just ended).
export const sessionFeature = defineFeature({
  id: 'session',
  routes: [{ path: '/connect', name: 'connect', component: () => import('./ConnectView.vue') }],
  messages: sessionMessages,
})
