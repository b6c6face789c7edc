import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  absentStripe,
  blockColors,
  contrastRatio,
  finishedBackground,
  MIN_TEXT_CONTRAST,
  over,
  parseColor,
  readableOnAll,
  readableText,
  relativeLuminance,
  toHex,
} from '../../../../shared/agenda/contrast'
import { colors as demoColors } from '../../../../electron/sandbox/seed/reference'

const rgb = (s: string) => parseColor(s)!
const ratio = (a: string, b: string) => contrastRatio(rgb(a), rgb(b))
const hexColor = fc.integer({ min: 0, max: 0xffffff }).map((n) => n.toString(16).padStart(6, '0'))

describe('contrast', () => {
  it('parses hex (with or without #, short form) and rgb()/rgba() as the browser computes them', () => {
    expect(parseColor('e91e63')).toEqual({ r: 233, g: 30, b: 99, a: 1 })
    expect(parseColor('#FFF')).toEqual({ r: 255, g: 255, b: 255, a: 1 })
    expect(parseColor('rgb(1, 2, 3)')).toEqual({ r: 1, g: 2, b: 3, a: 1 })
    expect(parseColor('rgba(10, 20, 30, 0.5)')).toEqual({ r: 10, g: 20, b: 30, a: 0.5 })
    expect(parseColor('rgb(10 20 30 / 25%)')).toEqual({ r: 10, g: 20, b: 30, a: 0.25 })
    expect(parseColor('transparent')).toBeNull()
    expect(parseColor('#12345')).toBeNull()
  })

  it('matches the WCAG reference values', () => {
    expect(relativeLuminance(rgb('#000000'))).toBe(0)
    expect(relativeLuminance(rgb('#ffffff'))).toBe(1)
    expect(ratio('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(ratio('#ffffff', '#000000')).toBeCloseTo(21, 5)
    expect(ratio('#777777', '#ffffff')).toBeCloseTo(4.48, 2)
    // The demo's pink with its own white text: the 4.35:1 the issue measured.
    expect(ratio('#e91e63', '#ffffff')).toBeCloseTo(4.35, 2)
  })

  it('composites a translucent colour over an opaque one', () => {
    expect(over({ r: 255, g: 0, b: 0, a: 0.5 }, { r: 0, g: 0, b: 255 })).toEqual({ r: 127.5, g: 0, b: 127.5 })
    expect(toHex(over({ r: 0, g: 0, b: 0, a: 0 }, rgb('#123456')))).toBe('#123456')
  })

  it('keeps the practice’s text colour when it reads, and picks black or white when it does not', () => {
    expect(readableText('3949ab', 'ffffff')).toBe('#ffffff')
    expect(readableText('ffc107', '000000')).toBe('#000000')
    expect(readableText('e91e63', 'ffffff')).toBe('#000000')
    expect(readableText('ffff00', 'ffffff')).toBe('#000000')
    expect(readableText('111111', '222222')).toBe('#ffffff')
    expect(readableText('not a colour', null)).toBe('#000000')
  })

  it('whatever the colour and its own text colour, the chosen text reaches 4.5:1 in every state', () => {
    fc.assert(
      fc.property(
        hexColor,
        hexColor,
        fc.constantFrom('confirmed', 'waiting', 'in_care', 'done', 'absent', 'cancelled'),
        (bg, fg, state) => {
          const c = blockColors(bg, fg, state)
          expect(ratio(c.text, c.background)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST)
          if (c.stripe) expect(ratio(c.text, c.stripe)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST)
        },
      ),
    )
  })

  it('every demo colour reads in every state; only the pink needed the fallback', () => {
    const changed: string[] = []
    for (const { backgroundColor: bg, textColor: fg } of demoColors) {
      for (const state of ['confirmed', 'waiting', 'in_care', 'done', 'absent', 'cancelled']) {
        const c = blockColors(bg, fg, state)
        expect(ratio(c.text, c.background)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST)
        if (state === 'confirmed' && c.text !== `#${fg}`) changed.push(bg)
      }
    }
    expect(changed).toEqual(['e91e63'])
  })

  it('finished appointments get a pale background of their colour (grey when cancelled), absent ones darker stripes', () => {
    const done = rgb(finishedBackground('3949ab', 'done'))
    expect(relativeLuminance(done)).toBeGreaterThan(relativeLuminance(rgb('3949ab')))
    expect(done.b).toBeGreaterThan(done.r) // still bluish: the practice colour is recognisable
    const cancelled = rgb(finishedBackground('e91e63', 'cancelled'))
    expect(Math.max(cancelled.r, cancelled.g, cancelled.b) - Math.min(cancelled.r, cancelled.g, cancelled.b)).toBeLessThan(20)
    const stripe = rgb(absentStripe('2e7d32'))
    expect(relativeLuminance(stripe)).toBeLessThan(relativeLuminance(rgb(finishedBackground('2e7d32', 'absent'))))
    expect(blockColors('2e7d32', 'ffffff', 'absent').stripe).toBe(absentStripe('2e7d32'))
    expect(blockColors('2e7d32', 'ffffff', 'done').stripe).toBeUndefined()
  })

  it('a text readable on all of several backgrounds is judged on the worst of them', () => {
    expect(readableOnAll(['#ffffff', '#000000'], '#ffffff')).not.toBe('#ffffff')
    expect(readableOnAll(['#f0f0f0', '#e0e0e0'], '#1f2933')).toBe('#1f2933')
  })
})
