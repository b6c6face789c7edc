import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../electron/sandbox'
import { AlfaDocsClient } from '../../electron/main/alfadocs/client'
import { KeytarSecretStore } from '../../electron/main/keychain/keytar-store'
import { CREDENTIALS_ACCOUNT } from '../../electron/main/services/session/credentials'
import { SessionService } from '../../electron/main/services/session/session-service'
import { secretServiceAvailable } from '../support/secret-service'

const available = await secretServiceAvailable()

describe.skipIf(!available.ok)('keytar SecretStore against the real Secret Service', () => {
  const service = `Sportello-test-${process.pid}`
  const store = new KeytarSecretStore(service)
  let sandbox: Sandbox

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, apiKey: 'right-key', today: '2026-03-10', rateLimitPerSecond: false, quiet: true })
  })
  afterAll(async () => {
    await store.delete(CREDENTIALS_ACCOUNT)
    await sandbox?.close()
  })

  it('stores, reads back and deletes a secret', async () => {
    await store.set('roundtrip', 'sëcret-ключ-🔑')
    expect(await store.get('roundtrip')).toBe('sëcret-ключ-🔑')
    expect(await store.delete('roundtrip')).toBe(true)
    expect(await store.get('roundtrip')).toBeNull()
    expect(await store.delete('roundtrip')).toBe(false)
  })

  const session = () =>
    new SessionService({
      secretStore: store,
      createClient: (o) => new AlfaDocsClient({ ...o, retryBaseMs: 5 }),
      startSandbox: async () => ({ baseUrl: sandbox.baseUrl, apiKey: sandbox.apiKey, close: async () => {} }),
    })

  it('stores the key only after GET /me succeeds, and the next start goes straight in', async () => {
    const first = session()
    await expect(first.connect({ apiKey: 'wrong-key', baseUrl: sandbox.baseUrl })).rejects.toMatchObject({ kind: 'auth' })
    expect(await store.get(CREDENTIALS_ACCOUNT)).toBeNull()

    const status = await first.connect({ apiKey: 'right-key', baseUrl: sandbox.baseUrl })
    expect(status).toMatchObject({ state: 'connected', mode: 'practice', practiceId: sandbox.practiceId })
    expect(JSON.parse((await store.get(CREDENTIALS_ACCOUNT))!)).toMatchObject({ mode: 'practice', apiKey: 'right-key' })

    const nextStart = session()
    expect(await nextStart.status()).toMatchObject({ state: 'connected', archiveId: sandbox.archiveId })

    expect(await nextStart.disconnect()).toEqual({ state: 'disconnected' })
    expect(await store.get(CREDENTIALS_ACCOUNT)).toBeNull()
    expect(await session().status()).toEqual({ state: 'disconnected' })
  })

  it('refuses an unreachable server and a non-https URL without storing anything', async () => {
    const s = session()
    await expect(s.connect({ apiKey: 'right-key', baseUrl: 'http://127.0.0.1:9/api/v1' })).rejects.toMatchObject({ kind: 'offline' })
    await expect(s.connect({ apiKey: 'right-key', baseUrl: 'http://alfadocs.example.com/api/v1' })).rejects.toMatchObject({
      kind: 'invalid',
    })
    expect(await store.get(CREDENTIALS_ACCOUNT)).toBeNull()
  })
})
