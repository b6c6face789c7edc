import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { computed } from 'vue'
import { createI18n } from 'vue-i18n'
import { features } from '../../../../../renderer/src/features'
import { coreMessages, i18n, mergeMessages } from '../../../../../renderer/src/i18n'

// The one it/en check for every string of the app: the core messages and each feature's, key by key, with
// the same {placeholders} and the same number of plural forms.

type Tree = { [k: string]: string | Tree }

/** "a.b.c" → "text" for every leaf. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k
    if (typeof v === 'string') out.set(key, v)
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv)
  }
  return out
}

function deepMerge(trees: Tree[]): Tree {
  const out: Tree = {}
  for (const t of trees)
    for (const [k, v] of Object.entries(t)) {
      const here = out[k]
      out[k] = typeof v === 'string' ? v : deepMerge(typeof here === 'object' ? [here, v] : [v])
    }
  return out
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
const forms = (s: string) => s.split(' | ').length

const sets = [{ id: 'core', messages: coreMessages }, ...features.map((f) => ({ id: f.id, messages: f.messages }))]

/** Every set merged into the app's i18n, and the same strings as written in a vue-i18n of their own. */
function everyMessageRaw() {
  mergeMessages(...sets.map((x) => x.messages))
  const raw = createI18n({
    legacy: false,
    locale: 'it',
    messages: Object.fromEntries((['it', 'en'] as const).map((l) => [l, deepMerge(sets.map((x) => x.messages[l] as Tree))])) as never,
  })
  return raw.global as unknown as { t: (k: string, p?: object) => string; locale: { value: string } }
}

