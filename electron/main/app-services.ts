import { join } from 'node:path'
import { AlfaDocsClient } from './alfadocs/client'
import type { SecretStore } from './keychain/secret-store'
import { LockService } from './lock/lock-service'
import { Notices } from './notifications'
import { AgendaService } from './services/agenda/agenda-service'
import { ArrivalsWatcher } from './services/agenda/arrivals'
import { AgendaOutbox } from './services/agenda/outbox'
import { WaitingStore } from './services/agenda/waiting-store'
import { BillingQueries } from './services/billing/billing-queries'
import { PaymentService } from './services/billing/payment-service'
import { createDocumentsService, type DocumentsService } from './services/documents'
import { CallsStore } from './services/lists/calls-store'
import { ListsService } from './services/lists/lists-service'
import { PatientsService } from './services/patients/patients-service'
import { PrintService } from './services/print/print-service'
import type { PrintTarget } from './services/print/print-target'
import { Connectivity } from './services/session/connectivity'
import { DisconnectMarker } from './services/session/disconnect-marker'
import { SessionService, type RunningSandbox } from './services/session/session-service'
import { SettingsStore } from './services/settings/settings-store'

export interface AppServiceOptions {
  secretStore: SecretStore
  /** The app's data folder (payment journal, settings). */
  dataDir: string
  /** Starts the embedded demo practice. */
  startSandbox: () => Promise<RunningSandbox>
  /** The privacy lock (a PIN for a real practice's desk): the Electron app has it, the e2e harness does not. */
  privacyLock?: boolean
  /** The window printing works on (print preview, print, save as PDF); null while there is none. */
  printTarget?: () => PrintTarget | null
}

/** Every service of main, built once here; the IPC handlers only map channels onto their methods. */
export interface AppServices {
  dataDir: string
  session: SessionService
  /** Whether AlfaDocs answers (online, offline, key refused), fed by every request of the session's client. */
  connectivity: Connectivity
  agenda: AgendaService
  patients: PatientsService
  documents: DocumentsService
  /** Bills, one bill, takings (read-only). */
  billing: BillingQueries
  /** Recording payments exactly once. */
  payments: PaymentService
  /** The desk's settings: this computer's and the connected practice's. */
  settings: SettingsStore
  /** The call lists: Conferme, Da richiamare, Anticipi. */
  lists: ListsService
  /** The privacy lock over the window. */
  lock: LockService
  /** System notifications main's code asks for (arrivals from other desks…); the Electron glue shows them. */
  notices: Notices
  /** Print preview, print and save as PDF of the window (services/print/). */
  print: PrintService
}

export function createAppServices(opts: AppServiceOptions): AppServices {
  const connectivity = new Connectivity()
  const session = new SessionService({
    connectivity,
    secretStore: opts.secretStore,
    createClient: (o) => new AlfaDocsClient(o),
    startSandbox: opts.startSandbox,
    disconnectMarker: new DisconnectMarker(opts.dataDir),
    // The previous practice's local data: waiting marks emptied; payments (journal scoped per practice) resume afresh.
    onDisconnect: async () => {
      payments.sessionChanged()
      arrivals.reset()
      await Promise.all([waiting.clear(), outbox.clear(), lock.forget()])
    },
  })
  const client = () => session.client()
  const lock = new LockService({
    enabled: opts.privacyLock ?? false,
    secretStore: opts.secretStore,
    dataDir: opts.dataDir,
    // Not status(): disconnecting forgets the PIN (lock.forget) while it holds the session's queue.
    status: () => session.statusNow(),
  })
  const waiting = new WaitingStore(join(opts.dataDir, 'agenda-waiting.json'))
  const practice = () => session.practice()
  // State changes queued offline (durable, per practice), sent when AlfaDocs answers again.
  const outbox = new AgendaOutbox({ path: join(opts.dataDir, 'agenda-outbox.json'), client, practice, waiting })
  connectivity.onOnline(() => void outbox.flush())
  const offline = () => connectivity.snapshot().state === 'offline'
  const settings = new SettingsStore({ dataDir: opts.dataDir, practice: () => session.practice().catch(() => null) })
  const patients = new PatientsService(client)
  const arrivals = new ArrivalsWatcher({
    client,
    patientName: async (id) => {
      const p = await patients.get(id)
      return [p.lastName, p.firstName].filter(Boolean).join(' ') || null
    },
  })
  const payments = new PaymentService({ dataDir: opts.dataDir, client, practice: () => session.practice(), offline })
  return {
    dataDir: opts.dataDir,
    session,
    connectivity,
    agenda: new AgendaService({ client, waiting, outbox, offline, arrivals }),
    patients,
    documents: createDocumentsService(client, opts.dataDir),
    billing: new BillingQueries(client, { dataDir: opts.dataDir, practice }),
    payments,
    settings,
    lists: new ListsService({
      client,
      practice,
      settings: () => settings.get(),
      calls: new CallsStore(opts.dataDir),
      customFieldDefs: () => patients.customFieldDefs(),
    }),
    lock,
    notices: new Notices(),
    print: new PrintService({ target: opts.printTarget ?? (() => null) }),
  }
}

export async function disposeAppServices(s: AppServices): Promise<void> {
  s.connectivity.dispose()
  await s.session.dispose()
}
