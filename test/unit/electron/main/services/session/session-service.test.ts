import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../../../../electron/sandbox'
import { AlfaDocsClient } from '../../../../../../electron/main/alfadocs/client'
import { MemorySecretStore } from '../../../../../../electron/main/keychain/memory-store'
import { CREDENTIALS_ACCOUNT } from '../../../../../../electron/main/services/session/credentials'
import { DISCONNECT_MARKER_FILE, DisconnectMarker } from '../../../../../../electron/main/services/session/disconnect-marker'
import { SessionService } from '../../../../../../electron/main/services/session/session-service'

// The session against real sandboxes (loopback HTTP), with a keychain that refuses to delete.

/** A keychain whose delete (and, when asked, set) throws, as a locked or broken OS keychain does. */
class StubbornStore extends MemorySecretStore {
  refuseDelete = true
  refuseSet = false
  override async delete(account: string) {
    if (this.refuseDelete) throw new Error('The keychain is locked')
    return super.delete(account)
  }
  override async set(account: string, secret: string) {
    if (this.refuseSet) throw new Error('The keychain is locked')
    return super.set(account, secret)
  }
}

let a: Sandbox
let b: Sandbox
let dataDir: string

beforeAll(async () => {
  a = await startSandbox({ port: 0, quiet: true, rateLimitPerSecond: false })
  b = await startSandbox({ port: 0, quiet: true, rateLimitPerSecond: false })
  b.state.practice.practiceId = a.practiceId + 1000 // another practice
})
afterAll(async () => {
  await a?.close()
  await b?.close()
})
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'session-'))
})
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true })
})

function session(store: MemorySecretStore, onDisconnect: () => void = () => undefined) {
  return new SessionService({
    secretStore: store,
    createClient: (o) => new AlfaDocsClient({ ...o, retryBaseMs: 2 }),
    startSandbox: () => Promise.reject(new Error('no demo here')),
    disconnectMarker: new DisconnectMarker(dataDir),
    onDisconnect,
  })
}

describe('disconnect when the keychain will not delete the key', { timeout: 30_000 }, () => {
  it('is reported as keychain, the session is closed, the previous practice forgotten, the stored key overwritten; the next start stays disconnected', async () => {
    const store = new StubbornStore()
    let forgotten = 0
    const s = session(store, () => void forgotten++)
    await s.connect({ apiKey: a.apiKey, baseUrl: a.baseUrl })
    await expect(s.disconnect()).rejects.toMatchObject({ kind: 'keychain', code: 'keychain-delete-failed' })
    expect(await s.status()).toEqual({ state: 'disconnected' })
    await expect(s.client()).rejects.toMatchObject({ kind: 'not-connected' })
    expect(forgotten).toBe(1)
    expect(await store.get(CREDENTIALS_ACCOUNT)).not.toContain(a.apiKey)

    const nextStart = session(store)
    expect(await nextStart.status()).toEqual({ state: 'disconnected' })
  })

  it('a keychain that refuses both delete and overwrite: the key stays, but the next start does not reconnect with it; once the keychain works it is removed', async () => {
    const store = new StubbornStore()
    const s = session(store)
    await s.connect({ apiKey: a.apiKey, baseUrl: a.baseUrl })
    store.refuseSet = true
    await expect(s.disconnect()).rejects.toMatchObject({ kind: 'keychain', code: 'keychain-delete-failed' })
    expect(await store.get(CREDENTIALS_ACCOUNT)).toContain(a.apiKey)
    expect(await readdir(dataDir)).toContain(DISCONNECT_MARKER_FILE)

    expect(await session(store).status()).toEqual({ state: 'disconnected' })
    expect(await store.get(CREDENTIALS_ACCOUNT)).toContain(a.apiKey)

    store.refuseDelete = false
    store.refuseSet = false
    expect(await session(store).status()).toEqual({ state: 'disconnected' })
    expect(await store.get(CREDENTIALS_ACCOUNT)).toBeNull()
    expect(await readdir(dataDir)).not.toContain(DISCONNECT_MARKER_FILE)

    // Connecting again works and is remembered as usual.
    await session(store).connect({ apiKey: a.apiKey, baseUrl: a.baseUrl })
    expect(await session(store).status()).toMatchObject({ state: 'connected', practiceId: a.practiceId })
  })

  it('without the marker file a plain disconnect that works leaves nothing to stop the next connect', async () => {
    const store = new MemorySecretStore()
    const s = session(store)
    await s.connect({ apiKey: a.apiKey, baseUrl: a.baseUrl })
    expect(await s.disconnect()).toEqual({ state: 'disconnected' })
    expect(store.size).toBe(0)
    expect(await readdir(dataDir)).toEqual([])
  })
})

describe('changing practice', { timeout: 30_000 }, () => {
  it('a connect that replaces another practice forgets the previous one, as a disconnect does; the same practice again does not', async () => {
    let forgotten = 0
    const s = session(new MemorySecretStore(), () => void forgotten++)
    await s.connect({ apiKey: a.apiKey, baseUrl: a.baseUrl })
    expect(forgotten).toBe(0)
    await s.connect({ apiKey: b.apiKey, baseUrl: b.baseUrl })
    expect(forgotten).toBe(1)
    expect(await s.practice()).toEqual({ practiceId: b.state.practice.practiceId, archiveId: b.archiveId })
    await s.connect({ apiKey: b.apiKey, baseUrl: b.baseUrl })
    expect(forgotten).toBe(1)
  })

  it('practice() is not-connected when disconnected', async () => {
    await expect(session(new MemorySecretStore()).practice()).rejects.toMatchObject({ kind: 'not-connected' })
  })
})
