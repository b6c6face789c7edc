import type { Pinia } from 'pinia'
import { createRouter, createWebHashHistory, type Router, type RouterHistory } from 'vue-router'
import { isIsoDate } from '../../shared/dates'
import type { Feature } from './features/feature'
import { useSessionStore } from './features/session/store'

/** The app's routes: every feature's, the start page (the day) and a fallback to it. */
export function createAppRouter(pinia: Pinia, features: readonly Feature[]): Router {
  const router = createRouter({
    history: hashHistory(),
    routes: [{ path: '/', redirect: '/day' }, ...features.flatMap((f) => f.routes), { path: '/:pathMatch(.*)*', redirect: '/day' }],
  })

  // The session decides the screen: connected → the day, otherwise → Connect.
  router.beforeEach(async (to) => {
    const session = useSessionStore(pinia)
    const status = session.status ?? (await firstCheck())
    if (status.state !== 'connected') return to.name === 'connect' ? true : { name: 'connect' }
    if (to.name === 'connect') return { name: 'day' }
    const date = to.params.date
    if (typeof date === 'string' && date !== '' && !isIsoDate(date)) return { name: 'day' }
    return true
  })

  /**
   * The session's first check, and the features' first asks beside it (forgotten when not connected). The
   * asks leave first: the day is drawn once the check is answered, and it draws with their answers (sent after
   * the check, the settings and the alert fields' definitions could come after the first drawing).
   */
  async function firstCheck() {
    const starting = features.filter((f) => f.start)
    for (const f of starting) f.start!(pinia)
    const status = await useSessionStore(pinia).check()
    if (status.state !== 'connected') for (const f of starting) await f.reset?.(pinia)
    return status
  }

  return router
}

/**
 * The hash history, without the scroll position vue-router saves as the page is hidden (for a scrollBehavior,
 * which this app has not: the window never scrolls, its screens do). Reading that position makes the browser
 * recompute the whole page's style and layout while it hides: some 20 ms of every reload and every quit.
 */
export function hashHistory(): RouterHistory {
  const skipped = new Set(['visibilitychange', 'pagehide'])
  const targets: EventTarget[] = [window, document]
  for (const t of targets) {
    const add = t.addEventListener.bind(t)
    Object.defineProperty(t, 'addEventListener', {
      configurable: true,
      value: (type: string, ...rest: [EventListenerOrEventListenerObject | null, (boolean | AddEventListenerOptions)?]) =>
        skipped.has(type) ? undefined : add(type, ...rest),
    })
  }
  try {
    return createWebHashHistory()
  } finally {
    for (const t of targets) delete (t as { addEventListener?: unknown }).addEventListener
  }
}
