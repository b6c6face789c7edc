import type { RouteRecordRaw } from 'vue-router'
import { i18n } from '../../i18n'
import { billingMessages } from './i18n'

// How the billing screens plug into the app: `...billingRoutes` in the router (importing this module also
// merges the billing strings into the app's messages), and links others can use.

i18n.global.mergeLocaleMessage('it', billingMessages.it)
i18n.global.mergeLocaleMessage('en', billingMessages.en)

export const billingRoutes: RouteRecordRaw[] = [
  { path: '/billing', name: 'billing', component: () => import('./BillsView.vue') },
  { path: '/billing/bill/:id(\\d+)', name: 'billing-bill', component: () => import('./BillView.vue') },
  { path: '/billing/takings/:date?', name: 'billing-takings', component: () => import('./TakingsView.vue') },
  { path: '/billing/receipt/:key', name: 'billing-receipt', component: () => import('./ReceiptView.vue') },
]

/** The route to one bill, e.g. from a patient's page or an appointment: `router.push(billLink(id))`. */
export const billLink = (billId: number) => ({ name: 'billing-bill', params: { id: String(billId) } })

/** `#/billing/bill/ID` for a plain <a href>. */
export const billHref = (billId: number) => `#/billing/bill/${billId}`

/** The bills of a care plan (an appointment carries its carePlanId). */
export const carePlanBillsLink = (carePlanId: number) => ({ name: 'billing', query: { carePlanId: String(carePlanId) } })
