import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { db } from '../../cache/db'
import { cacheSize, type CacheSize } from '../../cache/size'
import { loadCacheDays, saveCacheDays } from '../../cache/settings'
import { trimCache } from '../../cache/trim'

/** The settings panel: what the cache holds, its window, and emptying it. */
export const useSettingsStore = defineStore('settings', () => {
  const size = shallowRef<CacheSize | null>(null)
  const days = ref(loadCacheDays())
  const busy = ref(false)
  const failed = ref(false)

  async function measure(): Promise<void> {
    try {
      size.value = await cacheSize(db)
      failed.value = false
    } catch {
      failed.value = true
    }
  }

  /** A shorter window deletes what now lies outside it at once. */
  async function setDays(n: number): Promise<void> {
    saveCacheDays(n)
    days.value = n
    await trimCache(db, n).catch(() => undefined)
    await measure()
  }

  /**
   * Empties IndexedDB, then reloads the page: every store starts empty, so no screen can show what was
   * erased (each says "loading", or that nothing is available offline, until main answers).
   */
  async function clearCache(reload: () => void = () => window.location.reload()): Promise<void> {
    busy.value = true
    try {
      await db.wipe()
      reload()
    } catch {
      failed.value = true
    } finally {
      busy.value = false
    }
  }

  function reset(): void {
    size.value = null
    failed.value = false
  }

  return { size, days, busy, failed, measure, setDays, clearCache, reset }
})
