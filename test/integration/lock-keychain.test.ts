import { readdirSync, readFileSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { KeytarSecretStore } from '../../electron/main/keychain/keytar-store'
import { LockService, PIN_ACCOUNT } from '../../electron/main/lock/lock-service'
import { secretServiceAvailable } from '../support/secret-service'

const available = await secretServiceAvailable()

describe.skipIf(!available.ok)('the privacy lock against the real OS keychain', () => {
  const store = new KeytarSecretStore(`Sportello-test-lock-${process.pid}`)
  afterAll(async () => {
    await store.delete(PIN_ACCOUNT)
  })

  it('keeps the PIN only as a salted hash in the keychain, opens with it, and forgets it with the practice', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sportello-lock-'))
    const connected = {
      state: 'connected',
      mode: 'practice',
      baseUrl: 'https://app.alfadocs.com/api/v1',
      practiceId: 1,
      archiveId: 2,
      practiceName: null,
      userEmail: null,
    } as const
    const lock = new LockService({ enabled: true, secretStore: store, dataDir, status: async () => connected })
    expect(await lock.state()).toMatchObject({ locked: false, needsPin: true })
    await lock.setPin('482916')
    const hash = await store.get(PIN_ACCOUNT)
    expect(hash).toMatch(/^scrypt\$/)
    expect(hash).not.toContain('482916')

    await expect(lock.unlock('482916')).resolves.toMatchObject({ locked: false }) // not locked: nothing to do
    await lock.lock()
    await expect(lock.unlock('111111')).rejects.toMatchObject({ code: 'pin-wrong' })
    // What the data folder holds: the wrong-attempts counter, never the PIN or its hash.
    const files = readdirSync(dataDir).map((f) => readFileSync(join(dataDir, f), 'utf8'))
    expect(files.join('\n')).not.toContain(hash!.split('$').at(-1)!)
    expect(files.join('\n')).not.toContain('482916')
    await expect(lock.unlock('482916')).resolves.toMatchObject({ locked: false })

    // A second start of the app (a new service on the same keychain) starts locked.
    const again = new LockService({ enabled: true, secretStore: store, dataDir, status: async () => connected })
    expect(await again.state()).toMatchObject({ locked: true, needsPin: false })
    await again.forget()
    expect(await store.get(PIN_ACCOUNT)).toBeNull()
  })
})
