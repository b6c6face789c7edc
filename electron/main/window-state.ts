import { join } from 'node:path'
import { DurableFile, type FileCodec } from './storage/durable-file'

// Where the window was: size, position, maximized, which display, zoom. Restored at the next start, and
// put back on a display that still exists (a monitor unplugged since) rather than off screen.

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}
export interface DisplayArea {
  id: number
  /** screen.getAllDisplays()[i].workArea: the display minus task bar and dock. */
  workArea: Rect
}
export interface WindowState {
  /** The normal (not maximized) bounds. */
  bounds: Rect
  maximized: boolean
  displayId: number | null
  zoomLevel: number
}

export const WINDOW_STATE_FILE = 'window-state.json'

const isRect = (r: unknown): r is Rect =>
  !!r && typeof r === 'object' && ['x', 'y', 'width', 'height'].every((k) => Number.isFinite((r as Record<string, unknown>)[k]))

const codec: FileCodec<WindowState | null> = {
  empty: () => null,
  encode: (s) => JSON.stringify(s),
  decode(text) {
    const raw = JSON.parse(text) as Partial<WindowState> | null
    const ok =
      raw !== null &&
      isRect(raw.bounds) &&
      typeof raw.maximized === 'boolean' &&
      (raw.displayId === null || Number.isFinite(raw.displayId)) &&
      Number.isFinite(raw.zoomLevel)
    return ok ? { value: raw as WindowState, intact: true } : { value: null, intact: false, note: 'window state unreadable' }
  },
}

const overlap = (a: Rect, b: Rect) =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y))

/**
 * The bounds to open with: the saved ones on the display they were on if it is still there (else the one
 * they overlap most, else the first: the primary), shrunk to fit its work area and moved wholly inside it.
 * Without a saved state (or displays) the default size, centred by the OS (no x/y).
 */
export function placeWindow(
  saved: WindowState | null,
  displays: readonly DisplayArea[],
  defaults: { width: number; height: number },
): { bounds: Partial<Rect> & { width: number; height: number }; maximized: boolean; zoomLevel: number } {
  const first = displays[0]
  if (!saved || !first) {
    const wa = first?.workArea
    const size = wa ? { width: Math.min(defaults.width, wa.width), height: Math.min(defaults.height, wa.height) } : defaults
    return { bounds: size, maximized: false, zoomLevel: saved?.zoomLevel ?? 0 }
  }
  const display =
    displays.find((d) => d.id === saved.displayId) ??
    displays.reduce((best, d) => (overlap(d.workArea, saved.bounds) > overlap(best.workArea, saved.bounds) ? d : best), first)
  const wa = display.workArea
  const width = Math.min(Math.max(1, Math.round(saved.bounds.width)), wa.width)
  const height = Math.min(Math.max(1, Math.round(saved.bounds.height)), wa.height)
  const x = Math.min(Math.max(Math.round(saved.bounds.x), wa.x), wa.x + wa.width - width)
  const y = Math.min(Math.max(Math.round(saved.bounds.y), wa.y), wa.y + wa.height - height)
  return { bounds: { x, y, width, height }, maximized: saved.maximized, zoomLevel: saved.zoomLevel }
}

/** The window state in the data folder (one small durable file). */
export class WindowStateStore {
  private readonly file: DurableFile<WindowState | null>
  constructor(dataDir: string) {
    this.file = new DurableFile(join(dataDir, WINDOW_STATE_FILE), { codec })
  }
  read(): Promise<WindowState | null> {
    return this.file.read().catch(() => null)
  }
  async save(state: WindowState): Promise<void> {
    await this.file.update(() => state)
  }
}
