import type { SessionStatus } from '../../../../shared/contract'
import type { Me } from '../../../../shared/alfadocs/schemas'
import type { AlfaDocsClient, ClientOptions } from '../../alfadocs/client'
import { AlfaDocsError } from '../../alfadocs/errors'
import type { SecretStore } from '../../keychain/secret-store'
import { AppError } from '../app-error'
import { normaliseBaseUrl } from './base-url'
import { outcomeOf, type Connectivity } from './connectivity'
import { CREDENTIALS_ACCOUNT, readCredentials, writeCredentials } from './credentials'
import type { DisconnectMarker } from './disconnect-marker'

export interface RunningSandbox {
  baseUrl: string
  apiKey: string
  close(): Promise<void>
}

export interface SessionDeps {
  secretStore: SecretStore
  createClient: (opts: ClientOptions) => AlfaDocsClient
  startSandbox: () => Promise<RunningSandbox>
  /**
   * Called after disconnect and when a connect replaces another practice: forget what belonged to the
   * previous practice (main-side caches, local files). It runs even when the keychain failed.
   */
  onDisconnect?: () => Promise<void> | void
  /** Remembers a disconnect whose key the keychain would not remove, so no later start reconnects with it. */
  disconnectMarker?: DisconnectMarker
  /** Fed by every request of the open session's client; probes with GET /me while offline. */
  connectivity?: Connectivity
}

/** Each attempt of a probe waits this long for an answer (a black-holed network must not stall the probe). */
const PROBE_TIMEOUT_MS = 5000

/** What the keychain holds instead of the key when it refused to delete it but let it be overwritten. */
const REMOVED = JSON.stringify({ mode: 'removed' })

type Connected = Extract<SessionStatus, { state: 'connected' }>

/**
 * Who we are connected to. Operations are serialised, so a double click on "Connect" or a connect racing a
 * disconnect cannot leave a half-state behind.
 */
export class SessionService {
  private current: { status: Connected; client: AlfaDocsClient } | null = null
  private sandbox: RunningSandbox | null = null
  private restored = false
  /** A status is known: the first restore, a connect or a disconnect has run (statusNow answers at once). */
  private settled = false
  private queue: Promise<unknown> = Promise.resolve()

  constructor(private readonly deps: SessionDeps) {}

  status(): Promise<SessionStatus> {
    return this.serial(async () => {
      if (!this.restored) {
        this.restored = true
        await this.restore()
      }
      return this.current?.status ?? { state: 'disconnected' }
    })
  }

  /**
   * The status as it stands, without queueing behind a connect or disconnect under way: what those call (forgetting
   * the practice: the privacy lock's PIN) may be asking it while they wait for it. Before any status is known
   * (the restore at start), that restore's answer.
   */
  statusNow(): Promise<SessionStatus> {
    return this.settled ? Promise.resolve(this.current?.status ?? { state: 'disconnected' }) : this.status()
  }

  connectDemo(): Promise<SessionStatus> {
    return this.serial(async () => {
      this.restored = true
      const previous = this.current?.status
      await this.openDemo()
      await this.practiceChanged(previous)
      // The demo needs no secret; if the keychain is unavailable it is simply not remembered.
      await this.store({ mode: 'demo' }).catch(() => undefined)
      await this.deps.disconnectMarker?.clear().catch(() => undefined)
      return this.current!.status
    })
  }

  connect(input: { apiKey: string; baseUrl?: string }): Promise<SessionStatus> {
    return this.serial(async () => {
      this.restored = true
      const baseUrl = normaliseBaseUrl(input.baseUrl)
      const apiKey = input.apiKey.trim()
      const client = this.newClient({ baseUrl, auth: { apiKey } })
      const me = await client.me() // throws: wrong key → auth, unreachable → offline/timeout; nothing stored
      const status = connectedStatus('practice', baseUrl, me)
      await this.store({
        mode: 'practice',
        apiKey,
        baseUrl,
        practiceId: status.practiceId,
        archiveId: status.archiveId,
        practiceName: status.practiceName,
        userEmail: status.userEmail,
      })
      await this.deps.disconnectMarker?.clear().catch(() => undefined)
      const previous = this.current?.status
      await this.closeSandbox()
      this.current = { status, client }
      this.opened(client, true)
      await this.practiceChanged(previous)
      return status
    })
  }

  /**
   * Disconnects whatever happens: the session is closed and the previous practice's local data forgotten
   * even when the keychain refuses to remove the key; that refusal is then reported (kind 'keychain', code
   * 'keychain-delete-failed'), and the next start stays disconnected instead of reconnecting with the key.
   */
  disconnect(): Promise<SessionStatus> {
    return this.serial(async () => {
      this.restored = true
      this.current = null
      this.settled = true
      this.closed()
      await this.closeSandbox()
      const keyError = await this.removeKey()
      try {
        await this.deps.onDisconnect?.()
      } catch (e) {
        if (!keyError) throw e
      }
      if (keyError) throw keyError
      return { state: 'disconnected' }
    })
  }

  /** A connect replaced another practice's session: forget the previous one as a disconnect would. */
  private async practiceChanged(previous: Connected | undefined): Promise<void> {
    const now = this.current?.status
    if (!previous || !now || (previous.practiceId === now.practiceId && previous.archiveId === now.archiveId && previous.mode === now.mode))
      return
    try {
      await this.deps.onDisconnect?.()
    } catch (e) {
      // The new session is open; what could not be forgotten is only hidden (the journal is scoped per practice).
      console.warn('[sportello] forgetting the previous practice failed', e)
    }
  }

