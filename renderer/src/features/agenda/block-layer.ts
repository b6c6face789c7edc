import { blockMarkup, type BlockMarks } from './block-markup'
import type { BlockItem } from './grid-items'

// The grid's layer of blocks, drawn from markup (block-markup.ts) and then kept up to date in place: a block
// whose markup is unchanged is left alone, a changed one keeps its element (attributes and content replaced),
// so a refresh from another desk redraws nothing under the receptionist's eye or pointer. A layer holding none
// of the new blocks (another day) is rebuilt in a single parse: given the rows the grid is about to show, the
// blocks crossing them first, and the rest in a task after that frame (a 12-chair day's first screen holds about
// a third of its blocks; they are what the desk reads first, and nothing below them waits for them).

interface Drawn {
  el: HTMLElement
  html: string
}
const layers = new WeakMap<HTMLElement, Map<number, Drawn>>()
/** Each layer's latest rebuild: a deferred rest of an older one is dropped (another day is on screen). */
const draws = new WeakMap<HTMLElement, number>()
/** What each layer was last asked to draw. */
const asked = new WeakMap<HTMLElement, { items: readonly BlockItem[]; marks: BlockMarks }>()
/** The rows of a rebuild whose rest has not come yet: an update before it (a refresh) leaves the rest to it. */
const waiting = new WeakMap<HTMLElement, Rows>()

const sameMarks = (a: BlockMarks, b: BlockMarks) =>
  (Object.keys(a) as (keyof BlockMarks)[]).every((k) => a[k] === b[k]) && Object.keys(a).length === Object.keys(b).length

type PostTask = (fn: () => void, o: { priority: 'background' }) => Promise<unknown>
const scheduler = (globalThis as { scheduler?: { postTask?: PostTask } }).scheduler
const postTask = scheduler?.postTask?.bind(scheduler)

/** After the next frame, behind what that frame's screen does next (its side panel, its bars): what is off screen waits. */
function afterFrame(fn: () => void): void {
  requestAnimationFrame(() => (postTask ? void postTask(fn, { priority: 'background' }) : setTimeout(() => setTimeout(fn, 0), 0)))
}

/** Rows of the grid, px from its top. */
export interface Rows {
  top: number
  bottom: number
}

/** The share of the view above the minute a day opens on; scrollTopFor and rowsInView must agree on it. */
const ABOVE = 1 / 3

/**
 * Where the grid scrolls to show `focus` (px from the top of its body, `bodyTop` px below the top of its
 * scrolled content: the sticky headers): a third of a `view` px high view above it, counted from the body, so
 * that the rows in view are the same whatever the headers' height (rowsInView knows no layout).
 */
export function scrollTopFor(focus: number, bodyTop: number, view: number): number {
  return Math.max(0, bodyTop + focus - view * ABOVE)
}

/**
 * The rows on screen once the grid is scrolled to `focus` (px) by scrollTopFor, for any view up to `viewport`
 * px high: the window's height bounds the grid's.
 */
export function rowsInView(focus: number, viewport: number, height: number): Rows {
  const top = Math.max(0, Math.min(focus - viewport * ABOVE, height - viewport))
  return { top, bottom: Math.max(viewport, focus + viewport - viewport * ABOVE) }
}

const crosses = (it: BlockItem, rows: Rows) => it.bottom >= rows.top && it.top <= rows.bottom

/** The blocks crossing `rows`, and the others (each in the layer's order). */
export function splitByRows(items: readonly BlockItem[], rows: Rows): [BlockItem[], BlockItem[]] {
  const first: BlockItem[] = []
  const rest: BlockItem[] = []
  for (const it of items) (crosses(it, rows) ? first : rest).push(it)
  return [first, rest]
}

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

/**
 * Draws `items` in `layer`; on a rebuild with `rows`, the blocks outside them come in a task after the next frame.
 * Asked again for the very same items and marks, it does nothing (and a deferred rest still comes).
 */
export function drawBlocks(layer: HTMLElement, items: readonly BlockItem[], marks: BlockMarks, rows?: Rows): void {
  const last = asked.get(layer)
  if (last && last.items === items && sameMarks(last.marks, marks)) return
  asked.set(layer, { items, marks })
  paint(layer, items, marks, rows)
}

function paint(layer: HTMLElement, items: readonly BlockItem[], marks: BlockMarks, rows?: Rows): void {
  const before = layers.get(layer)
  const now = new Map<number, Drawn>()
  if (!before || !items.some((it) => before.has(it.id)) || layer.children.length !== before.size) {
    const draw = (draws.get(layer) ?? 0) + 1
    draws.set(layer, draw)
    const [first, rest] = rows ? splitByRows(items, rows) : [items, []]
    const html = first.map((it) => blockMarkup(it, marks))
    layer.innerHTML = html.join('')
    const els = layer.children
    first.forEach((it, i) => now.set(it.id, { el: els[i] as HTMLElement, html: html[i]! }))
    layers.set(layer, now)
    waiting.delete(layer)
    if (rest.length === 0) return
    waiting.set(layer, rows!)
    // The rest draws what was asked last: an update in between (below) drew only what was on screen.
    afterFrame(() => {
      const last = asked.get(layer)
      if (draws.get(layer) !== draw || !last) return
      waiting.delete(layer)
      paint(layer, last.items, last.marks)
    })
    return
  }
  // A rebuild's rest still to come: only the blocks already drawn and those in its rows, the rest is left to it.
  const first = waiting.get(layer)
  if (first) items = items.filter((it) => before.has(it.id) || crosses(it, first))
  const html = items.map((it) => blockMarkup(it, marks))
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
