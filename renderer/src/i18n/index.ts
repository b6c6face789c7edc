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

type Tree = Record<string, unknown>
const isTree = (v: unknown): v is Tree => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Every string as written, per language (the features' merged in): what `mergeMessages` adds to. */
const sources: Record<Locale, Tree> = { it: structuredClone(it) as Tree, en: structuredClone(en) as Tree }

/** Text with nothing for vue-i18n to parse: no {placeholder}, no @:link, no plural | (nor a literal brace). */
const PLAIN = /^[^{}@|]*$/

/**
 * The messages as vue-i18n gets them: a plain text as a message function returning it, so vue-i18n does
 * not compile it on first use (it compiles every string it has not seen: the first screen's hundred or so at
 * every start); the others as written.
 */
function forI18n(tree: Tree): Tree {
  const out: Tree = {}
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string' && PLAIN.test(v)) out[k] = () => v
    else out[k] = isTree(v) ? forI18n(v) : v
  }
  return out
}

export const i18n = createI18n({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: 'it',
  // Typed as written (the keys are what matters to the types): plain texts are functions underneath.
  messages: { it: forI18n(sources.it) as typeof it, en: forI18n(sources.en) as typeof en },
})

function mergeInto(into: Tree, from: Tree): void {
  for (const [k, v] of Object.entries(from)) {
    if (k === '__proto__') continue
    const here = into[k]
    if (isTree(v) && isTree(here)) mergeInto(here, v)
    else into[k] = isTree(v) ? structuredClone(v) : v
  }
}

/**
 * Adds features' strings, deeply: a feature may add to a shared section (e.g. `errors.code.<code>`). Merged as
 * plain objects and set once per language: vue-i18n's own merge writes string by string into its reactive
 * messages, a reactive write each (about 60 ms of every start, for the features' few thousand strings).
 */
export function mergeMessages(...all: FeatureMessages[]): void {
  for (const locale of locales) {
    for (const m of all) mergeInto(sources[locale], m[locale] as Tree)
    i18n.global.setLocaleMessage(locale, forI18n(sources[locale]) as never)
  }
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
