import { defineFeature, forgetStores } from '../feature'
import { useConnectivityStore } from './connectivity-store'
import { sessionMessages } from './i18n'

// Connecting and disconnecting a practice. No tab: Connect is the only screen outside the shell. Its store
// is not reset on disconnect (it holds the session itself, which disconnect has just ended); the connectivity
// store (online/offline of the practice that was open) is.
export const sessionFeature = defineFeature({
  id: 'session',
  routes: [{ path: '/connect', name: 'connect', component: () => import('./ConnectView.vue') }],
  messages: sessionMessages,
  reset: (pinia) => forgetStores(pinia, useConnectivityStore),
})
