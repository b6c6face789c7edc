import type { SportelloDb } from './db'
import { loadCacheDays } from './settings'
import { trimCache } from './trim'

const DAY_MS = 24 * 3600_000

/** Trims the cache now and then once a day while a practice is connected; returns the function that stops it. */
export function keepTrimmed(db: SportelloDb, days: () => number = loadCacheDays): () => void {
  const run = () => void trimCache(db, days()).catch(() => undefined)
  run()
  const timer = setInterval(run, DAY_MS)
  return () => clearInterval(timer)
}
