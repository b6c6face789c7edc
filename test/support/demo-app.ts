import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { createMainApp, type MainApp } from '../../electron/main/app'
import { MemorySecretStore } from '../../electron/main/keychain/memory-store'
import type { Sandbox } from '../../electron/sandbox'
import type { ChannelName } from '../../shared/contract'

// Main's one door on a fresh data folder, connected to the demo sandbox (real HTTP) for the whole file, for
// the tests that call channels the way the renderer does. It registers its own beforeAll and afterAll.

export interface DemoApp {
  app: MainApp
  /** Main's data folder (journal, waiting marks). */
  dataDir: string
  sandbox: Sandbox
  /** Calls a channel and unwraps the result; a refusal throws an Error carrying its kind, code and detail. */
  call<T = unknown>(channel: ChannelName, input?: unknown): Promise<T>
}

export function useDemoApp(name: string, today: string): DemoApp {
  const demo = {
    async call<T>(channel: ChannelName, input: unknown = {}): Promise<T> {
      const r = await demo.app.invoke(channel, input)
      if (r.ok) return r.value as T
      const { message, ...error } = r.error
      throw Object.assign(new Error(`${channel}: ${error.kind}: ${message}`), error)
    },
  } as DemoApp
  beforeAll(async () => {
    demo.dataDir = await mkdtemp(join(tmpdir(), `sportello-${name}-`))
    demo.app = createMainApp({
      secretStore: new MemorySecretStore(),
      dataDir: demo.dataDir,
      sandbox: { today, onStart: (sb) => (demo.sandbox = sb) },
    })
    await demo.call('sessionConnectDemo')
  })
  afterAll(async () => {
    await demo.app?.dispose()
    if (demo.dataDir) await rm(demo.dataDir, { recursive: true, force: true })
  })
  return demo
}
