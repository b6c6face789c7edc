import { describe, expect, it } from 'vitest'
import { rowsInView, splitByRows } from '../../../../../../renderer/src/features/agenda/block-layer'
import type { BlockItem } from '../../../../../../renderer/src/features/agenda/grid-items'

// Which blocks a newly opened day draws in its first frame: those in the rows the grid is scrolled to.

/** Where the grid's scrollToMinutes puts a view of `ch` px for `focus` (px), in a grid `height` px high. */
const scrolled = (focus: number, ch: number, height: number) => {
  const top = Math.min(Math.max(0, focus - ch / 3), Math.max(0, height - ch))
  return { top, bottom: top + ch }
}

const block = (id: number, top: number, bottom: number) => ({ id, top, bottom }) as BlockItem

describe('the first screen of a day', () => {
  it('holds every row the grid shows after scrolling to the focus, for any view up to the window height', () => {
    const height = 2112
    const viewport = 768
    for (const focus of [0, 100, 256, 700, 1500, 1900, 2112]) {
      const rows = rowsInView(focus, viewport, height)
      for (const ch of [200, 480, 640, 768]) {
        const seen = scrolled(focus, ch, height)
        expect({ focus, ch, within: seen.top >= rows.top && seen.bottom <= rows.bottom }).toEqual({ focus, ch, within: true })
      }
      // And not the whole day: a screen and a bit.
      expect(rows.bottom - rows.top).toBeLessThanOrEqual(viewport * 1.67)
    }
  })

  it('a grid shorter than the window is one screen', () => {
    expect(rowsInView(300, 900, 600)).toEqual({ top: 0, bottom: 900 })
  })

  it('splits the blocks crossing the rows (edges included) from the others, keeping their order', () => {
    const items = [block(1, 0, 40), block(2, 90, 130), block(3, 130, 200), block(4, 500, 540), block(5, 60, 100), block(6, 201, 260)]
    const [first, rest] = splitByRows(items, { top: 100, bottom: 200 })
    expect(first.map((b) => b.id)).toEqual([2, 3, 5])
    expect(rest.map((b) => b.id)).toEqual([1, 4, 6])
  })
})
