import { describe, expect, it } from 'vitest'
import { blockMarkup, esc, type BlockMarks } from '../../../../../../renderer/src/features/agenda/block-markup'
import { blockRoom, type BlockItem } from '../../../../../../renderer/src/features/agenda/grid-items'

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
  lanes: 1,
  oneLine: false,
  ...over,
})
/** Twelve chairs on 1366 px (~82 px a column): narrow. */
const marks: BlockMarks = {
  draggingId: null,
  lateText: 'in ritardo',
  queuedText: 'Da inviare',
  loadingText: 'Caricamento…',
  room: blockRoom(82, true),
}
/** A wide column (290 px): the whole name, the state's word and the end time; two side by side: short names. */
const wide: BlockMarks = { ...marks, room: blockRoom(290, false) }

describe('block markup', () => {
  it('escapes every character that could end a text or an attribute', () => {
    expect(esc(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;')
  })

  it("a patient's name, description or alert with markup in it stays text", () => {
    const evil = `<img src=x onerror="alert(1)">`
    const evilItem = item({ name: evil, short: `"><script>`, desc: `</div><b>x</b>`, title: `" onmouseover="x` })
    const alerts = new Map([[7, `Allergie: <i>Penicillina</i>`]])
    // Narrow (the short name drawn) and wide (the whole name and the state's word).
    const narrow = blockMarkup(evilItem, { ...marks, alerts })
    const roomy = blockMarkup(evilItem, { ...wide, alerts })
    expect(narrow).toContain('&quot;&gt;&lt;script&gt;</div>')
    const html = roomy
    expect(narrow).not.toMatch(/<img|<script|<b>|<i>|" onmouseover/)
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
    expect(html).toMatch(/^<div class="blk blk--confirmed blk--narrow blk--dragging blk--queued blk--late blk--highlight" /)
    expect(html).toContain('data-queued="true"')
    expect(html).toContain('data-test="appt-queued"')
    expect(html).toContain('<span class="blk__late" data-test="appt-late">in ritardo</span>')
    expect(html).toContain('data-test="appt-alert">⚠</span>')
    const plain = blockMarkup(item(), marks)
    expect(plain).not.toMatch(/blk--dragging|blk--queued|blk--late|blk--highlight|data-queued|appt-late|appt-alert/)
  })

  it('draws only the text the block has room for: one name, the word and the end time where they fit', () => {
    const narrow = blockMarkup(item(), marks)
    expect(narrow).toContain('data-test="appt-patient">Rossi M.</div>')
    expect(narrow).not.toMatch(/Rossi Mario|○ Confermato|–09:30|blk__state--word/)
    expect(narrow).toContain('data-test="appt-time">09:00</div>')
    const roomy = blockMarkup(item(), wide)
    expect(roomy).toMatch(/^<div class="blk blk--confirmed" /)
    expect(roomy).toContain('data-test="appt-patient">Rossi Mario</div>')
    expect(roomy).toContain('data-state="confirmed">○ Confermato</button>')
    expect(roomy).toContain('class="blk__state blk__state--word"')
    expect(roomy).toContain('data-test="appt-time">09:00–09:30</div>')
    // Two side by side in that column: short names, the word of done and absent only, no end time.
    const lane = (state: string) => blockMarkup(item({ lanes: 2, state }), wide)
    expect(lane('confirmed')).toContain('data-test="appt-patient">Rossi M.</div>')
    expect(lane('confirmed')).not.toMatch(/○ Confermato|–09:30/)
    expect(lane('done')).toContain('>○ Confermato</button>')
    // Three or more side by side: narrow whatever the column.
    expect(blockMarkup(item({ lanes: 3, state: 'done' }), wide)).not.toMatch(/○ Confermato|Rossi Mario/)
    // One line (a short block): no end time, no description, however wide.
    const line = blockMarkup(item({ oneLine: true }), wide)
    expect(line).not.toMatch(/–09:30|blk__desc/)
    // Not measured yet: narrow.
    expect(blockMarkup(item(), { ...marks, room: blockRoom(null, false) })).toContain('>Rossi M.</div>')
  })

  it('the loading word while the patient is read, the final state, no empty description', () => {
    const loading = blockMarkup(item({ name: null, short: null }), marks)
    expect(loading).toContain('<span class="appt__loading">Caricamento…</span>')
    expect(blockMarkup(item({ name: null, short: null }), wide)).toContain('<span class="appt__loading">Caricamento…</span>')
    expect(blockMarkup(item({ canNext: false }), marks)).toContain('class="blk__state blk__state--final"')
    expect(blockMarkup(item({ desc: '' }), marks)).not.toContain('blk__desc')
  })
})
