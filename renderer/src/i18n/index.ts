import { createI18n } from 'vue-i18n'
import type { FeatureMessages } from '../features/feature'
import { en } from './en'
import { it } from './it'

export const locales = ['it', 'en'] as const
export type Locale = (typeof locales)[number]

const STORAGE_KEY = 'sportello.locale'

function storedLocale(): Locale {
  try {
    const v = localStorage.getItem(STORAGE_KEY)
    return v === 'en' || v === 'it' ? v : 'it'
  } catch {
    return 'it'
  }
}

/** The app's own strings; every feature's are merged in by main.ts (`mergeMessages`). */
export const coreMessages: FeatureMessages = { it, en }

export const i18n = createI18n({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: 'it',
  messages: { it: structuredClone(it), en: structuredClone(en) },
})

/** Adds a feature's strings, deeply: a feature may add to a shared section (e.g. `errors.code.<code>`). */
export function mergeMessages(messages: FeatureMessages): void {
  i18n.global.mergeLocaleMessage('it', messages.it as Record<string, unknown>)
  i18n.global.mergeLocaleMessage('en', messages.en as Record<string, unknown>)
}

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // Storage unavailable: the choice lasts for this session only.
  }
}
