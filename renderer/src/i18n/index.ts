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
/** One named placeholder, its name captured: splitting by it alternates texts and names. */
const PLACEHOLDER = /\{([A-Za-z_]\w*)\}/

interface Ctx {
  named(key: string): unknown
  interpolate(v: unknown): unknown
  normalize(parts: unknown[]): unknown
}

/** "Dati {at}" as the function vue-i18n would compile it to: the texts and, between them, the named values. */
function namedMessage(text: string): (ctx: Ctx) => unknown {
  const parts = text.split(PLACEHOLDER)
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

/**
 * What `t` can answer without vue-i18n, by dotted key, per language: a plain text; a text with named
 * placeholders (its texts and names alternating); a plural of such forms ("nessuno | uno | {n} pazienti").
 */
type Fast = { text: string } | { parts: string[] } | { forms: string[][] }
const fastMessages: Record<Locale, Map<string, Fast>> = { it: new Map(), en: new Map() }
function fastOf(v: string): Fast | null {
  if (PLAIN.test(v)) return { text: v }
  if (NAMED.test(v)) return { parts: v.split(PLACEHOLDER) }
  const forms = v.split('|').map((f) => f.trim())
  return forms.length > 1 && forms.every((f) => NAMED.test(f)) ? { forms: forms.map((f) => f.split(PLACEHOLDER)) } : null
}
function collectFast(tree: Tree, into: Map<string, Fast>, prefix = ''): void {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k
    const fast = typeof v === 'string' ? fastOf(v) : null
    if (fast) into.set(key, fast)
    else if (isTree(v)) collectFast(v, into, key)
  }
}
const readFast = (locale: Locale) => {
  fastMessages[locale] = new Map()
  collectFast(sources[locale], fastMessages[locale])
}

/** The texts with the named values between them, as vue-i18n writes them (a missing one as nothing). */
function fill(parts: string[], named: Record<string, unknown>): string | null {
  let out = parts[0]!
  for (let i = 1; i < parts.length; i += 2) {
    const v = named[parts[i]!]
    if (v != null && typeof v !== 'string' && typeof v !== 'number') return null
    out += (v ?? '') + parts[i + 1]!
  }
  return out
}
const isNamed = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype

/** vue-i18n's default choice of form: 2 forms singular | plural, 3 forms zero | one | more. */
const formOf = (n: number, forms: number) => (forms === 2 ? (Math.abs(n) === 1 ? 0 : 1) : Math.min(Math.abs(n), 2))

/** `t(key)`, `t(key, named)` or `t(key, named, count)` from `fastMessages`; null: ask vue-i18n. */
function fastT(locale: Locale, args: unknown[]): string | null {
  const [key, named, count] = args
  if (typeof key !== 'string' || args.length > 3) return null
  const m = fastMessages[locale]?.get(key)
  if (!m) return null
  if (args.length === 1) return 'text' in m ? m.text : 'parts' in m ? fill(m.parts, {}) : null
  if (!isNamed(named)) return null
  if (args.length === 2) return 'text' in m ? m.text : 'parts' in m ? fill(m.parts, named) : null
  if (!('forms' in m) || typeof count !== 'number' || !Number.isInteger(count) || m.forms.length > 3) return null
  // As vue-i18n does, the count is also {count} and {n} unless named says otherwise.
  return fill(m.forms[formOf(count, m.forms.length)]!, { count, n: count, ...named })
}

export const i18n = createI18n({
  legacy: false,
  messageResolver: resolveKey,
  locale: storedLocale(),
  fallbackLocale: 'it',
  // Typed as written (the keys are what matters to the types): plain texts are functions underneath.
  messages: { it: forI18n(sources.it) as typeof it, en: forI18n(sources.en) as typeof en },
})

for (const locale of locales) readFast(locale)

/**
 * `t` answered from `fastMessages` where it can be (the first screen asks for some 150 texts, and vue-i18n
 * builds a message context for each, and compiles each plural); anything else, and a key the language lacks,
 * goes to vue-i18n. Reading the locale keeps a component's render tied to it, as vue-i18n's own `t` does.
 */
{
  const composer = i18n.global as unknown as { t: (...args: unknown[]) => string; locale: { value: string } }
  const translate = composer.t
  composer.t = (...args: unknown[]) => fastT(composer.locale.value as Locale, args) ?? translate(...args)
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
    readFast(locale)
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
