import { describe, expect, it } from 'vitest'
import {
  cellAt,
  CLICK_BOOKING_MIN,
  endDrag,
  ghostOf,
  moveDrag,
  MOVE_THRESHOLD_PX,
  onResizeEdge,
  RESIZE_PX,
  startDrag,
  useGridDrag,
  type BlockHit,
  type DragResult,
  type GridGeometry,
} from '../../../../../../renderer/src/features/agenda/use-grid-drag'

// 4 columns of 200 px from x=100, the day from 08:00 at y=50, 44 px per quarter hour (zoom 2).
const g: GridGeometry = { left: 100, top: 50, width: 800, columns: 4, startMin: 8 * 60, endMin: 20 * 60, pxPer15: 44 }
const yAt = (minutes: number) => g.top + ((minutes - g.startMin) / 15) * g.pxPer15
const xIn = (column: number) => g.left + column * 200 + 100
const p = (x: number, y: number, pointerId = 1) => ({ x, y, pointerId })
/** A 30-minute block at 09:00 in column 1. */
const block = (edge = false): BlockHit => ({ id: 7, column: 1, start: 540, end: 570, top: yAt(540) - g.top, edge })

describe('grid geometry', () => {
  it('maps a point to its column and wall minute, clamped to the columns', () => {
    expect(cellAt(g, xIn(2), yAt(600))).toEqual({ column: 2, minutes: 600 })
    expect(cellAt(g, 0, yAt(480)).column).toBe(0)
    expect(cellAt(g, 5000, yAt(480)).column).toBe(3)
  })
  it('the bottom RESIZE_PX of a block resize it', () => {
    expect(onResizeEdge(100 - RESIZE_PX, 100)).toBe(true)
    expect(onResizeEdge(100 - RESIZE_PX - 1, 100)).toBe(false)
  })
})

describe('moving a block', () => {
  it('a press without moving past the threshold opens the block', () => {
    let d = startDrag(g, block(), p(xIn(1), yAt(550)))
    d = moveDrag(d, g, p(xIn(1) + MOVE_THRESHOLD_PX - 1, yAt(550)))
    expect(d.kind === 'move' && d.moved).toBe(false)
    expect(ghostOf(d, g)).toBeNull()
    expect(endDrag(d)).toEqual({ kind: 'open', id: 7 })
  })
  it('snaps to 5 minutes, follows the column, and keeps the duration', () => {
    let d = startDrag(g, block(), p(xIn(1), yAt(550)))
    d = moveDrag(d, g, p(xIn(3), yAt(550) + (22 / 15) * g.pxPer15))
    expect(endDrag(d)).toEqual({ kind: 'move', id: 7, column: 3, start: 560 })
    expect(ghostOf(d, g)).toMatchObject({ id: 7, column: 3, start: 560, end: 590, height: 2 * g.pxPer15 })
  })
  it('never leaves the day, and back where it started is no move', () => {
    let d = startDrag(g, block(), p(xIn(1), yAt(550)))
    d = moveDrag(d, g, p(xIn(1), yAt(550) - 10_000))
    expect(endDrag(d)).toEqual({ kind: 'move', id: 7, column: 1, start: 0 })
    d = moveDrag(d, g, p(xIn(1), yAt(550) + 100_000))
    expect(endDrag(d)).toMatchObject({ start: 1440 - 30 })
    d = moveDrag(d, g, p(xIn(1), yAt(550)))
    expect(endDrag(d)).toBeNull()
  })
  it('an unchanged position keeps the same drag object (no redraw)', () => {
    const d0 = moveDrag(startDrag(g, block(), p(xIn(1), yAt(550))), g, p(xIn(2), yAt(600)))
    expect(moveDrag(d0, g, p(xIn(2) + 1, yAt(600) + 1))).toBe(d0)
  })
})

