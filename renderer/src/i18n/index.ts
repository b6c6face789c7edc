import { createI18n } from 'vue-i18n'
import type { ErrorKind } from '../../../shared/contract'
import { agendaMessages } from '../features/agenda/i18n'
import { documentsMessages } from '../features/documents/i18n'
import { patientsMessages } from '../features/patients/i18n'
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

export const i18n = createI18n({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: 'it',
  messages: {
    it: { ...it, ...agendaMessages.it, ...patientsMessages.it, ...documentsMessages.it },
    en: { ...en, ...agendaMessages.en, ...patientsMessages.en, ...documentsMessages.en },
  },
})

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // Storage unavailable: the choice lasts for this session only.
  }
}

export type ErrorContext = 'connect'

/** The translated sentence for an error kind, with a context-specific wording where there is one. */
export function errorMessage(kind: ErrorKind, context?: ErrorContext): string {
  const t = i18n.global.t
  const te = i18n.global.te
  if (context && te(`errors.${context}.${kind}`)) return t(`errors.${context}.${kind}`)
  return te(`errors.${kind}`) ? t(`errors.${kind}`) : t('errors.internal')
}
