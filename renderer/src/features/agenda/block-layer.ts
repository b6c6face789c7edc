import { blockMarkup, type BlockMarks } from './block-markup'
import type { BlockItem } from './grid-items'

// The grid's layer of blocks, drawn from markup (block-markup.ts) and then kept up to date in place: a block
// whose markup is unchanged is left alone, a changed one keeps its element (attributes and content replaced),
// so a refresh from another desk redraws nothing under the receptionist's eye or pointer. A layer holding none
// of the new blocks (another day) is rebuilt in a single parse.

interface Drawn {
  el: HTMLElement
  html: string
}
const layers = new WeakMap<HTMLElement, Map<number, Drawn>>()

/** `el` takes `fresh`'s attributes and content; `el` itself stays in the page. */
function morph(el: HTMLElement, fresh: HTMLElement): void {
  for (const { name } of [...el.attributes]) if (!fresh.hasAttribute(name)) el.removeAttribute(name)
  for (const { name, value } of [...fresh.attributes]) if (el.getAttribute(name) !== value) el.setAttribute(name, value)
  el.replaceChildren(...fresh.childNodes)
}

/** Parses several blocks' markup at once (one parse, however many changed). */
function parse(html: string[]): HTMLElement[] {
  if (html.length === 0) return []
  const tpl = document.createElement('template')
  tpl.innerHTML = html.join('')
  return [...tpl.content.children] as HTMLElement[]
}

export function drawBlocks(layer: HTMLElement, items: readonly BlockItem[], marks: BlockMarks): void {
  const before = layers.get(layer)
  const html = items.map((it) => blockMarkup(it, marks))
  const now = new Map<number, Drawn>()
  if (!before || !items.some((it) => before.has(it.id)) || layer.children.length !== before.size) {
    layer.innerHTML = html.join('')
    const els = layer.children
    items.forEach((it, i) => now.set(it.id, { el: els[i] as HTMLElement, html: html[i]! }))
    layers.set(layer, now)
    return
  }
  const changed = items.flatMap((it, i) => (before.get(it.id)?.html === html[i] ? [] : [i]))
  const fresh = new Map(parse(changed.map((i) => html[i]!)).map((el, n) => [changed[n]!, el]))
  items.forEach((it, i) => {
    const was = before.get(it.id)
    const made = fresh.get(i)
    let el = was?.el ?? made!
    if (was && made) morph(was.el, made)
    else if (!was) el = made!
    const at = layer.children[i] ?? null
    if (at !== el) layer.insertBefore(el, at)
    now.set(it.id, { el, html: html[i]! })
  })
  while (layer.children.length > items.length) layer.lastElementChild!.remove()
  layers.set(layer, now)
}
