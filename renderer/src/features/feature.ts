import type { Pinia } from 'pinia'
import type { RouteLocationRaw, RouteRecordRaw } from 'vue-router'

/** A feature's tab in the shell's navigation. */
export interface FeatureNav {
  /** i18n key of the tab's label. */
  label: string
  to: RouteLocationRaw
  /** Whether a route (by name) belongs to this tab, to mark it as the current one. */
  owns: (routeName: string) => boolean
  /** Position in the bar; Alt+N follows it. */
  order: number
  test: string
}

/**
 * Messages of one feature, Italian and English with the same keys (test/unit/renderer/src/features/messages.test.ts
 * checks every feature). Merged deeply into the app's messages, so a feature may add `errors.code.<code>` entries.
 */
export interface FeatureMessages<M extends object = object> {
  it: M
  en: M
}

/**
 * Everything the app needs of a feature, from its `index.ts`: router, i18n, shell and disconnect iterate
 * the list in `features/index.ts` instead of knowing each feature.
 */
export interface Feature {
  id: string
  routes: RouteRecordRaw[]
  messages: FeatureMessages
  nav?: FeatureNav
  /**
   * At start, beside the session check (just before it): asks main for what the first screen draws with (so
   * that it is there for that screen's first paint, not a redraw after it), or builds what it draws from.
   * Forgotten by `reset` if the desk turns out not connected.
   */
  start?: (pinia: Pinia) => void
  /** Forget everything of the connected practice (disconnect, practice switch). */
  reset?: (pinia: Pinia) => void | Promise<void>
}

export const defineFeature = <F extends Feature>(feature: F): F => feature

/** Any `useXStore` from `defineStore`: only its id and its instance's optional `reset` matter here. */
type AnyStoreDefinition = { $id: string } & ((pinia?: Pinia | null) => object)

/**
 * A feature's `reset` for its Pinia stores: each store that exists runs its own `reset()` if it has one (to stop
 * timers and work in flight), then is disposed with its state, so the next `useXStore()` starts empty. Call it
 * once no screen shows the store any more (after leaving for Connect).
 */
export function forgetStores(pinia: Pinia, ...stores: AnyStoreDefinition[]): void {
  for (const def of stores) {
    const id = def.$id
    if (!(id in pinia.state.value)) continue
    const store = def(pinia) as { reset?: () => void; $dispose(): void }
    store.reset?.()
    store.$dispose()
    delete pinia.state.value[id]
  }
}
