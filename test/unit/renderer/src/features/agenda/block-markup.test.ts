import { describe, expect, it } from 'vitest'
import { blockMarkup, esc, type BlockMarks } from '../../../../../../renderer/src/features/agenda/block-markup'
import type { BlockItem } from '../../../../../../renderer/src/features/agenda/grid-items'

const item = (over: Partial<BlockItem> = {}): BlockItem => ({
  id: 7,
  top: 10,
  bottom: 54,
  style: 'top:10px;height:44px;background-color:#ffffff;color:#1f2933',
  cls: 'blk blk--confirmed',
  start: '09:00',
  end: '–09:30',
  name: 'Rossi Mario',
  short: 'Rossi M.',
  desc: 'Igiene · Dr. Bianchi',
  state: 'confirmed',
  mark: '○',
  stateLabel: 'Confermato',
  title: 'Confermato — Segna in attesa',
  canNext: true,
  ...over,
})
const marks: BlockMarks = { draggingId: null, lateText: 'in ritardo', queuedText: 'Da inviare', loadingText: 'Caricamento…' }

describe('block markup', () => {
  it('escapes every character that could end a text or an attribute', () => {
    expect(esc(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;')
  })

  it("a patient's name, description or alert with markup in it stays text", () => {
    const evil = `<img src=x onerror="alert(1)">`
    const html = blockMarkup(item({ name: evil, short: `"><script>`, desc: `</div><b>x</b>`, title: `" onmouseover="x` }), {
      ...marks,
      alerts: new Map([[7, `Allergie: <i>Penicillina</i>`]]),
    })
    expect(html).not.toMatch(/<img|<script|<b>|<i>|" onmouseover/)
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;')
    expect(html).toContain('title="Allergie: &lt;i&gt;Penicillina&lt;/i&gt;"')
    // One block element, opened and closed once: the content could not close it early.
    expect(html.match(/<div class="blk /g)).toHaveLength(1)
    expect(html.match(/<div/g)!.length).toBe(html.match(/<\/div>/g)!.length)
  })

  it('draws the marks the desk puts on a block: queued, late, alert, highlight, dragging', () => {
    const html = blockMarkup(item(), {
      ...marks,
      draggingId: 7,
      queued: new Set([7]),
      late: new Map([[7, 12]]),
      alerts: new Map([[7, 'Allergie: Penicillina']]),
      highlight: 7,
    })
    expect(html).toMatch(/^<div class="blk blk--confirmed blk--dragging blk--queued blk--late blk--highlight" /)
    expect(html).toContain('data-queued="true"')
    expect(html).toContain('data-test="appt-queued"')
    expect(html).toContain('<span class="blk__late" data-test="appt-late">in ritardo</span>')
    expect(html).toContain('data-test="appt-alert">⚠</span>')
    const plain = blockMarkup(item(), marks)
    expect(plain).not.toMatch(/blk--dragging|blk--queued|blk--late|blk--highlight|data-queued|appt-late|appt-alert/)
  })

  it('both names (the short one drawn on narrow blocks), the loading word while the patient is read, the final state', () => {
    expect(blockMarkup(item(), marks)).toContain('<span class="blk__short">Rossi M.</span><span class="blk__full">Rossi Mario</span>')
    const loading = blockMarkup(item({ name: null, short: null }), marks)
    expect(loading).toContain('<span class="appt__loading">Caricamento…</span>')
    expect(loading).not.toContain('blk__full')
    expect(blockMarkup(item({ canNext: false }), marks)).toContain('class="blk__state blk__state--final"')
    expect(blockMarkup(item({ desc: '' }), marks)).not.toContain('blk__desc')
  })
})
