import { db } from './db'

/** Any read's last answer, by key (see data/read.ts): what a screen shows first, and offline. */
export async function readCached<T>(key: string): Promise<{ value: T; syncedAt: number } | null> {
  const row = await db.reads.get(key)
  return row ? { value: row.value as T, syncedAt: row.syncedAt } : null
}

export async function storeCached(key: string, value: unknown, syncedAt: number): Promise<void> {
  // IPC answers are plain data; a clone drops any reactive proxy a store may have wrapped them in.
  await db.reads.put({ key, value: structuredClone(value), syncedAt })
}
