import { roomOf, wordFits, type BlockItem, type BlockRoom } from './grid-items'

// A block of the grid as markup (block-layer.ts draws and patches them): a busy day is 150–400 blocks, and the
// browser's parser builds them several times faster than a virtual DOM node per element does.
// Every text and attribute from AlfaDocs goes through esc(); nothing here carries a handler (the grid's
// pointer handling is delegated to the columns and finds a block by its data-id).
// A block holds only the text its width has room for (the grid's measured room): each element drawn costs
// style and layout, shown or not, and a busy day has 400 blocks. The state's word shares the mark's text node
// (a span of its own per block cost some 10 % of a 400-block render).

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ESC[c]!)

/** What marks a block besides its own data: the desk's state around it. */
export interface BlockMarks {
  draggingId: number | null
  queued?: ReadonlySet<number>
  late?: ReadonlyMap<number, number>
  alerts?: ReadonlyMap<number, string>
  highlight?: number | null
  lateText: string
  queuedText: string
  loadingText: string
  /** What the blocks have room for, from the grid's column width (grid-items.ts blockRoom). */
  room: BlockRoom
}

export function blockMarkup(it: BlockItem, m: BlockMarks): string {
  const queued = !!m.queued?.has(it.id)
  const late = !!m.late?.has(it.id)
  const alert = m.alerts?.get(it.id)
  const r = roomOf(m.room, it.lanes)
  const word = wordFits(r, it.state)
  const cls =
    it.cls +
    (r.wide ? '' : ' blk--narrow') +
    (r.tiny ? ' blk--tiny' : '') +
    (m.draggingId === it.id ? ' blk--dragging' : '') +
    (queued ? ' blk--queued' : '') +
    (late ? ' blk--late' : '') +
    (m.highlight === it.id ? ' blk--highlight' : '')
  const q = esc(m.queuedText)
  const name = it.name != null ? esc(r.wide ? it.name : (it.short ?? it.name)) : `<span class="appt__loading">${esc(m.loadingText)}</span>`
  return (
    `<div class="${esc(cls)}" style="${esc(it.style)}" data-id="${it.id}" data-test="appointment-${it.id}" data-state="${esc(it.state)}"` +
    (queued ? ' data-queued="true">' : '>') +
    (queued ? `<span class="blk__queued" title="${q}" aria-label="${q}" data-test="appt-queued">↻</span>` : '') +
    `<button type="button" class="blk__state${it.canNext ? '' : ' blk__state--final'}${word ? ' blk__state--word' : ''}" title="${esc(it.title)}" aria-label="${esc(it.title)}" ` +
    `data-test="appt-state" data-state="${esc(it.state)}">${esc(it.mark)}${word ? ` ${esc(it.stateLabel)}` : ''}</button>` +
    (late ? `<span class="blk__late" data-test="appt-late">${esc(m.lateText)}</span>` : '') +
    `<div class="blk__time" data-test="appt-time">${esc(it.start)}${r.end && !it.oneLine ? esc(it.end) : ''}</div>` +
    `<div class="blk__patient" data-test="appt-patient">` +
    (alert ? `<span class="blk__alert" title="${esc(alert)}" data-test="appt-alert">⚠</span>` : '') +
    name +
    `</div>` +
    (it.desc && !it.oneLine ? `<div class="blk__desc">${esc(it.desc)}</div>` : '') +
    `</div>`
  )
}
