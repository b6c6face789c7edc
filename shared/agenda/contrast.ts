// Text that stays readable on any practice colour: WCAG 2 relative luminance and contrast ratio, the
// black-or-white fallback when the colour's own text colour is too faint, and the pale backgrounds that mark
// finished appointments (done, absent, cancelled) without fading their text. Pure and unit-tested; the e2e
// glance test computes the same ratios from the colours the grid rendered.

export interface Rgb {
  r: number
  g: number
  b: number
}
export interface Rgba extends Rgb {
  /** 0–1 */
  a: number
}

/** WCAG AA for normal text. */
export const MIN_TEXT_CONTRAST = 4.5

export const BLACK: Rgb = { r: 0, g: 0, b: 0 }
export const WHITE: Rgb = { r: 255, g: 255, b: 255 }

/** '#rrggbb', 'rrggbb', '#rgb', 'rgb(r, g, b)', 'rgba(r, g, b, a)' or 'rgb(r g b / a)'; null for anything else. */
export function parseColor(s: string): Rgba | null {
  const t = s.trim().toLowerCase()
  const hex = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/.exec(t)
  if (hex) {
    const h = hex[1]!.length === 3 ? [...hex[1]!].map((c) => c + c).join('') : hex[1]!
    return { r: parseInt(h.slice(0, 2), 16), g: parseInt(h.slice(2, 4), 16), b: parseInt(h.slice(4, 6), 16), a: 1 }
  }
  const fn = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(t)
  if (!fn) return null
  const alpha = fn[4] === undefined ? 1 : fn[4].endsWith('%') ? parseFloat(fn[4]) / 100 : parseFloat(fn[4])
  return { r: Number(fn[1]), g: Number(fn[2]), b: Number(fn[3]), a: Math.min(1, Math.max(0, alpha)) }
}

const channel = (v: number) => {
  const c = v / 255
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
}

/** WCAG relative luminance, 0 (black) – 1 (white). */
export const relativeLuminance = (c: Rgb): number => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)

/** WCAG contrast ratio, 1–21, whichever colour is lighter. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [x, y] = [relativeLuminance(a), relativeLuminance(b)].sort((p, q) => q - p) as [number, number]
  return (x + 0.05) / (y + 0.05)
}

/** `top` (with its alpha) painted over an opaque `bottom`. */
export function over(top: Rgba, bottom: Rgb): Rgb {
  const m = (t: number, b: number) => t * top.a + b * (1 - top.a)
  return { r: m(top.r, bottom.r), g: m(top.g, bottom.g), b: m(top.b, bottom.b) }
}

/** `t` of the way from a to b (0: a, 1: b). */
export function mix(a: Rgb, b: Rgb, t: number): Rgb {
  const m = (x: number, y: number) => x + (y - x) * t
  return { r: m(a.r, b.r), g: m(a.g, b.g), b: m(a.b, b.b) }
}

export const toHex = (c: Rgb): string =>
  '#' +
  [c.r, c.g, c.b]
    .map((v) =>
      Math.round(Math.min(255, Math.max(0, v)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')

/**
 * The text colour for `bg`: `preferred` (the practice's own text colour) when it reaches 4.5:1 on it,
 * otherwise black or white, whichever contrasts more. Both as '#rrggbb'; an unreadable input counts as
 * missing (a grey background, dark text).
 */
export function readableText(bg: string, preferred?: string | null): string {
  const b = parseColor(bg) ?? { ...FALLBACK_BG, a: 1 }
  const p = preferred ? parseColor(preferred) : null
  if (p && contrastRatio(over(p, b), b) >= MIN_TEXT_CONTRAST) return toHex(p)
  return contrastRatio(BLACK, b) >= contrastRatio(WHITE, b) ? '#000000' : '#ffffff'
}

const FALLBACK_BG: Rgb = { r: 0xcf, g: 0xd8, b: 0xdc }

/** How a state changes a block's background: finished ones are pale (and cancelled ones grey), never faded. */
export type Finish = 'done' | 'absent' | 'cancelled'
export const isFinish = (state: string): state is Finish => state === 'done' || state === 'absent' || state === 'cancelled'

/** The pale background of a finished appointment: its colour (greyed when cancelled) mostly washed with white. */
export function finishedBackground(bg: string, state: Finish): string {
  const c = parseColor(bg) ?? { ...FALLBACK_BG, a: 1 }
  const grey = 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b
  const base = state === 'cancelled' ? mix(c, { r: grey, g: grey, b: grey }, 0.85) : c
  return toHex(mix(base, WHITE, state === 'done' ? 0.62 : 0.7))
}

/** The darker stripes drawn over an absent appointment's pale background (opaque, as painted). */
export function absentStripe(bg: string): string {
  const c = parseColor(bg) ?? { ...FALLBACK_BG, a: 1 }
  return toHex(over({ ...c, a: 0.3 }, parseColor(finishedBackground(bg, 'absent'))!))
}

/** The text colour readable on every one of `backgrounds` (a striped block has two): `preferred` if it is, else black or white. */
export function readableOnAll(backgrounds: readonly string[], preferred?: string | null): string {
  const bgs = backgrounds.map((b) => parseColor(b) ?? { ...FALLBACK_BG, a: 1 })
  const worst = (t: Rgb) => Math.min(...bgs.map((b) => contrastRatio(t, b)))
  const p = preferred ? parseColor(preferred) : null
  if (p && p.a === 1 && worst(p) >= MIN_TEXT_CONTRAST) return toHex(p)
  return worst(BLACK) >= worst(WHITE) ? '#000000' : '#ffffff'
}

export interface BlockColors {
  background: string
  text: string
  /** absent: the colour of the diagonal stripes over the background */
  stripe?: string
}

/** Background and text of a block, as the grid paints it (the text chosen on what is actually painted under it). */
export function blockColors(bg: string, fg: string, state: string): BlockColors {
  if (!isFinish(state)) {
    const background = toHex(parseColor(bg) ?? { ...FALLBACK_BG, a: 1 })
    return { background, text: readableText(background, fg) }
  }
  const background = finishedBackground(bg, state)
  if (state !== 'absent') return { background, text: readableOnAll([background], FINISHED_TEXT) }
  const stripe = absentStripe(bg)
  return { background, stripe, text: readableOnAll([background, stripe], FINISHED_TEXT) }
}

/** Dark slate: the text of finished appointments when it reads on their pale background (it nearly always does). */
const FINISHED_TEXT = '#1f2933'
