import type { BlockItem } from './grid-items'

// A block of the grid as markup (block-layer.ts draws and patches them): a busy day is 150–400 blocks, and the
// browser's parser builds them several times faster than a virtual DOM node per element does.
// Every text and attribute from AlfaDocs goes through esc(); nothing here carries a handler (the grid's
// pointer handling is delegated to the columns and finds a block by its data-id).

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
}

export function blockMarkup(it: BlockItem, m: BlockMarks): string {
  const queued = !!m.queued?.has(it.id)
  const late = !!m.late?.has(it.id)
  const alert = m.alerts?.get(it.id)
  const cls =
    it.cls +
    (m.draggingId === it.id ? ' blk--dragging' : '') +
    (queued ? ' blk--queued' : '') +
    (late ? ' blk--late' : '') +
    (m.highlight === it.id ? ' blk--highlight' : '')
  const q = esc(m.queuedText)
  const name =
    it.name != null
      ? (it.short ? `<span class="blk__short">${esc(it.short)}</span>` : '') + `<span class="blk__full">${esc(it.name)}</span>`
      : `<span class="appt__loading">${esc(m.loadingText)}</span>`
  return (
    `<div class="${esc(cls)}" style="${esc(it.style)}" data-id="${it.id}" data-test="appointment-${it.id}" data-state="${esc(it.state)}"` +
    (queued ? ' data-queued="true">' : '>') +
    (queued ? `<span class="blk__queued" title="${q}" aria-label="${q}" data-test="appt-queued">⏳</span>` : '') +
    `<button type="button" class="blk__state${it.canNext ? '' : ' blk__state--final'}" title="${esc(it.title)}" aria-label="${esc(it.title)}" ` +
    `data-test="appt-state" data-state="${esc(it.state)}">${esc(it.mark)}<span class="blk__word">${esc(it.stateLabel)}</span></button>` +
    (late ? `<span class="blk__late" data-test="appt-late">${esc(m.lateText)}</span>` : '') +
    `<div class="blk__time" data-test="appt-time">${esc(it.start)}<span class="blk__end">${esc(it.end)}</span></div>` +
    `<div class="blk__patient" data-test="appt-patient">` +
    (alert ? `<span class="blk__alert" title="${esc(alert)}" data-test="appt-alert">⚠</span>` : '') +
    name +
    `</div>` +
    (it.desc ? `<div class="blk__desc">${esc(it.desc)}</div>` : '') +
    `</div>`
  )
}
