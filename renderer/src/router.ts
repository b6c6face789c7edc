import type { Pinia } from 'pinia'
import { createRouter, createWebHashHistory, type Router } from 'vue-router'
import { isIsoDate } from '../../shared/dates'
import ConnectView from './features/session/ConnectView.vue'
import AgendaView from './features/agenda/AgendaView.vue'
import { patientRoutes } from './features/patients/routes'
import { billingRoutes } from './features/billing'
import { useSessionStore } from './stores/session'

export function createAppRouter(pinia: Pinia): Router {
  const router = createRouter({
    history: createWebHashHistory(),
    routes: [
      { path: '/', redirect: '/day' },
      { path: '/connect', name: 'connect', component: ConnectView },
      { path: '/day/:date?', name: 'day', component: AgendaView },
      ...patientRoutes,
      ...billingRoutes,
      { path: '/:pathMatch(.*)*', redirect: '/day' },
    ],
  })

  // The session decides the screen: connected → the day, otherwise → Connect.
  router.beforeEach(async (to) => {
    const session = useSessionStore(pinia)
    const status = session.status ?? (await session.check())
    if (status.state !== 'connected') return to.name === 'connect' ? true : { name: 'connect' }
    if (to.name === 'connect') return { name: 'day' }
    const date = to.params.date
    if (typeof date === 'string' && date !== '' && !isIsoDate(date)) return { name: 'day' }
    return true
  })

  return router
}
