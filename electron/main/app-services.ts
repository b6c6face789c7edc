import { AlfaDocsClient } from './alfadocs/client'
import type { SecretStore } from './keychain/secret-store'
import { createDocumentsService, type DocumentsService } from './services/documents'
import { SessionService, type RunningSandbox } from './services/session/session-service'
import { PaymentService } from './services/billing/payment-service'

export interface AppServiceOptions {
  secretStore: SecretStore
  /** The app's data folder (payment journal, settings). */
  dataDir: string
  /** Starts the embedded demo practice. */
  startSandbox: () => Promise<RunningSandbox>
}

export interface AppServices {
  session: SessionService
  dataDir: string
  documents: DocumentsService
  payments: PaymentService
}

export function createAppServices(opts: AppServiceOptions): AppServices {
  const session = new SessionService({
    secretStore: opts.secretStore,
    createClient: (o) => new AlfaDocsClient(o),
    startSandbox: opts.startSandbox,
  })
  return { session, dataDir: opts.dataDir, documents: createDocumentsService(() => session.client(), opts.dataDir), payments: new PaymentService({ dataDir: opts.dataDir, client: () => session.client() }) }
}

export async function disposeAppServices(s: AppServices): Promise<void> {
  await s.session.dispose()
}
