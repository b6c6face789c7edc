import { hhmm } from '../dates'

// Small pure helpers for pointer interaction and the time axis.

export const SNAP_MINUTES = 5

export const snap = (minutes: number, step = SNAP_MINUTES) => Math.round(minutes / step) * step
export const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v))

/** Hour and quarter lines of the axis between start and end (wall minutes). */
export function axisTicks(startMin: number, endMin: number): Array<{ minutes: number; label: string | null; major: boolean }> {
  const out: Array<{ minutes: number; label: string | null; major: boolean }> = []
  const first = Math.ceil(startMin / 15) * 15
  for (let m = first; m < endMin; m += 15) out.push({ minutes: m, label: m % 60 === 0 ? hhmm(m) : null, major: m % 60 === 0 })
  return out
}

/** "08:00" → 480; null when not a valid HH:mm. */
export function parseHhmm(s: string): number | null {
  const m = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(s.trim())
  if (!m) return null
  const h = Number(m[1])
  const min = Number(m[2])
  if (h > 24 || min > 59 || (h === 24 && min > 0)) return null
  return h * 60 + min
}

/** Minutes waited since `sinceMs`, never negative. */
export const waitedMinutes = (sinceMs: number, nowMs: number) => Math.max(0, Math.floor((nowMs - sinceMs) / 60000))
