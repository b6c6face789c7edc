/** Where the hover card goes: beside the block (right, else left), as high as the block, wholly on screen. */
export function placeCard(
  block: { left: number; right: number; top: number },
  card: { width: number; height: number },
  view: { width: number; height: number },
  gap = 8,
): { left: number; top: number } {
  const right = block.right + gap
  const leftSide = block.left - gap - card.width
  const left = right + card.width <= view.width - gap ? right : leftSide >= gap ? leftSide : Math.max(gap, view.width - gap - card.width)
  const top = Math.max(gap, Math.min(block.top, view.height - gap - card.height))
  return { left, top }
}