  /** Deletes the key; if the keychain refuses, overwrites it and leaves a marker. Returns the refusal, if any. */
  private async removeKey(): Promise<AppError | null> {
    try {
      await this.deps.secretStore.delete(CREDENTIALS_ACCOUNT)
      return null
    } catch (e) {
      const overwritten = await this.deps.secretStore.set(CREDENTIALS_ACCOUNT, REMOVED).then(
        () => true,
        () => false,
      )
      const marked = await this.deps.disconnectMarker?.set(new Date()).then(
        () => true,
        () => false,
      )
      return new AppError('keychain', `The keychain did not delete the key: ${(e as Error).message}`, {
        code: 'keychain-delete-failed',
        detail: overwritten
          ? 'the stored key was overwritten'
          : marked
            ? 'the key is still in the keychain; it will not be used'
            : 'the key is still in the keychain',
        cause: e,
      })
    }
  }

  /** The client of the open session; a clear error when there is none. */
  async client(): Promise<AlfaDocsClient> {
    await this.status()
    if (!this.current) throw new AppError('not-connected', 'Not connected to a practice.')
    return this.current.client
  }

  /** The connected practice (known offline too, from what the keychain kept); not-connected when there is none. */
  async practice(): Promise<{ practiceId: number; archiveId: number }> {
    const status = await this.status()
    if (status.state !== 'connected') throw new AppError('not-connected', 'Not connected to a practice.')
    return { practiceId: status.practiceId, archiveId: status.archiveId }
  }

  async dispose(): Promise<void> {
    await this.serial(() => this.closeSandbox())
  }

  private async restore(): Promise<void> {
    if (await this.deps.disconnectMarker?.isSet()) {
      // The last disconnect could not remove the key: stay disconnected, and try removing it again.
      const gone = await this.deps.secretStore.delete(CREDENTIALS_ACCOUNT).then(
        () => true,
        () => false,
      )
      if (gone) await this.deps.disconnectMarker?.clear().catch(() => undefined)
      return
    }
    let creds
    try {
      creds = await readCredentials(this.deps.secretStore)
    } catch (e) {
      throw new AppError('keychain', (e as Error).message)
    }
    if (!creds) return
    if (creds.mode === 'demo') {
      await this.openDemo()
      return
    }
    const client = this.newClient({ baseUrl: creds.baseUrl, auth: { apiKey: creds.apiKey } })
    try {
      const me = await client.me()
      this.current = { status: connectedStatus('practice', creds.baseUrl, me), client }
      this.opened(client, true)
    } catch (e) {
      if (e instanceof AlfaDocsError && e.kind === 'auth') return // key revoked: ask again
      // Offline or AlfaDocs down: go in anyway with what we knew, the cache shows the last data.
      this.current = {
        status: {
          state: 'connected',
          mode: 'practice',
          baseUrl: creds.baseUrl,
          practiceId: creds.practiceId,
          archiveId: creds.archiveId,
          practiceName: creds.practiceName,
          userEmail: creds.userEmail,
        },
        client,
      }
      this.opened(client, false)
      if (e instanceof AlfaDocsError && (e.kind === 'offline' || e.kind === 'timeout')) this.deps.connectivity?.report('offline')
    }
  }

  private async openDemo(): Promise<void> {
    await this.closeSandbox()
    this.sandbox = await this.deps.startSandbox()
    const client = this.newClient({ baseUrl: this.sandbox.baseUrl, auth: { apiKey: this.sandbox.apiKey } })
    const me = await client.me()
    this.current = { status: connectedStatus('demo', this.sandbox.baseUrl, me), client }
    this.opened(client, true)
  }

  /** A client whose request outcomes feed connectivity while it is the open session's. */
  private newClient(opts: ClientOptions): AlfaDocsClient {
    const given = opts.onRequest
    const client: AlfaDocsClient = this.deps.createClient({
      ...opts,
      onRequest: (e) => {
        given?.(e)
        if (this.current?.client === client) this.deps.connectivity?.report(outcomeOf(e))
      },
    })
    return client
  }

  /** The session's client changed: connectivity starts afresh and probes through it (GET /me, not memoised). */
  private opened(client: AlfaDocsClient, answered: boolean): void {
    const c = this.deps.connectivity
    if (!c) return
    c.reset(answered)
    c.setProbe((signal) => client.request('me', { signal, timeoutMs: PROBE_TIMEOUT_MS }))
  }

  private closed(): void {
    this.deps.connectivity?.setProbe(null)
    this.deps.connectivity?.reset(false)
  }

  private async closeSandbox(): Promise<void> {
    const sb = this.sandbox
    this.sandbox = null
    if (this.current?.status.mode === 'demo') {
      this.current = null
      this.closed()
    }
    if (sb) await sb.close()
  }

  private async store(c: Parameters<typeof writeCredentials>[1]): Promise<void> {
    try {
      await writeCredentials(this.deps.secretStore, c)
    } catch (e) {
      throw new AppError('keychain', (e as Error).message)
    }
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn).finally(() => (this.settled = true))
    this.queue = run.catch(() => undefined)
    return run
  }
}

function connectedStatus(mode: 'demo' | 'practice', baseUrl: string, me: Me): Connected {
  return {
    state: 'connected',
    mode,
    baseUrl,
    practiceId: me.practiceId,
    archiveId: me.archiveId,
    practiceName: me.practiceName ?? null,
    userEmail: me.userEmail ?? null,
  }
}
