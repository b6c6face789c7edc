import { onBeforeUnmount } from 'vue'
import { onResizeEdge } from './use-grid-drag'

// The grid's DOM side of pointer handling: which block an event is on, its resize edge, the hover delay.

/** The block (or all-day chip) an event happened in: its element and appointment id. */
export function blockOf(e: Event): { el: HTMLElement; id: number } | null {
  const el = (e.target as HTMLElement).closest<HTMLElement>('[data-id]')
  return el ? { el, id: Number(el.dataset.id) } : null
}

/** The bottom of a block is its resize handle (over the state button too, in a short block). */
export const onEdge = (e: MouseEvent, el: HTMLElement) => onResizeEdge(e.clientY, el.getBoundingClientRect().bottom)

/** The handle is no element of its own (one less box per block): the cursor follows the pointer instead. */
export function edgeCursor(e: PointerEvent): void {
  const hit = blockOf(e)
  if (!hit) return
  const cursor = onEdge(e, hit.el) ? 'ns-resize' : ''
  if (hit.el.style.cursor !== cursor) hit.el.style.cursor = cursor
}

export const HOVER_DELAY_MS = 350

/** Reports the block the pointer rests on (after HOVER_DELAY_MS), or null when it leaves or presses. */
export function useHoverIntent(report: (h: { id: number; rect: DOMRect } | null) => void) {
  let timer: ReturnType<typeof setTimeout> | null = null
  const clear = () => timer && clearTimeout(timer)
  onBeforeUnmount(clear)
  return {
    over(e: PointerEvent) {
      const hit = blockOf(e)
      clear()
      if (!hit) return report(null)
      timer = setTimeout(() => report({ id: hit.id, rect: hit.el.getBoundingClientRect() }), HOVER_DELAY_MS)
    },
    leave() {
      clear()
      report(null)
    },
  }
}
