import type { SessionStatus } from '../../../../shared/contract'
import type { Me } from '../../../../shared/alfadocs/schemas'
import type { AlfaDocsClient, ClientOptions } from '../../alfadocs/client'
import { AlfaDocsError } from '../../alfadocs/errors'
import type { SecretStore } from '../../keychain/secret-store'
import { AppError } from '../app-error'
import { normaliseBaseUrl } from './base-url'
import { CREDENTIALS_ACCOUNT, readCredentials, writeCredentials } from './credentials'

export interface RunningSandbox {
  baseUrl: string
  apiKey: string
  close(): Promise<void>
}

export interface SessionDeps {
  secretStore: SecretStore
  createClient: (opts: ClientOptions) => AlfaDocsClient
  startSandbox: () => Promise<RunningSandbox>
  /** Called after disconnect, e.g. to wipe main-side caches. */
  onDisconnect?: () => Promise<void> | void
}

type Connected = Extract<SessionStatus, { state: 'connected' }>

/**
 * Who we are connected to. Operations are serialised, so a double click on "Connect" or a connect racing a
 * disconnect cannot leave a half-state behind.
 */
export class SessionService {
  private current: { status: Connected; client: AlfaDocsClient } | null = null
  private sandbox: RunningSandbox | null = null
  private restored = false
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

  connectDemo(): Promise<SessionStatus> {
    return this.serial(async () => {
      this.restored = true
      await this.openDemo()
      // The demo needs no secret; if the keychain is unavailable it is simply not remembered.
      await this.store({ mode: 'demo' }).catch(() => undefined)
      return this.current!.status
    })
  }

  connect(input: { apiKey: string; baseUrl?: string }): Promise<SessionStatus> {
    return this.serial(async () => {
      this.restored = true
      const baseUrl = normaliseBaseUrl(input.baseUrl)
      const apiKey = input.apiKey.trim()
      const client = this.deps.createClient({ baseUrl, auth: { apiKey } })
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
      await this.closeSandbox()
      this.current = { status, client }
      return status
    })
  }

  disconnect(): Promise<SessionStatus> {
    return this.serial(async () => {
      this.restored = true
      this.current = null
      await this.closeSandbox()
      try {
        await this.deps.secretStore.delete(CREDENTIALS_ACCOUNT)
      } catch (e) {
        throw new AppError('keychain', (e as Error).message)
      }
      await this.deps.onDisconnect?.()
      return { state: 'disconnected' }
    })
  }

  /** The client of the open session; a clear error when there is none. */
  async client(): Promise<AlfaDocsClient> {
    await this.status()
    if (!this.current) throw new AppError('not-connected', 'Not connected to a practice.')
    return this.current.client
  }

  async dispose(): Promise<void> {
    await this.serial(() => this.closeSandbox())
  }

  private async restore(): Promise<void> {
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
    const client = this.deps.createClient({ baseUrl: creds.baseUrl, auth: { apiKey: creds.apiKey } })
    try {
      const me = await client.me()
      this.current = { status: connectedStatus('practice', creds.baseUrl, me), client }
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
    }
  }

  private async openDemo(): Promise<void> {
    await this.closeSandbox()
    this.sandbox = await this.deps.startSandbox()
    const client = this.deps.createClient({ baseUrl: this.sandbox.baseUrl, auth: { apiKey: this.sandbox.apiKey } })
    const me = await client.me()
    this.current = { status: connectedStatus('demo', this.sandbox.baseUrl, me), client }
  }

  private async closeSandbox(): Promise<void> {
    const sb = this.sandbox
    this.sandbox = null
    this.current = this.current?.status.mode === 'demo' ? null : this.current
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
    const run = this.queue.then(fn, fn)
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
