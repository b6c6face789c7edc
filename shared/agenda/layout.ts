import type { Appointment, Chair } from '../alfadocs/schemas'
import { parseWall, type IsoDate } from '../dates'

// The day's geometry, computed once from wall time (day string + minutes after midnight). No Date
// objects: on DST days (last Sundays of March and October in Europe/Rome) an appointment at 02:30 sits at
// 02:30 on the grid, and the day still has 24 rows of wall-clock hours. Pure and unit-tested.

export const DAY_MINUTES = 24 * 60

export interface LayoutOptions {
  day: IsoDate
  /** Visible range, minutes after midnight (default 08:00–20:00). Appointments outside it are clipped. */
  startMin: number
  endMin: number
  /** Pixel height of 15 minutes (zoom: rows per 15 minutes × row height). */
  pxPer15: number
  /** Chair ids to show (in this order). Missing: every chair not deleted, plus deleted ones holding appointments. */
  chairIds?: readonly number[] | null
}

export interface LayoutColumn {
  key: string
  /** null: appointments with no chair or an unknown chair */
  chairId: number | null
  name: string
  deleted: boolean
}

export interface LayoutBlock {
  id: number
  column: number
  /** wall minutes */
  start: number
  end: number
  /** pixels from the top of the grid (clipped to the visible range) */
  top: number
  height: number
  lane: number
  lanes: number
  clippedStart: boolean
  clippedEnd: boolean
}

export interface LayoutAllDay {
  id: number
  /** column index, or null when the chair is not shown (strip spans the whole day) */
  column: number | null
}

export interface DayLayout {
  columns: LayoutColumn[]
  blocks: LayoutBlock[]
  allDay: LayoutAllDay[]
  /** Appointments of the day that start and end outside the visible range (so nothing vanishes silently). */
  outside: number[]
  height: number
}

export type LayoutAppointment = Pick<Appointment, 'id' | 'date' | 'duration' | 'allDay' | 'chairId'>

export const minutesToPx = (minutes: number, pxPer15: number) => (minutes / 15) * pxPer15

/** A block is never shorter than a click target (24 px), whatever its duration and the zoom. */
export const MIN_BLOCK_PX = 24
export const pxToMinutes = (px: number, pxPer15: number) => (px / pxPer15) * 15

/** Start and end in wall minutes of an appointment on `day`, or null if it is not on that day. */
export function wallSpan(a: LayoutAppointment, day: IsoDate): { start: number; end: number } | null {
  const w = parseWall(a.date)
  if (!w || w.date !== day) return null
  if (a.allDay) return { start: 0, end: DAY_MINUTES }
  // A zero-length appointment still needs to be seen and clicked: give it 5 minutes on the grid.
  const end = Math.min(DAY_MINUTES, w.minutes + Math.max(a.duration, 5))
  return { start: w.minutes, end }
}

/** Which columns to show: by default live chairs plus deleted chairs that hold appointments, then "no chair". */
export function layoutColumns(
  chairs: readonly Chair[],
  appointments: readonly LayoutAppointment[],
  chairIds: readonly number[] | null | undefined,
  noChairName: string,
): LayoutColumn[] {
  const used = new Set<number | null>()
  const known = new Set(chairs.map((c) => c.id))
  for (const a of appointments) used.add(a.chairId != null && known.has(a.chairId) ? a.chairId : null)
  let shown: Chair[]
  if (chairIds && chairIds.length > 0) {
    const byId = new Map(chairs.map((c) => [c.id, c]))
    shown = chairIds.map((id) => byId.get(id)).filter((c): c is Chair => c !== undefined)
  } else {
    shown = chairs.filter((c) => !c.deleted || used.has(c.id))
  }
  const cols: LayoutColumn[] = shown.map((c) => ({ key: `chair-${c.id}`, chairId: c.id, name: c.name, deleted: !!c.deleted }))
  if (used.has(null)) cols.push({ key: 'no-chair', chairId: null, name: noChairName, deleted: false })
  return cols
}

interface Span {
  id: number
  start: number
  end: number
}

/**
 * Side-by-side lanes for overlapping appointments of one column: interval graph colouring, greedy by start.
 * Every appointment of a cluster (a maximal chain of overlaps) gets the cluster's lane count as its width,
 * so blocks of one cluster line up.
 */
