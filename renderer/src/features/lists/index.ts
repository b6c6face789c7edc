import type { RouteRecordRaw } from 'vue-router'
import { defineFeature, forgetStores } from '../feature'
import { listsMessages } from './i18n'
import { useListsStore } from './store'

// The call lists that fill the chairs: tomorrow's confirmations, patients to call back, short-notice patients.

const routes: RouteRecordRaw[] = [
  { path: '/lists', redirect: { name: 'lists-confirmations' } },
  { path: '/lists/confirmations/:date?', name: 'lists-confirmations', component: () => import('./ConfirmationsView.vue') },
  { path: '/lists/follow-ups', name: 'lists-follow-ups', component: () => import('./FollowUpsView.vue') },
  { path: '/lists/asap', name: 'lists-asap', component: () => import('./AsapView.vue') },
]

export const listsFeature = defineFeature({
  id: 'lists',
  routes,
  messages: listsMessages,
  nav: {
    label: 'shell.lists',
    to: { name: 'lists-confirmations' },
    owns: (name: string) => name.startsWith('lists'),
    order: 4,
    test: 'nav-lists',
  },
  reset: (pinia) => forgetStores(pinia, useListsStore),
})

export { useListsStore } from './store'
