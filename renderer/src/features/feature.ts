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

/** Messages of one feature, Italian and English with the same keys. */
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
  /** Forget everything of the connected practice (disconnect, practice switch). */
  reset?: (pinia: Pinia) => void | Promise<void>
}

export const defineFeature = <F extends Feature>(feature: F): F => feature
