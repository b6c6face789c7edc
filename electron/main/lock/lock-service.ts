import { join } from 'node:path'
import { LOCK_CODES, type LockState, type SessionStatus } from '../../../shared/contract/session'
import type { SecretStore } from '../keychain/secret-store'
import { AppError } from '../services/app-error'
import { DurableFile, type FileCodec } from '../storage/durable-file'
import { hashPin, PIN_COST, verifyPin, type ScryptCost } from './pin-hash'

/** The keychain account of the desk PIN's hash (never written to a file). */
export const PIN_ACCOUNT = 'desk-pin'
/** Wrong PINs in a row, kept in the data folder so that restarting the app does not reset the wait. */
export const LOCK_ATTEMPTS_FILE = 'lock-attempts.json'
/** Free tries; then each wrong PIN doubles the wait, from 5 s up to 15 minutes. */
export const FREE_ATTEMPTS = 3
const FIRST_WAIT_MS = 5_000
const MAX_WAIT_MS = 15 * 60_000

export const waitAfter = (failures: number): number =>
  failures < FREE_ATTEMPTS ? 0 : Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** (failures - FREE_ATTEMPTS))

interface Attempts {
  failures: number
  /** ms */
  lastFailureAt: number
}
const attemptsCodec: FileCodec<Attempts> = {
  empty: () => ({ failures: 0, lastFailureAt: 0 }),
  encode: (a) => JSON.stringify(a),
  decode(text) {
    const raw = JSON.parse(text) as Partial<Attempts>
    const ok = Number.isSafeInteger(raw.failures) && Number.isFinite(raw.lastFailureAt)
    // A damaged counter counts as the worst case seen so far rather than as a fresh start.
    return ok ? { value: raw as Attempts, intact: true } : { value: { failures: FREE_ATTEMPTS, lastFailureAt: Date.now() }, intact: false }
  },
}

export interface LockServiceOptions {
  /** false: no privacy lock on this app (the e2e harness); every state says enabled: false. */
  enabled: boolean
  secretStore: SecretStore
  dataDir: string
  status: () => Promise<SessionStatus>
  now?: () => number
  cost?: ScryptCost
}

/**
 * The privacy lock: a PIN (salted scrypt hash in the OS keychain) for a desk connected to a real practice.
 * The window is covered (the page's LockScreen) while `locked`; nothing else stops, so prints and uploads
 * go on underneath. A desk with a PIN starts locked. The demo practice has no PIN and never locks.
 */
export class LockService {
  private locked: boolean | null = null
  private readonly attempts: DurableFile<Attempts>
  private readonly now: () => number
  private queue: Promise<unknown> = Promise.resolve()
  private readonly listeners = new Set<(s: LockState) => void>()

  constructor(private readonly opts: LockServiceOptions) {
    this.now = opts.now ?? Date.now
    this.attempts = new DurableFile(join(opts.dataDir, LOCK_ATTEMPTS_FILE), { codec: attemptsCodec })
  }

  state(): Promise<LockState> {
    return this.serial(() => this.snapshot())
  }

  /** Covers the window (idle, the OS locked the screen, or asked). Nothing happens without a PIN. */
  lock(): Promise<LockState> {
    return this.serial(async () => {
      if (this.opts.enabled && (await this.pinHash())) this.locked = true
      return this.changed()
    })
  }

  unlock(pin: string): Promise<LockState> {
    return this.serial(async () => {
      const hash = await this.pinHash()
      if (!hash || !this.locked) return this.snapshot()
      const wait = await this.retryIn()
      if (wait > 0)
        throw new AppError('rate-limited', `Too many wrong PINs; wait ${Math.ceil(wait / 1000)} s.`, {
          code: LOCK_CODES.wait,
          detail: String(Math.ceil(wait / 1000)),
        })
      if (!(await verifyPin(pin, hash))) {
        const next = await this.attempts.update((a) => ({ failures: a.failures + 1, lastFailureAt: this.now() }))
        throw new AppError('auth', 'Wrong PIN.', { code: LOCK_CODES.wrong, detail: String(Math.ceil(waitAfter(next.failures) / 1000)) })
      }
      if ((await this.attempts.read()).failures > 0) await this.attempts.update(() => attemptsCodec.empty())
      this.locked = false
      return this.changed()
    })
  }

  /** The first PIN of a practice's desk. A set PIN is changed only by disconnecting (which forgets it). */
  setPin(pin: string): Promise<LockState> {
    return this.serial(async () => {
      if (!(await this.pinNeeded())) {
        const exists = (await this.pinHash()) !== null
        throw new AppError('invalid', exists ? 'A PIN is already set.' : 'No PIN is needed here.', {
          code: exists ? LOCK_CODES.exists : LOCK_CODES.notNeeded,
        })
      }
      await this.opts.secretStore.set(PIN_ACCOUNT, await hashPin(pin, this.opts.cost ?? PIN_COST))
      this.locked = false
      return this.changed()
    })
  }

  /** The practice was disconnected (or replaced): its PIN goes with it. */
  forget(): Promise<void> {
    return this.serial(async () => {
      await this.opts.secretStore.delete(PIN_ACCOUNT)
      await this.attempts.update(() => attemptsCodec.empty())
      this.locked = false
      this.changed()
    })
  }

  /** Told each time the lock closes or opens. */
  onChange(cb: (s: LockState) => void): () => void {
    this.listeners.add(cb)
    return () => this.listeners.delete(cb)
  }

  private async snapshot(): Promise<LockState> {
    if (!this.opts.enabled) return { enabled: false, locked: false, needsPin: false, retryInMs: 0 }
    const hash = await this.pinHash()
    this.locked ??= hash !== null // a desk with a PIN starts locked
    if (!hash) this.locked = false
    return { enabled: true, locked: this.locked, needsPin: await this.pinNeeded(), retryInMs: this.locked ? await this.retryIn() : 0 }
  }

  private async changed(): Promise<LockState> {
    const s = await this.snapshot()
    for (const l of this.listeners) l(s)
    return s
  }

  private async pinNeeded(): Promise<boolean> {
    if (!this.opts.enabled) return false
    const status = await this.opts.status().catch(() => null)
    return status?.state === 'connected' && status.mode === 'practice' && (await this.pinHash()) === null
  }

  private async pinHash(): Promise<string | null> {
    if (!this.opts.enabled) return null
    const status = await this.opts.status().catch(() => null)
    if (status?.state !== 'connected' || status.mode !== 'practice') return null
    return this.opts.secretStore.get(PIN_ACCOUNT)
  }

  private async retryIn(): Promise<number> {
    const a = await this.attempts.read()
    return Math.max(0, a.lastFailureAt + waitAfter(a.failures) - this.now())
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn)
    this.queue = run.catch(() => undefined)
    return run
  }
}
