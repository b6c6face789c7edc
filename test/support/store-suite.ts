import { afterAll, afterEach } from 'vitest'
import { db } from '../../renderer/src/cache/db'
import type { StoreHarness } from './store-harness'

/**
 * The hooks a store suite shares: the harness is closed after the suite; after each test `reset` puts the
 * stores back, the sandbox's faults are cleared and the cache is wiped. `harness` is read when the hooks run
 * (the suite's beforeAll starts it).
 */
export function afterStoreTests(harness: () => StoreHarness | undefined, reset: () => void): void {
  afterAll(async () => {
    await harness()?.close()
  })
  afterEach(async () => {
    reset()
    harness()!.sandbox().faults.clear()
    await db.wipe()
  })
}