describe('resizing a block', () => {
  it('snaps the new duration, at least 5 minutes, within the day', () => {
    let d = startDrag(g, block(true), p(xIn(1), yAt(570) - 2))
    expect(d.kind).toBe('resize')
    d = moveDrag(d, g, p(xIn(1), yAt(570) - 2 + (16 / 15) * g.pxPer15))
    expect(endDrag(d)).toEqual({ kind: 'resize', id: 7, duration: 45 })
    expect(ghostOf(d, g)).toMatchObject({ column: 1, start: 540, end: 585 })
    d = moveDrag(d, g, p(xIn(1), -10_000))
    expect(endDrag(d)).toEqual({ kind: 'resize', id: 7, duration: 5 })
    d = moveDrag(d, g, p(xIn(1), 1e7))
    expect(endDrag(d)).toEqual({ kind: 'resize', id: 7, duration: 1440 - 540 })
  })
  it('the same duration is no change', () => {
    expect(endDrag(startDrag(g, block(true), p(xIn(1), yAt(568))))).toBeNull()
  })
})

describe('drawing a new appointment', () => {
  it('a click on an empty cell books from its quarter hour, for CLICK_BOOKING_MIN', () => {
    const d = startDrag(g, null, p(xIn(2), yAt(19 * 60 + 35)))
    expect(endDrag(d)).toEqual({ kind: 'create', column: 2, start: 19 * 60 + 30, end: 19 * 60 + 30 + CLICK_BOOKING_MIN })
  })
  it('dragging down or up spans whole quarter hours from the anchor, inside the shown hours', () => {
    let d = startDrag(g, null, p(xIn(0), yAt(600)))
    d = moveDrag(d, g, p(xIn(0), yAt(652)))
    expect(endDrag(d)).toEqual({ kind: 'create', column: 0, start: 600, end: 645 })
    d = moveDrag(d, g, p(xIn(0), yAt(560)))
    expect(endDrag(d)).toEqual({ kind: 'create', column: 0, start: 555, end: 615 })
    d = moveDrag(d, g, p(xIn(0), yAt(100)))
    expect(endDrag(d)).toMatchObject({ start: g.startMin })
  })
  it('the first quarter of the day can be drawn only up to the end of the shown hours', () => {
    const d = startDrag(g, null, p(xIn(0), yAt(g.endMin + 60)))
    expect(d).toMatchObject({ start: g.endMin - 15, end: g.endMin })
  })
})

describe('useGridDrag', () => {
  const setup = () => {
    const ends: DragResult[] = []
    return {
      ends,
      d: useGridDrag(
        () => g,
        (r) => ends.push(r),
      ),
    }
  }
  it('reports what the drag amounted to on release, and is idle again', () => {
    const { ends, d } = setup()
    d.down(block(), p(xIn(1), yAt(550)))
    d.move(p(xIn(2), yAt(580)))
    expect(d.draggingId.value).toBe(7)
    expect(d.ghost.value?.column).toBe(2)
    d.up(p(xIn(2), yAt(580)))
    expect(ends).toEqual([{ kind: 'move', id: 7, column: 2, start: 570 }])
    expect(d.drag.value).toBeNull()
    expect(d.draggingId.value).toBeNull()
  })
  it('ignores another pointer', () => {
    const { ends, d } = setup()
    d.down(block(), p(xIn(1), yAt(550), 1))
    expect(d.move(p(xIn(3), yAt(700), 2))).toBe(false)
    d.up(p(xIn(3), yAt(700), 2))
    expect(ends).toEqual([])
    d.up(p(xIn(1), yAt(550), 1))
    expect(ends).toEqual([{ kind: 'open', id: 7 }])
  })
  it('Escape cancels: the release after it does nothing', () => {
    const { ends, d } = setup()
    d.down(block(), p(xIn(1), yAt(550)))
    d.move(p(xIn(3), yAt(700)))
    expect(d.key({ key: 'a' })).toBe(false)
    expect(d.key({ key: 'Escape' })).toBe(true)
    expect(d.ghost.value).toBeNull()
    d.up(p(xIn(3), yAt(700)))
    expect(ends).toEqual([])
    expect(d.key({ key: 'Escape' })).toBe(false)
  })
  it('a cancelled pointer (pointercancel) leaves nothing behind', () => {
    const { ends, d } = setup()
    d.down(null, p(xIn(0), yAt(600)))
    d.cancel()
    d.up(p(xIn(0), yAt(600)))
    expect(ends).toEqual([])
  })
})
