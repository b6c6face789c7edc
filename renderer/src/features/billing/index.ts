import type { RouteRecordRaw } from 'vue-router'
import { defineFeature, forgetStores } from '../feature'
import { billingMessages } from './i18n'
import { useBillingStore } from './store'

// How billing plugs into the app (features/index.ts lists it), and the links other features use.

const routes: RouteRecordRaw[] = [
  { path: '/billing', name: 'billing', component: () => import('./BillsView.vue') },
  { path: '/billing/bill/:id(\\d+)', name: 'billing-bill', component: () => import('./BillView.vue') },
  { path: '/billing/takings/:date?', name: 'billing-takings', component: () => import('./TakingsView.vue') },
  { path: '/billing/receipt/:key', name: 'billing-receipt', component: () => import('./ReceiptView.vue') },
  { path: '/billing/day-close/:date?', name: 'billing-day-close', component: () => import('./DayCloseView.vue') },
]

export const billingFeature = defineFeature({
  id: 'billing',
  routes,
  messages: billingMessages,
  nav: {
    label: 'shell.billing',
    to: { name: 'billing' },
    owns: (name: string) => name.startsWith('billing'),
    order: 3,
    test: 'nav-billing',
  },
  // The shell reads it on every screen (unfinished payments): built while the session check is answered.
  start: (pinia) => void useBillingStore(pinia),
  reset: (pinia) => forgetStores(pinia, useBillingStore),
})

export { billHref, billLink, carePlanBillsLink, dayCloseLink, patientBillsLink, receiptLink } from './links'
