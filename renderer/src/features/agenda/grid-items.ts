import type { Appointment, Color, Operator, Patient } from '../../../../shared/alfadocs/schemas'
import { blockColors, readableText } from '../../../../shared/agenda/contrast'
import type { DayLayout } from '../../../../shared/agenda/layout'
import { nameKey, shortNames } from '../../../../shared/agenda/short-name'
import { hhmm, parseWall } from '../../../../shared/dates'
import { NEXT_STATE, patientName } from '../../lib/format'
import type { GridLabels } from './types'

// What the grid draws for each block and all-day chip, built in one pass over the layout (a busy day is
// 150 blocks: plain strings, no component per block).

/** The state's mark on its button (fonts common on desk PCs have these glyphs). */
export const STATE_MARK: Record<string, string> = { confirmed: '○', waiting: '◔', in_care: '●', done: '✓', absent: '✗', cancelled: '⊘' }

export interface GridData {
  layout: DayLayout
  appointments: ReadonlyMap<number, Appointment>
  colors: ReadonlyMap<number, Color>
  operators: ReadonlyMap<number, Operator>
  patients: ReadonlyMap<number, Patient>
  labels: GridLabels
}

export interface BlockItem {
  id: number
  /** Its top and bottom edges in the grid, px */
  top: number
  bottom: number
  style: string
  cls: string
  /** "09:00" and "–09:30": the end is drawn where the block has room for it */
  start: string
  end: string
  name: string | null
  /** "Rossi M.": the name on narrow blocks, as long as keeps the day's patients apart */
  short: string | null
  desc: string
  state: string
  mark: string
  stateLabel: string
  /** "state — what a click does" */
  title: string
  canNext: boolean
  /** How many blocks side by side (1: alone in its column) */
  lanes: number
  /** Too short for more than one line (start time and name beside the mark: no end time, no description) */
  oneLine: boolean
}

export interface ChipItem {
  id: number
  /** null: spans every column (outside the shown hours) */
  column: number | null
  label: string
  state: string
  style: string
}

/** The patient's name, the description of a block without one, or null while the patient is being read. */
export function nameOf(a: Appointment, d: Pick<GridData, 'patients' | 'labels'>): string | null {
  if (a.patientId == null) return a.description || d.labels.noPatient
  const p = d.patients.get(a.patientId)
  return p ? patientName(p) || d.labels.unknownPatient(a.patientId) : null
}

/** A state's label and click title: translated once per state, not once per block. */
function stateTexts(labels: GridLabels) {
  const memo = new Map<string, { label: string; title: string }>()
  return (state: string) => {
    let x = memo.get(state)
    if (!x) {
      const label = labels.state(state)
      const next = NEXT_STATE[state]
      x = { label, title: `${label} — ${next ? labels.nextStateTitle(next) : label}` }
      memo.set(state, x)
    }
    return x
  }
}

/**
 * A block's colours by practice colour and state, as its style: computed once per page for each pair of
 * colours and state (a day has 150–400 blocks of some ten colours; every day on screen shares them).
 */
const colorStyleMemo = new Map<string, string>()
function colorStyles(d: Pick<GridData, 'colors'>) {
  return (colorId: number | null, state: string) => {
    const c = colorId != null ? d.colors.get(colorId) : undefined
    const bg = c ? `#${c.backgroundColor}` : '#cfd8dc'
    const fg = c ? `#${c.textColor}` : '#1f2933'
    const k = `${bg}|${fg}|${state}|${!!c}`
    let x = colorStyleMemo.get(k)
    if (x === undefined) {
      const p = blockColors(bg, fg, state)
      // The practice colour stays as the finished block's edge (--edge), the stripes of an absent one as --stripe.
      x =
        `background-color:${p.background};color:${p.text}` +
        (c && p.background !== bg ? `;--edge:${bg}` : '') +
        (p.stripe ? `;--stripe:${p.stripe}` : '')
      colorStyleMemo.set(k, x)
    }
    return x
  }
}

/** Text widths (px, DejaVu Sans bold, the wider of Italian and English) that decide what a block shows. */
const FIT = { wide: 140, tiny: 62, end: 196, wordA: 128, wordB: 142, wordC: 150 }

/**
 * How much text a block has room for: `wide` the whole name (else "Rossi M."), `end` the end time, `wA/wB/wC`
 * the state's word (done and absent / confirmed, waiting, cancelled / in the chair), `tiny` the start time
 * under the state button.
 */
export interface TextRoom {
  wide: boolean
  tiny: boolean
  end: boolean
  wA: boolean
  wB: boolean
  wC: boolean
}
/** A grid's room for each kind of block: `one` alone in its column, `two` one of two side by side. */
export interface BlockRoom {
  one: TextRoom
  two: TextRoom
}
/** Three or more side by side, or a width not known yet: the short name, no word, no end time. */
export const NARROW: TextRoom = Object.freeze({ wide: false, tiny: false, end: false, wA: false, wB: false, wC: false })
const rooms = new Map<string, BlockRoom>()

/**
 * The blocks' room from one column's width (null: not measured yet, i.e. narrow), the same object for the
 * same room: a width that changes without changing what the blocks show redraws nothing.
 */
