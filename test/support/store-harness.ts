import 'fake-indexeddb/auto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { channelNames, type Api, type ChannelInput, type ChannelName, type ChannelOutput } from '../../shared/contract'
import { createMainApp, type MainApp } from '../../electron/main/app'
import { MemorySecretStore } from '../../electron/main/keychain/memory-store'
import type { Sandbox } from '../../electron/sandbox'

// Pinia stores under test against the real main handlers and the demo sandbox over real HTTP: `window.api`
// is the very `invoke` the Electron IPC handler calls (as in the e2e harness), IndexedDB is fake-indexeddb.

export const STORE_TODAY = '2026-03-11'

export interface StoreHarness {
  app: MainApp
  /** Main's data folder (journal, waiting marks), a fresh temp folder per harness. */
  dataDir: string
  pinia: Pinia
  sandbox(): Sandbox
  /** Calls a channel the way the renderer would, unwrapping the result (throws on { ok:false }). */
  invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>
  /** Every channel the page asked for, in order. */
  calls: ChannelName[]
  close(): Promise<void>
}

export async function startStoreHarness(opts: { today?: string; seed?: number; connect?: boolean } = {}): Promise<StoreHarness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'sportello-store-'))
  let demo: Sandbox | null = null
  const app = createMainApp({
    secretStore: new MemorySecretStore(),
    dataDir,
    sandbox: { today: opts.today ?? STORE_TODAY, ...(opts.seed !== undefined ? { seed: opts.seed } : {}), onStart: (sb) => (demo = sb) },
  })
  const calls: ChannelName[] = []
  const api = Object.fromEntries(
    channelNames.map((name) => [
      name,
      (input: unknown) => {
        calls.push(name)
        return app.invoke(name, input)
      },
    ]),
  ) as unknown as Api
  ;(globalThis as unknown as { window: { api: Api } }).window = Object.assign((globalThis as { window?: object }).window ?? {}, { api })
  const pinia = createPinia()
  setActivePinia(pinia)
  if (opts.connect !== false) {
    const r = await app.invoke('sessionConnectDemo', {})
    if (!r.ok) throw new Error(`demo did not start: ${r.error.message}`)
  }
  return {
    app,
    dataDir,
    pinia,
    calls,
    sandbox: () => {
      if (!demo) throw new Error('the demo sandbox has not started')
      return demo
    },
    invoke: async (channel, input) => {
      const r = await app.invoke(channel, input)
      if (!r.ok) throw new Error(`${channel}: ${r.error.kind}: ${r.error.message}`)
      return r.value as never
    },
    async close() {
      await app.dispose()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}
