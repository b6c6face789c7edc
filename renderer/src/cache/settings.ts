// How far back the cache keeps data, in days. Kept in the renderer's localStorage: a per-computer choice,
// not patient data (the window's storage is cleared on disconnect, so it then returns to the default).

export const CACHE_DAYS_DEFAULT = 90
export const CACHE_DAYS_CHOICES = [30, 60, 90, 180, 365] as const
const KEY = 'sportello.cacheDays'

export function loadCacheDays(): number {
  try {
    const v = Number(globalThis.localStorage?.getItem(KEY))
    return (CACHE_DAYS_CHOICES as readonly number[]).includes(v) ? v : CACHE_DAYS_DEFAULT
  } catch {
    return CACHE_DAYS_DEFAULT
  }
}

export function saveCacheDays(days: number): void {
  if (!(CACHE_DAYS_CHOICES as readonly number[]).includes(days)) throw new Error(`unsupported cache window: ${days}`)
  globalThis.localStorage?.setItem(KEY, String(days))
}
