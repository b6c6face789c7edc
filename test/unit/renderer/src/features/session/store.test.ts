import 'fake-indexeddb/auto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../../../../electron/sandbox'
import { useSessionStore } from '../../../../../../renderer/src/features/session/store'
import { describeError } from '../../../../../../renderer/src/i18n/describe-error'
import { mergeMessages } from '../../../../../../renderer/src/i18n'
import { sessionFeature } from '../../../../../../renderer/src/features/session'
import { STORE_TODAY, startStoreHarness, type StoreHarness } from '../../../../../support/store-harness'

// The session store against the real main handlers: a demo practice, a real AlfaDocs-shaped server refusing
// a wrong key. Errors stay data in the store; the Connect screen's words come from describeError.

describe('session store', () => {
  let h: StoreHarness
  let other: Sandbox

  beforeAll(async () => {
    h = await startStoreHarness({ connect: false })
    other = await startSandbox({ port: 0, quiet: true, today: STORE_TODAY })
    mergeMessages(sessionFeature.messages)
  })
  afterAll(async () => {
    await other?.close()
    await h?.close()
  })

  it('starts disconnected, opens the demo, and reads the status back', async () => {
    const s = useSessionStore(h.pinia)
    expect(s.status).toBeNull()
    expect((await s.check()).state).toBe('disconnected')
    expect(s.connected).toBeNull()
    expect(await s.connectDemo()).toBe(true)
    expect(s.connected).toMatchObject({ mode: 'demo' })
    expect(s.busy).toBeNull()
    expect((await useSessionStore(h.pinia).check()).state).toBe('connected')
  })

  it('a wrong key is kept as the action it failed on and its error data, worded for Connect', async () => {
    const s = useSessionStore(h.pinia)
    await s.disconnect()
    expect(s.status).toEqual({ state: 'disconnected' })
    expect(await s.connect('definitely-not-a-valid-key', other.baseUrl)).toBe(false)
    expect(s.failed).toBe('practice')
    expect(s.error).toMatchObject({ kind: 'auth' })
    expect(describeError(s.error!, 'connect')).toContain('La chiave API non è valida')
    expect(s.connected).toBeNull()
    // The next attempt starts clean.
    expect(await s.connectDemo()).toBe(true)
    expect([s.error, s.failed]).toEqual([null, null])
  })

  it('an address that is not https is refused before any request, as invalid', async () => {
    const s = useSessionStore(h.pinia)
    await s.disconnect()
    expect(await s.connect('some-key', 'http://example.com/api/v1')).toBe(false)
    expect(s.error).toMatchObject({ kind: 'invalid' })
    expect(describeError(s.error!, 'connect')).toContain('https://')
  })
})
