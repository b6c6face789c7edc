import { defineFeature, forgetStores } from '../feature'
import { settingsMessages } from './i18n'
import { useDeskSettingsStore } from './desk-store'
import { useSettingsStore } from './store'

// The settings panel (the gear in the shell's bar): what the cache holds on this computer, its window, and
// "svuota cache". No tab.
export const settingsFeature = defineFeature({
  id: 'settings',
  routes: [{ path: '/settings', name: 'settings', component: () => import('./SettingsView.vue') }],
  messages: settingsMessages,
  // The desk's settings: the agenda's late marks and alerts are drawn with them.
  start: (pinia) => void useDeskSettingsStore(pinia).load(),
  reset: (pinia) => forgetStores(pinia, useSettingsStore, useDeskSettingsStore),
})