export function blockRoom(colPx: number | null, fit: boolean): BlockRoom {
  const known = colPx != null && colPx > 0
  const pad = fit ? 6 : 9
  const of = (text: number): TextRoom =>
    known
      ? {
          wide: text >= FIT.wide,
          tiny: text < FIT.tiny,
          end: text >= FIT.end,
          wA: text >= FIT.wordA,
          wB: text >= FIT.wordB,
          wC: text >= FIT.wordC,
        }
      : NARROW
  const one = of((colPx ?? 0) - 4 - pad)
  // A side-by-side block: never the time under the mark (its 72 px keep room for both).
  const two = { ...of(Math.max((colPx ?? 0) / 2, MIN_LANE_PX) - 2 - 6), tiny: false }
  const key = JSON.stringify([one, two])
  let r = rooms.get(key)
  if (!r) rooms.set(key, (r = Object.freeze({ one: Object.freeze(one), two: Object.freeze(two) })))
  return r
}

/** The room of a block of `lanes` side by side. */
export const roomOf = (r: BlockRoom, lanes: number): TextRoom => (lanes === 1 ? r.one : lanes === 2 ? r.two : NARROW)

/** Whether a state's word fits beside the start time. */
export function wordFits(r: TextRoom, state: string): boolean {
  if (state === 'done' || state === 'absent') return r.wA
  if (state === 'in_care') return r.wC
  return r.wB
}

/** The narrowest a side-by-side block gets: room for its start time and its 24 px state button. */
export const MIN_LANE_PX = 72

/**
 * Where one of `lanes` overlapping blocks sits in its column (`w`: the column's width in %). Side by side
 * while each gets MIN_LANE_PX; in a narrower column they keep that width and overlap like cards, each shifted
 * right of the one before (the later on top), so each still shows its start time, mark and name.
 */
function lanePlace(column: number, lane: number, lanes: number, w: number): string {
  const lw = `max(${w / lanes}%, min(${MIN_LANE_PX}px, ${w}%))`
  return `--lw:${lw};left:calc(${column * w}% + ${lane} * (${w}% - var(--lw)) / ${lanes - 1} + 1px);width:calc(var(--lw) - 2px)`
}

/** Blocks lower than this hold one line. */
const ONE_LINE_PX = 40

export function blockItems(d: GridData): BlockItem[] {
  const out: BlockItem[] = []
  const texts = stateTexts(d.labels)
  const colorsOf = colorStyles(d)
  const cols = Math.max(1, d.layout.columns.length)
  const w = 100 / cols
  const people: Patient[] = []
  for (const b of d.layout.blocks) {
    const pid = d.appointments.get(b.id)?.patientId
    const p = pid != null ? d.patients.get(pid) : undefined
    if (p) people.push(p)
  }
  const shorts = shortNames(people)
  for (const b of d.layout.blocks) {
    const a = d.appointments.get(b.id)
    if (!a) continue
    const oneLine = b.height < ONE_LINE_PX
    const place = b.lanes === 1 ? `left:calc(${b.column * w}% + 2px);width:calc(${w}% - 4px)` : lanePlace(b.column, b.lane, b.lanes, w)
    const op = a.operatorId != null ? (d.operators.get(a.operatorId)?.name ?? '') : ''
    const st = texts(a.state)
    const name = nameOf(a, d)
    const p = a.patientId != null ? d.patients.get(a.patientId) : undefined
    out.push({
      id: a.id,
      top: b.top,
      bottom: b.top + b.height,
      style: `top:${b.top}px;height:${b.height}px;${place};${colorsOf(a.colorId, a.state)}`,
      cls: `blk blk--${a.state}${oneLine ? ' blk--short' : b.height >= 66 ? ' blk--tall' : ''}${b.lanes === 2 ? ' blk--lanes blk--l2' : b.lanes > 2 ? ' blk--lanes' : ''}${a.id < 0 ? ' blk--saving' : ''}${a.type === 'telehealth' ? ' blk--tele' : ''}${a.patientId == null ? ' blk--blocked' : ''}`,
      start: hhmm(b.start),
      end: `–${hhmm(b.end)}`,
      name,
      short: p ? (shorts.get(nameKey(p)) ?? name) : name,
      desc: [a.patientId == null ? '' : a.description, op].filter(Boolean).join(' · '),
      state: a.state,
      mark: STATE_MARK[a.state] ?? '?',
      stateLabel: st.label,
      title: st.title,
      canNext: !!NEXT_STATE[a.state],
      lanes: b.lanes,
      oneLine,
    })
  }
  return out
}

/** All-day appointments (in their column) and those outside the shown hours (spanning, with their time). */
export function chipItems(d: GridData): ChipItem[] {
  const rows = [
    ...d.layout.allDay.map((x) => ({ id: x.id, column: x.column as number | null, outside: false })),
    ...d.layout.outside.map((id) => ({ id, column: null, outside: true })),
  ]
  return rows.flatMap((x) => {
    const a = d.appointments.get(x.id)
    if (!a) return []
    const c = a.colorId != null ? d.colors.get(a.colorId) : undefined
    const w = parseWall(a.date)
    const label = (x.outside && w ? `${hhmm(w.minutes)} ` : '') + (nameOf(a, d) ?? d.labels.loading)
    const style = c ? `background:#${c.backgroundColor};color:${readableText(c.backgroundColor, c.textColor)}` : ''
    return [{ id: a.id, column: x.column, label, state: a.state, style }]
  })
}

/** Hour lines and quarter-hour lines behind the columns, as one background (no element per line). */
export const gridBackground = (q: number) =>
  `repeating-linear-gradient(to bottom, #c9d2db 0, #c9d2db 1px, transparent 1px, transparent ${q * 4}px), ` +
  `repeating-linear-gradient(to bottom, #eef1f4 0, #eef1f4 1px, transparent 1px, transparent ${q}px)`
