import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../../electron/sandbox'
import { createMainApp, type MainApp } from '../../../../electron/main/app'
import { MemorySecretStore } from '../../../../electron/main/keychain/memory-store'
import { JOURNAL_FILE, PaymentJournal } from '../../../../electron/main/services/billing/journal'
import type { ChannelName } from '../../../../shared/contract'
import { paymentEntry } from '../../../support/payment-entry'

// Disconnecting and connecting to another practice through main's one door: nothing of the previous
// practice is listed, resumed or sent; its waiting marks are gone; its journal entries stay on disk, unseen.

let app: MainApp
let demo: Sandbox | null = null
let other: Sandbox
let dataDir: string

/** A channel through main's one door of `on`: its value, or its error data thrown. */
async function invokeOn(on: MainApp, channel: ChannelName, input: unknown = {}): Promise<unknown> {
  const r = await on.invoke(channel, input)
  if (!r.ok) throw Object.assign(new Error(r.error.message), r.error)
  return r.value
}
const call = (channel: ChannelName, input?: unknown) => invokeOn(app, channel, input)

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'app-switch-'))
  other = await startSandbox({ port: 0, quiet: true, rateLimitPerSecond: false, today: '2026-03-11' })
  other.state.practice.practiceId += 1000
  app = createMainApp({ secretStore: new MemorySecretStore(), dataDir, sandbox: { today: '2026-03-11', onStart: (sb) => (demo = sb) } })
})
afterAll(async () => {
  await app?.dispose()
  await other?.close()
  await rm(dataDir, { recursive: true, force: true })
})

const stuckEntry = (practiceId: number, archiveId: number) =>
  paymentEntry(
    'old-practice-payment',
    { liabilityId: 1, liabilityCents: 5000, amountCents: 5000 },
    { practiceId, archiveId, billId: 1, state: 'needs-attention', attempts: 1 },
  )

describe('disconnect and practice switch', { timeout: 60_000 }, () => {
  it('the previous practice’s unfinished payments and waiting marks are not shown or sent to the next one', async () => {
    await call('sessionConnectDemo')
    const d = demo!
    await new PaymentJournal(dataDir).put(stuckEntry(d.practiceId, d.archiveId))
    await writeFile(join(dataDir, 'agenda-waiting.json'), JSON.stringify({ 4242: Date.now() }))
    const listed = (await call('paymentsUnfinished')) as { payments: Array<{ key: string }> }
    expect(listed.payments.map((p) => p.key)).toEqual(['old-practice-payment'])
    expect(await call('agendaWaiting', { ids: [4242] })).toHaveLength(1)

    await call('sessionDisconnect')
    expect(JSON.parse(await readFile(join(dataDir, 'agenda-waiting.json'), 'utf8'))).toEqual({})
    await call('sessionConnect', { apiKey: other.apiKey, baseUrl: other.baseUrl })
    const txBefore = other.state.transactions.length
    expect(await call('paymentsUnfinished')).toEqual({ payments: [], notices: [] })
    expect(await call('agendaWaiting', { ids: [4242] })).toEqual([])
    await expect(call('paymentGet', { key: 'old-practice-payment' })).rejects.toMatchObject({ kind: 'not-found' })
    await expect(call('paymentRetry', { key: 'old-practice-payment' })).rejects.toMatchObject({ kind: 'not-found' })
    expect(other.state.transactions.length).toBe(txBefore)
    // Kept, scoped: the entry may hold a transaction its practice must not pay twice when it comes back.
    expect(await readFile(join(dataDir, JOURNAL_FILE), 'utf8')).toContain('old-practice-payment')
  })
})

// Disconnecting holds the session's queue while it forgets the practice (the outbox, the PIN); what it forgets
// may itself be asking the session (its practice, client or status). Each test hangs without its fix.
describe('disconnect while the agenda outbox or the privacy lock asks the session', { timeout: 20_000 }, () => {
  it('a disconnect asked while an outbox flush starts ends, and Connect works again', async () => {
    await call('sessionConnect', { apiKey: other.apiKey, baseUrl: other.baseUrl })
    const flushed = call('agendaOutbox', { acknowledge: [] }).catch((e: unknown) => e)
    const status = await call('sessionDisconnect')
    expect(status).toEqual({ state: 'disconnected' })
    await flushed
    expect(await call('sessionStatus')).toEqual({ state: 'disconnected' })
    await call('sessionConnect', { apiKey: other.apiKey, baseUrl: other.baseUrl })
    expect(await call('agendaOutbox', { acknowledge: [] })).toEqual({ pending: [], refused: [] })
  })

  it('a disconnect while the privacy lock reads its state ends, and the PIN goes with the practice', async () => {
    const lockDir = await mkdtemp(join(tmpdir(), 'app-lock-'))
    const locking = createMainApp({
      secretStore: new MemorySecretStore(),
      dataDir: lockDir,
      privacyLock: true,
      sandbox: { today: '2026-03-11' },
    })
    const ask = (channel: ChannelName, input?: unknown) => invokeOn(locking, channel, input)
    try {
      await ask('sessionConnect', { apiKey: other.apiKey, baseUrl: other.baseUrl })
      await ask('sessionSetPin', { pin: '2468' })
      const status = ask('sessionDisconnect')
      const lockState = ask('sessionLockState')
      expect(await status).toEqual({ state: 'disconnected' })
      expect(await lockState).toMatchObject({ locked: false })
      await ask('sessionConnect', { apiKey: other.apiKey, baseUrl: other.baseUrl })
      expect(await ask('sessionLockState')).toMatchObject({ enabled: true, locked: false, needsPin: true })
    } finally {
      await locking.dispose()
      await rm(lockDir, { recursive: true, force: true })
    }
  })
})
