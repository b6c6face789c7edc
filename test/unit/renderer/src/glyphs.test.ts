import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

// Every mark the UI draws is in the fonts a desk has (DejaVu on Linux, Segoe UI Symbol, Apple's): a character that
// needs a colour-emoji font (📄, ⏳) shows as an empty box where there is none, as on this CI machine.

const ROOT = resolve(__dirname, '../../../..')
const NEEDS_EMOJI_FONT = /\p{Emoji_Presentation}|[\u{10000}-\u{10FFFF}]/u

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.(vue|ts|json)$/.test(e.name) ? [join(dir, e.name)] : [],
  )
}

describe('glyphs', () => {
  it('the renderer and the shared code draw no character that needs a colour-emoji font', () => {
    const found = [...files(join(ROOT, 'renderer/src')), ...files(join(ROOT, 'shared'))].flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((line, i) => {
          const m = NEEDS_EMOJI_FONT.exec(line)
          return m ? [`${relative(ROOT, f)}:${i + 1} ${m[0]} U+${m[0].codePointAt(0)!.toString(16).toUpperCase()}`] : []
        }),
    )
    expect(found).toEqual([])
  })

  it('knows one when it sees it', () => {
    expect(['📄', '🖼', '⏳', '✅'].every((c) => NEEDS_EMOJI_FONT.test(c))).toBe(true)
    expect(['✓', '✗', '○', '◔', '●', '⊘', '☢', '⚠', '☎', '↻', '⚙', '→'].some((c) => NEEDS_EMOJI_FONT.test(c))).toBe(false)
  })
})
