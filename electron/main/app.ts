import { startSandbox, type Sandbox } from '../sandbox'
import { createAppServices, disposeAppServices, type AppServices } from './app-services'
import { createHandlers } from './ipc/handlers'
import { createInvoke, type Invoke } from './ipc/invoke'
import type { SecretStore } from './keychain/secret-store'
import type { PrintTarget } from './services/print/print-target'

export interface MainAppOptions {
  secretStore: SecretStore
  dataDir: string
  /** The privacy lock (electron/main/lock/): on in the Electron app, off in the e2e harness. */
  privacyLock?: boolean
  /** The window printing works on: Electron's webContents in the app, Chromium's page in the e2e harness. */
  printTarget?: () => PrintTarget | null
  /** Options for the embedded demo practice (tests pin the date and seed). */
  sandbox?: { today?: string; seed?: number; latencyMs?: number; onStart?: (sb: Sandbox) => void }
}

export interface MainApp {
  invoke: Invoke
  /** main's services, for the Electron glue (menu, lock, updater, notifications). */
  services: AppServices
  /** The user dropped or picked this path (reported by the preload): documents may be read from under it. */
  grantPath(path: string): boolean
  dispose(): Promise<void>
}

/** Main's logic without Electron: the Electron glue and the e2e harness both drive exactly this. */
export function createMainApp(opts: MainAppOptions): MainApp {
  const services = createAppServices({
    secretStore: opts.secretStore,
    dataDir: opts.dataDir,
    ...(opts.privacyLock !== undefined ? { privacyLock: opts.privacyLock } : {}),
    ...(opts.printTarget ? { printTarget: opts.printTarget } : {}),
    startSandbox: async () => {
      const { onStart, ...sandboxOptions } = opts.sandbox ?? {}
      const sb = await startSandbox({ port: 0, quiet: true, ...sandboxOptions })
      onStart?.(sb)
      return { baseUrl: sb.baseUrl, apiKey: sb.apiKey, close: () => sb.close() }
    },
  })
  const invoke = createInvoke(createHandlers(services))
  return { invoke, services, grantPath: (path) => services.documents.grants.grant(path), dispose: () => disposeAppServices(services) }
}
