import type { Pinia } from 'pinia'
import { createRouter, createWebHashHistory, type Router } from 'vue-router'
import { isIsoDate } from '../../shared/dates'
import type { Feature } from './features/feature'
import { useSessionStore } from './features/session/store'

/** The app's routes: every feature's, the start page (the day) and a fallback to it. */
export function createAppRouter(pinia: Pinia, features: readonly Feature[]): Router {
  const router = createRouter({
    history: createWebHashHistory(),
    routes: [{ path: '/', redirect: '/day' }, ...features.flatMap((f) => f.routes), { path: '/:pathMatch(.*)*', redirect: '/day' }],
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