export function assignLanes(spans: readonly Span[]): Map<number, { lane: number; lanes: number }> {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end || a.id - b.id)
  const out = new Map<number, { lane: number; lanes: number }>()
  let cluster: Array<{ id: number; lane: number }> = []
  let laneEnds: number[] = []
  let clusterEnd = -Infinity
  const close = () => {
    const lanes = laneEnds.length
    for (const c of cluster) out.set(c.id, { lane: c.lane, lanes })
    cluster = []
    laneEnds = []
  }
  for (const s of sorted) {
    if (s.start >= clusterEnd) {
      close()
      clusterEnd = -Infinity
    }
    let lane = laneEnds.findIndex((end) => end <= s.start)
    if (lane < 0) {
      lane = laneEnds.length
      laneEnds.push(s.end)
    } else laneEnds[lane] = s.end
    cluster.push({ id: s.id, lane })
    clusterEnd = Math.max(clusterEnd, s.end)
  }
  close()
  return out
}

/** One column's blocks: its spans in lanes, placed and clipped to the visible range. */
function columnBlocks(column: number, spans: readonly Span[], opts: Pick<LayoutOptions, 'startMin' | 'endMin' | 'pxPer15'>): LayoutBlock[] {
  const lanes = assignLanes(spans)
  return spans.map((s) => {
    const l = lanes.get(s.id)!
    const vs = Math.max(s.start, opts.startMin)
    const ve = Math.min(s.end, opts.endMin)
    return {
      id: s.id,
      column,
      start: s.start,
      end: s.end,
      top: minutesToPx(vs - opts.startMin, opts.pxPer15),
      height: Math.max(minutesToPx(ve - vs, opts.pxPer15), MIN_BLOCK_PX),
      lane: l.lane,
      lanes: l.lanes,
      clippedStart: s.start < opts.startMin,
      clippedEnd: s.end > opts.endMin,
    }
  })
}

export function layoutDay(
  chairs: readonly Chair[],
  appointments: readonly LayoutAppointment[],
  opts: LayoutOptions,
  noChairName = '—',
): DayLayout {
  const onDay = appointments.filter((a) => parseWall(a.date)?.date === opts.day)
  const columns = layoutColumns(chairs, onDay, opts.chairIds, noChairName)
  const colIndex = new Map<number | null, number>(columns.map((c, i) => [c.chairId, i]))
  const known = new Set(chairs.map((c) => c.id))
  const columnOf = (a: LayoutAppointment) => colIndex.get(a.chairId != null && known.has(a.chairId) ? a.chairId : null)

  const allDay: LayoutAllDay[] = []
  const outside: number[] = []
  const perColumn = new Map<number, Span[]>()
  for (const a of onDay) {
    const col = columnOf(a)
    if (a.allDay) {
      allDay.push({ id: a.id, column: col ?? null })
      continue
    }
    if (col === undefined) continue
    const span = wallSpan(a, opts.day)
    if (!span) continue
    if (span.end <= opts.startMin || span.start >= opts.endMin) {
      outside.push(a.id)
      continue
    }
    const list = perColumn.get(col) ?? []
    list.push({ id: a.id, ...span })
    perColumn.set(col, list)
  }

  const blocks: LayoutBlock[] = []
  for (const [column, spans] of perColumn) {
    blocks.push(...columnBlocks(column, spans, opts))
  }
  blocks.sort((a, b) => a.column - b.column || a.start - b.start || a.id - b.id)
  allDay.sort((a, b) => (a.column ?? -1) - (b.column ?? -1) || a.id - b.id)
  return { columns, blocks, allDay, outside, height: minutesToPx(opts.endMin - opts.startMin, opts.pxPer15) }
}

/** A week for one chair or one operator: one column per day, the same lanes and pixels as the day. */
export function layoutWeek(
  days: readonly IsoDate[],
  appointments: readonly LayoutAppointment[],
  opts: Omit<LayoutOptions, 'day' | 'chairIds'>,
): DayLayout {
  const columns: LayoutColumn[] = days.map((d) => ({ key: `day-${d}`, chairId: null, name: d, deleted: false }))
  const blocks: LayoutBlock[] = []
  const allDay: LayoutAllDay[] = []
  const outside: number[] = []
  days.forEach((day, column) => {
    const spans: Span[] = []
    for (const a of appointments) {
      const span = wallSpan(a, day)
      if (!span) continue
      if (a.allDay) allDay.push({ id: a.id, column })
      else if (span.end <= opts.startMin || span.start >= opts.endMin) outside.push(a.id)
      else spans.push({ id: a.id, ...span })
    }
    blocks.push(...columnBlocks(column, spans, opts))
  })
  return { columns, blocks, allDay, outside, height: minutesToPx(opts.endMin - opts.startMin, opts.pxPer15) }
}