describe('messages', () => {
  it.each(sets)('$id: English has exactly the Italian keys, placeholders and plural forms', ({ messages }) => {
    const it_ = leaves(messages.it as Tree)
    const en = leaves(messages.en as Tree)
    expect([...en.keys()].sort()).toEqual([...it_.keys()].sort())
    expect(it_.size).toBeGreaterThan(0)
    for (const [key, text] of it_) {
      const other = en.get(key) ?? ''
      expect({ key, placeholders: placeholders(other) }).toEqual({ key, placeholders: placeholders(text) })
      expect({ key, forms: forms(other) }).toEqual({ key, forms: forms(text) })
      expect({ key, empty: other.trim() === '' }).toEqual({ key, empty: text.trim() === '' })
    }
  })

  it('no two sets define the same key (a later merge would silently replace an earlier string)', () => {
    const owner = new Map<string, string>()
    const clashes: string[] = []
    for (const { id, messages } of sets) {
      for (const key of leaves(messages.it as Tree).keys()) {
        const first = owner.get(key)
        if (first) clashes.push(`${key}: ${first} and ${id}`)
        else owner.set(key, id)
      }
    }
    expect(clashes).toEqual([])
  })

  it("merging is deep: a feature's errors.code entries and errors.<context> join the core's errors", () => {
    mergeMessages({ it: { errors: { code: { 'test-only-code': 'Prova' } } }, en: { errors: { code: { 'test-only-code': 'Test' } } } })
    for (const f of features) mergeMessages(f.messages)
    const { te, t } = i18n.global
    expect(t('errors.code.test-only-code')).toBe('Prova')
    expect(te('errors.offline')).toBe(true)
    expect(te('errors.connect.auth')).toBe(true)
    expect(t('connect.demoButton')).toBe('Apri lo studio demo')
  })

  it('plain texts and named placeholders reach vue-i18n as functions (nothing to compile at start); the rest as written, and all read the same', () => {
    mergeMessages({
      it: {
        testOnly: {
          plain: 'Apri scheda paziente',
          named: 'Ciao {name}',
          two: '{a}{b} e {a}.',
          plural: 'nessuno | uno | {n} pazienti',
          brace: "Prezzo {'{'}",
        },
      },
      en: {
        testOnly: {
          plain: 'Open patient file',
          named: 'Hello {name}',
          two: '{a}{b} and {a}.',
          plural: 'none | one | {n} patients',
          brace: "Price {'{'}",
        },
      },
    })
    const held = i18n.global.getLocaleMessage('it') as unknown as { testOnly: Record<string, unknown> }
    expect(typeof held.testOnly.plain).toBe('function')
    expect(['named', 'two'].map((k) => typeof held.testOnly[k])).toEqual(['function', 'function'])
    expect(['plural', 'brace'].map((k) => typeof held.testOnly[k])).toEqual(['string', 'string'])
    const { t, te } = i18n.global
    expect(te('testOnly.plain')).toBe(true)
    expect(t('testOnly.plain')).toBe('Apri scheda paziente')
    expect(t('testOnly.named', { name: 'Maria' })).toBe('Ciao Maria')
    expect(t('testOnly.named')).toBe('Ciao ')
    expect(t('testOnly.two', { a: 1, b: 'x' })).toBe('1x e 1.')
    expect(t('testOnly.plural', { n: 3 }, 3)).toBe('3 pazienti')
    expect(t('testOnly.brace')).toBe('Prezzo {')
    i18n.global.locale.value = 'en'
    expect(t('testOnly.plain')).toBe('Open patient file')
    expect(t('testOnly.two', { a: 2, b: 'y' })).toBe('2y and 2.')
    i18n.global.locale.value = 'it'
  })

  it('every message with named placeholders reads as vue-i18n itself reads it, in both languages', () => {
    const rawGlobal = everyMessageRaw()
    let compared = 0
    for (const locale of ['it', 'en'] as const) {
      const all = new Map(sets.flatMap((x) => [...leaves(x.messages[locale] as Tree)]))
      i18n.global.locale.value = locale
      rawGlobal.locale.value = locale
      for (const [key, text] of all) {
        if (!/\{[A-Za-z_]\w*\}/.test(text) || /[@|]/.test(text) || /\{(?![A-Za-z_]\w*\})/.test(text)) continue
        const params = Object.fromEntries(placeholders(text).map((p, n) => [p, n % 2 ? n * 7 : `«${p}»`]))
        const ours = (i18n.global.t as (k: string, p: object) => string)(key, params)
        const theirs = rawGlobal.t(key, params)
        expect({ key, text: ours }).toEqual({ key, text: theirs })
        compared++
      }
    }
    i18n.global.locale.value = 'it'
    expect(compared).toBeGreaterThan(40)
  })

  it('every plain text reads as vue-i18n itself reads it, in both languages, and a render asking for one follows the language', () => {
    const rawGlobal = everyMessageRaw()
    const t = i18n.global.t as (k: string) => string
    let compared = 0
    for (const locale of ['it', 'en'] as const) {
      i18n.global.locale.value = locale
      rawGlobal.locale.value = locale
      for (const [key, text] of new Map(sets.flatMap((x) => [...leaves(x.messages[locale] as Tree)]))) {
        if (/[{}@|]/.test(text)) continue
        expect({ key, text: t(key) }).toEqual({ key, text: rawGlobal.t(key) })
        compared++
      }
    }
    expect(compared).toBeGreaterThan(1000)
    i18n.global.locale.value = 'it'
    const label = computed(() => t('connect.demoButton'))
    expect(label.value).toBe('Apri lo studio demo')
    i18n.global.locale.value = 'en'
    expect(label.value).not.toBe('Apri lo studio demo')
    expect(label.value).toBe(rawGlobal.t('connect.demoButton'))
    i18n.global.locale.value = 'it'
    // A key one language lacks still goes to vue-i18n (its fallback language), as before.
    mergeMessages({ it: { testOnly: { onlyIt: 'Solo italiano' } }, en: {} })
    i18n.global.locale.value = 'en'
    expect(t('testOnly.onlyIt')).toBe('Solo italiano')
    i18n.global.locale.value = 'it'
  })

  it('every plural reads as vue-i18n itself reads it, for every count, in both languages; so does a named text asked without values', () => {
    const rawGlobal = everyMessageRaw()
    const t = i18n.global.t as (k: string, ...rest: unknown[]) => string
    const raw = rawGlobal.t as (k: string, ...rest: unknown[]) => string
    let plurals = 0
    for (const locale of ['it', 'en'] as const) {
      i18n.global.locale.value = locale
      rawGlobal.locale.value = locale
      for (const [key, text] of new Map(sets.flatMap((x) => [...leaves(x.messages[locale] as Tree)]))) {
        if (text.includes('|')) {
          for (const n of [0, 1, 2, 3, 11, -1, -2])
            for (const named of [{}, { n: 'N' }, Object.fromEntries(placeholders(text).map((p) => [p, `«${p}»`]))])
              expect({ key, n, named, text: t(key, named, n) }).toEqual({ key, n, named, text: raw(key, named, n) })
          plurals++
        } else if (/\{[A-Za-z_]\w*\}/.test(text)) expect({ key, text: t(key) }).toEqual({ key, text: raw(key) })
      }
    }
    expect(plurals).toBeGreaterThan(10)
    i18n.global.locale.value = 'it'
    // Values vue-i18n writes its own way (objects, lists) still go to it.
    mergeMessages({ it: { testOnly: { list: 'Lista {v}' } }, en: { testOnly: { list: 'List {v}' } } })
    expect(t('testOnly.list', { v: [1, 2] })).toBe('Lista [\n  1,\n  2\n]')
  })

  it("every key is a plain dotted name (what the dotted walk resolves, as vue-i18n's own path parser would)", () => {
    for (const { messages } of sets)
      for (const locale of ['it', 'en'] as const)
        for (const key of leaves(messages[locale] as Tree).keys()) expect(key).toMatch(/^[\w-]+(\.[\w-]+)*$/)
    const { t, te } = i18n.global
    expect(te('agenda')).toBe(false)
    expect(te('agenda.nothing.here')).toBe(false)
    expect(t('connect.demoButton')).toBe('Apri lo studio demo')
    expect(te('__proto__.toString')).toBe(false)
  })
})
