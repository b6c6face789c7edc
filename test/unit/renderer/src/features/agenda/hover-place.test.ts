import { describe, expect, it } from 'vitest'
import { placeCard } from '../../../../../../renderer/src/features/agenda/hover-place'

const view = { width: 1366, height: 768 }
const card = { width: 348, height: 330 }

describe('the hover card beside its block', () => {
  it('goes right of the block, as high as it, when there is room', () => {
    expect(placeCard({ left: 300, right: 400, top: 200 }, card, view)).toEqual({ left: 408, top: 200 })
  })

  it('stays wholly on screen at the bottom: raised by its measured height', () => {
    const at = placeCard({ left: 300, right: 400, top: 700 }, card, view)
    expect(at.top + card.height).toBe(view.height - 8)
    expect(placeCard({ left: 300, right: 400, top: -50 }, card, view).top).toBe(8)
  })

  it('goes left of a block at the right edge instead of over it', () => {
    const block = { left: 1200, right: 1300, top: 100 }
    const at = placeCard(block, card, view)
    expect(at.left + card.width).toBeLessThanOrEqual(block.left)
    expect(at.left).toBe(1200 - 8 - 348)
  })

  it('in a window narrower than block and card together, keeps the card on screen', () => {
    const at = placeCard({ left: 100, right: 500, top: 100 }, card, { width: 700, height: 768 })
    expect(at.left).toBe(700 - 8 - 348)
  })
})
