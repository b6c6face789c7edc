import { afterContentPainted } from '../lib/first-paint'
import type { SportelloDb } from './db'
import { loadCacheDays } from './settings'
import { trimCache } from './trim'

const DAY_MS = 24 * 3600_000

/**
 * Trims the cache once `first` resolves (by default once the screen's content is painted: the trim writes
 * across every table, and IndexedDB would hold the first read of the day behind it), then once a day while a
 * practice is connected; returns the function that stops it.
 */
export function keepTrimmed(db: SportelloDb, days: () => number = loadCacheDays, first: Promise<void> = afterContentPainted()): () => void {
  let stopped = false
  const run = () => void trimCache(db, days()).catch(() => undefined)
  void first.then(() => !stopped && run())
  const timer = setInterval(run, DAY_MS)
  return () => {
    stopped = true
    clearInterval(timer)
  }
}
