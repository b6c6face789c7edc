import { describe, expect, it } from 'vitest'
import { rowsInView, scrollTopFor, splitByRows } from '../../../../../../renderer/src/features/agenda/block-layer'
import type { BlockItem } from '../../../../../../renderer/src/features/agenda/grid-items'

// Which blocks a newly opened day draws in its first frame: those in the rows the grid is scrolled to.

/**
 * The grid's body rows (px from its top) in a view of `ch` px scrolled by scrollTopFor to `focus`, under sticky
 * headers `headers` px high, in a body `height` px high (the browser keeps the scroll within the content).
 */
const scrolled = (focus: number, ch: number, headers: number, height: number) => {
  const scrollTop = Math.min(scrollTopFor(focus, headers, ch), Math.max(0, headers + height - ch))
  return { top: Math.max(0, scrollTop - headers), bottom: scrollTop - headers + ch }
}

const block = (id: number, top: number, bottom: number) => ({ id, top, bottom }) as BlockItem

describe('the first screen of a day', () => {
  it('holds every row the grid shows after scrolling to the focus, for any view up to the window height', () => {
    const height = 2112
    const viewport = 768
    for (const focus of [0, 100, 256, 700, 1500, 1900, 2112]) {
      const rows = rowsInView(focus, viewport, height)
      // Under chair headers of any height: the rows hidden under them are in view too (a block there shows below).
      for (const headers of [0, 40, 59, 120])
        for (const ch of [200, 480, 640, 768]) {
          const seen = scrolled(focus, ch, headers, height)
          const within = seen.top >= rows.top && seen.bottom <= rows.bottom
          expect({ focus, ch, headers, within }).toEqual({ focus, ch, headers, within: true })
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
