import 'fake-indexeddb/auto'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startSandbox, type Sandbox } from '../../../../../../electron/sandbox'
import { call } from '../../../../../../renderer/src/api'
import { createRead } from '../../../../../../renderer/src/data/read'
import { useConnectivityStore } from '../../../../../../renderer/src/features/session/connectivity-store'
import { STORE_TODAY, startStoreHarness, type StoreHarness } from '../../../../../support/store-harness'

// The connectivity store against the real main handlers and a real sandbox that goes away and comes back on
// the same port: main notices by itself (its probe), the store by polling main, and reads that missed their
// answer meanwhile ask again.

describe('connectivity store', { timeout: 60_000 }, () => {
  let h: StoreHarness
  let sb: Sandbox
  let port: number
  const apiKey = 'connectivity-store-key'

  beforeAll(async () => {
    h = await startStoreHarness({ connect: false })
    sb = await startSandbox({ port: 0, quiet: true, today: STORE_TODAY, apiKey, rateLimitPerSecond: false })
    port = Number(new URL(sb.baseUrl).port)
    await h.invoke('sessionConnect', { apiKey, baseUrl: sb.baseUrl })
  })
  afterAll(async () => {
    useConnectivityStore(h.pinia).stop()
    await sb?.close()
    await h?.close()
  })

  it('online, then offline since main saw no answer, then online again by the probe alone; back-online listeners and missed reads run', async () => {
    const link = useConnectivityStore(h.pinia)
    await link.poll()
    expect(link.state).toBe('online')
    expect(link.online).toBe(true)
    expect(link.lastOkAt).not.toBeNull()

    const read = createRead({ fetch: (day: string) => call('appointmentsRange', { from: day, to: day }) })
    await read.load(STORE_TODAY)
    expect(read.state.value.status).toBe('fresh')
    const before = read.state.value.value!

    await sb.close()
    await read.load(STORE_TODAY)
    expect(read.state.value).toMatchObject({ status: 'cached', error: { kind: 'offline' } })
    expect(read.state.value.value).toBe(before) // still shown while offline
    await link.poll()
    expect(link.state).toBe('offline')
    const since = link.since

    let back = 0
    const off = link.onBackOnline(() => back++)
    link.start()
    sb = await startSandbox({ port, quiet: true, today: STORE_TODAY, apiKey, rateLimitPerSecond: false })
    await vi.waitFor(() => expect(link.state).toBe('online'), { timeout: 15_000, interval: 100 })
    expect(link.since).toBeGreaterThan(since!)
    expect(back).toBe(1)
    await vi.waitFor(() => expect(read.state.value.status).toBe('fresh'), { timeout: 5_000, interval: 50 })
    expect(read.state.value.value).toEqual(before)
    off()
    link.stop()
  })

  it('a refused key is its own state, not online', async () => {
    const link = useConnectivityStore(h.pinia)
    await sb.close()
    sb = await startSandbox({ port, quiet: true, today: STORE_TODAY, apiKey: 'another-key', rateLimitPerSecond: false })
    await expect(call('appointmentsRange', { from: STORE_TODAY, to: STORE_TODAY })).rejects.toMatchObject({ kind: 'auth' })
    await link.poll()
    expect(link.state).toBe('auth-refused')
    expect(link.online).toBe(false)
  })
})
