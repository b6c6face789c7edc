import { computed, shallowRef, type ComputedRef, type ShallowRef } from 'vue'
import { minutesToPx, pxToMinutes } from '../../../../shared/agenda/layout'
import { clamp, snap } from '../../../../shared/agenda/time'

// The grid's pointer gestures as pure geometry: pointer → column and minutes, snapped; a block's body moves
// it, its bottom edge resizes it, an empty cell draws a new one. No DOM here: the grid measures and captures.

/** Where the columns area is on screen and how it maps to time. */
export interface GridGeometry {
  left: number
  top: number
  width: number
  columns: number
  startMin: number
  endMin: number
  pxPer15: number
}

export interface PointerAt {
  x: number
  y: number
  pointerId: number
}

/** The block under the pointer as the layout placed it; `edge`: on its resize handle. */
export interface BlockHit {
  id: number
  column: number
  start: number
  end: number
  top: number
  edge: boolean
}

export type Drag =
  | {
      kind: 'move'
      id: number
      pointerId: number
      x0: number
      y0: number
      start0: number
      dur: number
      col0: number
      column: number
      start: number
      moved: boolean
    }
  | { kind: 'resize'; id: number; pointerId: number; y0: number; start0: number; dur0: number; dur: number; column: number; top: number }
  | { kind: 'create'; pointerId: number; column: number; anchor: number; start: number; end: number }

export type DragResult =
  | { kind: 'open'; id: number }
  | { kind: 'move'; id: number; column: number; start: number }
  | { kind: 'resize'; id: number; duration: number }
  | { kind: 'create'; column: number; start: number; end: number }

/** A press turns into a move only past this many pixels (Manhattan), so a click still opens the block. */
export const MOVE_THRESHOLD_PX = 5
/** The bottom pixels of a block that resize it. */
export const RESIZE_PX = 7
/** A click on an empty cell (no drag) books this long. */
export const CLICK_BOOKING_MIN = 30

const DAY_MIN = 1440
const MIN_DURATION = 5

/** The column and the (unsnapped) wall minute under a point. */
export function cellAt(g: GridGeometry, x: number, y: number): { column: number; minutes: number } {
  const colW = g.width / Math.max(1, g.columns)
  return {
    column: clamp(Math.floor((x - g.left) / colW), 0, Math.max(1, g.columns) - 1),
    minutes: g.startMin + pxToMinutes(y - g.top, g.pxPer15),
  }
}

/** Whether a point at `y` is on the resize handle of a block whose bottom edge is at `bottom`. */
export const onResizeEdge = (y: number, bottom: number) => y >= bottom - RESIZE_PX

export function startDrag(g: GridGeometry, hit: BlockHit | null, p: PointerAt): Drag {
  if (hit) {
    const dur = hit.end - hit.start
    if (hit.edge)
      return {
        kind: 'resize',
        id: hit.id,
        pointerId: p.pointerId,
        y0: p.y,
        start0: hit.start,
        dur0: dur,
        dur,
        column: hit.column,
        top: hit.top,
      }
    return {
      kind: 'move',
      id: hit.id,
      pointerId: p.pointerId,
      x0: p.x,
      y0: p.y,
      start0: hit.start,
      dur,
      col0: hit.column,
      column: hit.column,
      start: hit.start,
      moved: false,
    }
  }
  const cell = cellAt(g, p.x, p.y)
  const s = clamp(Math.floor(cell.minutes / 15) * 15, g.startMin, g.endMin - 15)
  return { kind: 'create', pointerId: p.pointerId, column: cell.column, anchor: s, start: s, end: s + 15 }
}

