import { createI18n, type PathValue } from 'vue-i18n'
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
/** Text whose only syntax is named placeholders ("Aggiornato alle {time}"). */
const NAMED = /^(?:[^{}@|]|\{[A-Za-z_]\w*\})*$/

interface Ctx {
  named(key: string): unknown
  interpolate(v: unknown): unknown
  normalize(parts: unknown[]): unknown
}

/** "Dati {at}" as the function vue-i18n would compile it to: the texts and, between them, the named values. */
function namedMessage(text: string): (ctx: Ctx) => unknown {
  const parts = text.split(/\{([A-Za-z_]\w*)\}/)
  return (ctx) => ctx.normalize(parts.map((p, i) => (i % 2 === 0 ? p : ctx.interpolate(ctx.named(p)))).filter((p) => p !== ''))
}

/**
 * The messages as vue-i18n gets them: a plain text as a message function returning it, one with named
 * placeholders as the function vue-i18n would compile, so vue-i18n compiles nothing on first use (it would
 * compile every string it has not seen: the first screen's hundred or so at every start); plurals, links and
 * literals as written.
 */
function forI18n(tree: Tree): Tree {
  const out: Tree = {}
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string' && PLAIN.test(v)) out[k] = () => v
    else if (typeof v === 'string' && NAMED.test(v)) out[k] = namedMessage(v)
    else out[k] = isTree(v) ? forI18n(v) : v
  }
  return out
}

/**
 * A key ("agenda.view.weekOf") to its message: the keys are plain dotted names, so a walk down the tree does
 * what vue-i18n's own path parser does, without parsing each key of the first screen at every start.
 */
function resolveKey(tree: unknown, key: string): PathValue {
  let at: unknown = tree
  for (const part of key.split('.')) {
    if (!isTree(at) || !Object.hasOwn(at, part)) return null
    at = at[part]
  }
  return (at ?? null) as PathValue
}

/** Every plain text by its dotted key, per language: what `t(key)` returns without going through vue-i18n. */
const plainTexts: Record<Locale, Map<string, string>> = { it: new Map(), en: new Map() }
function collectPlain(tree: Tree, into: Map<string, string>, prefix = ''): void {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k
    if (typeof v === 'string' && PLAIN.test(v)) into.set(key, v)
    else if (isTree(v)) collectPlain(v, into, key)
  }
}
const readPlain = (locale: Locale) => {
  plainTexts[locale] = new Map()
  collectPlain(sources[locale], plainTexts[locale])
}

export const i18n = createI18n({
  legacy: false,
  messageResolver: resolveKey,
  locale: storedLocale(),
  fallbackLocale: 'it',
  // Typed as written (the keys are what matters to the types): plain texts are functions underneath.
  messages: { it: forI18n(sources.it) as typeof it, en: forI18n(sources.en) as typeof en },
})

for (const locale of locales) readPlain(locale)

/**
 * `t(key)` of a plain text answered from `plainTexts` (the first screen asks for a hundred or so, and vue-i18n
 * builds a message context for each); anything else, and a key the language lacks, goes to vue-i18n. Reading
 * the locale keeps a component's render tied to it, as vue-i18n's own `t` does.
 */
{
  const composer = i18n.global as unknown as { t: (...args: unknown[]) => string; locale: { value: string } }
  const translate = composer.t
  composer.t = (...args: unknown[]) => {
    const text = args.length === 1 && typeof args[0] === 'string' ? plainTexts[composer.locale.value as Locale]?.get(args[0]) : undefined
    return text ?? translate(...args)
  }
}

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
    readPlain(locale)
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