/** The drag after the pointer moved to `p` (the same object when nothing changed). */
export function moveDrag(d: Drag, g: GridGeometry, p: PointerAt): Drag {
  if (d.kind === 'move') {
    if (!d.moved && Math.abs(p.x - d.x0) + Math.abs(p.y - d.y0) < MOVE_THRESHOLD_PX) return d
    const start = clamp(snap(d.start0 + pxToMinutes(p.y - d.y0, g.pxPer15)), 0, DAY_MIN - d.dur)
    const column = cellAt(g, p.x, p.y).column
    return d.moved && start === d.start && column === d.column ? d : { ...d, moved: true, start, column }
  }
  if (d.kind === 'resize') {
    const dur = clamp(snap(d.dur0 + pxToMinutes(p.y - d.y0, g.pxPer15)), MIN_DURATION, DAY_MIN - d.start0)
    return dur === d.dur ? d : { ...d, dur }
  }
  const m = clamp(cellAt(g, p.x, p.y).minutes, g.startMin, g.endMin)
  const a = d.anchor
  const [start, end] = m >= a ? [a, Math.max(a + 15, snap(m, 15))] : [Math.floor(m / 15) * 15, a + 15]
  return start === d.start && end === d.end ? d : { ...d, start, end }
}

/** What a drag amounts to when the pointer is released; null when it changed nothing. */
export function endDrag(d: Drag): DragResult | null {
  if (d.kind === 'move') {
    if (!d.moved) return { kind: 'open', id: d.id }
    return d.start !== d.start0 || d.column !== d.col0 ? { kind: 'move', id: d.id, column: d.column, start: d.start } : null
  }
  if (d.kind === 'resize') return d.dur !== d.dur0 ? { kind: 'resize', id: d.id, duration: d.dur } : null
  return { kind: 'create', column: d.column, start: d.start, end: d.end - d.start <= 15 ? d.start + CLICK_BOOKING_MIN : d.end }
}

/** The outline drawn while dragging, in px from the top of the columns, and the times it stands for. */
export interface Ghost {
  id: number
  column: number
  top: number
  height: number
  start: number
  end: number
}

export function ghostOf(d: Drag, g: Pick<GridGeometry, 'startMin' | 'pxPer15'>): Ghost | null {
  if (d.kind === 'move') {
    if (!d.moved) return null
    return {
      id: d.id,
      column: d.column,
      top: minutesToPx(d.start - g.startMin, g.pxPer15),
      height: minutesToPx(d.dur, g.pxPer15),
      start: d.start,
      end: d.start + d.dur,
    }
  }
  if (d.kind === 'resize') {
    const height = minutesToPx(d.start0 + d.dur - Math.max(d.start0, g.startMin), g.pxPer15)
    return { id: d.id, column: d.column, top: d.top, height, start: d.start0, end: d.start0 + d.dur }
  }
  return {
    id: 0,
    column: d.column,
    top: minutesToPx(d.start - g.startMin, g.pxPer15),
    height: minutesToPx(d.end - d.start, g.pxPer15),
    start: d.start,
    end: d.end,
  }
}

export interface GridDrag {
  drag: Readonly<ShallowRef<Drag | null>>
  ghost: ComputedRef<Ghost | null>
  /** The block being moved or resized (drawn faded), null otherwise. */
  draggingId: ComputedRef<number | null>
  down(hit: BlockHit | null, p: PointerAt): void
  /** False when the pointer is not the one dragging. */
  move(p: PointerAt): boolean
  up(p: PointerAt): void
  cancel(): void
  /** Escape cancels a drag; true when it did. */
  key(e: { key: string }): boolean
}

/** One drag at a time over a grid measured by `geometry()`; `onEnd` receives what it amounted to. */
export function useGridDrag(geometry: () => GridGeometry, onEnd: (r: DragResult) => void): GridDrag {
  const drag = shallowRef<Drag | null>(null)
  const ghost = computed(() => (drag.value ? ghostOf(drag.value, geometry()) : null))
  const draggingId = computed(() => {
    const d = drag.value
    return d && (d.kind === 'resize' || (d.kind === 'move' && d.moved)) ? d.id : null
  })
  const mine = (p: PointerAt) => drag.value !== null && drag.value.pointerId === p.pointerId
  return {
    drag,
    ghost,
    draggingId,
    down: (hit, p) => (drag.value = startDrag(geometry(), hit, p)),
    move(p) {
      if (!mine(p)) return false
      drag.value = moveDrag(drag.value!, geometry(), p)
      return true
    },
    up(p) {
      if (!mine(p)) return
      const r = endDrag(drag.value!)
      drag.value = null
      if (r) onEnd(r)
    },
    cancel: () => (drag.value = null),
    key(e) {
      if (e.key !== 'Escape' || !drag.value) return false
      drag.value = null
      return true
    },
  }
}
