import { z } from 'zod'
import { channel, empty } from './core'

export const sessionStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('disconnected') }),
  z.object({
    state: z.literal('connected'),
    mode: z.enum(['demo', 'practice']),
    baseUrl: z.string(),
    practiceId: z.number(),
    archiveId: z.number(),
    practiceName: z.string().nullable(),
    userEmail: z.string().nullable(),
  }),
])
export type SessionStatus = z.infer<typeof sessionStatusSchema>

/** Whether AlfaDocs answers (main's one state, see electron/main/services/session/connectivity.ts). */
export const connectivitySnapshotSchema = z.object({
  state: z.enum(['online', 'offline', 'auth-refused']),
  /** ms, when this state began */
  since: z.number(),
  /** ms, the last answer AlfaDocs gave; null before the first */
  lastOkAt: z.number().nullable(),
})
export type ConnectivitySnapshotData = z.infer<typeof connectivitySnapshotSchema>

/**
 * The privacy lock (electron/main/lock/). `enabled` is false where there is no lock at all (the e2e harness,
 * the demo practice's window has one but no PIN): the page shows nothing. `needsPin`: a practice is connected
 * and this desk has no PIN yet (the page asks for one before anything else). `retryInMs`: wrong PINs were
 * typed; the next try is refused until then.
 */
export const lockStateSchema = z.object({
  enabled: z.boolean(),
  locked: z.boolean(),
  needsPin: z.boolean(),
  retryInMs: z.number(),
})
export type LockState = z.infer<typeof lockStateSchema>

/** A desk PIN: 4 to 8 digits. */
export const pinSchema = z.string().regex(/^\d{4,8}$/, 'expected 4 to 8 digits')
/** Refusal codes of the lock channels (the page words them). */
export const LOCK_CODES = { wrong: 'pin-wrong', wait: 'pin-wait', exists: 'pin-exists', notNeeded: 'pin-not-needed' } as const

export { DEFAULT_BASE_URL } from './values'

export const sessionChannels = {
  /** Where we stand; on first call main tries the keychain and reconnects. */
  sessionStatus: channel(empty, sessionStatusSchema),
  /** Start the embedded demo practice and connect to it. */
  sessionConnectDemo: channel(empty, sessionStatusSchema),
  /** Check the key with GET /me; only on success is it stored in the keychain. */
  sessionConnect: channel(
    z.strictObject({
      apiKey: z.string().trim().min(1).max(512),
      baseUrl: z.string().trim().max(2048).optional(),
    }),
    sessionStatusSchema,
  ),
  /** Remove the key from the keychain; the renderer wipes its cache. */
  sessionDisconnect: channel(empty, sessionStatusSchema),
  /** Online, offline or key refused, and since when: main only, no request (the renderer polls it). */
  sessionConnectivity: channel(empty, connectivitySnapshotSchema),
  /** Whether the privacy lock covers the window (the page polls it; main locks on idle and the OS lock screen). */
  sessionLockState: channel(empty, lockStateSchema),
  /** Lock now (a PIN must be set; otherwise nothing changes). */
  sessionLock: channel(empty, lockStateSchema),
  /** Unlock with the desk PIN; a wrong one is refused (code pin-wrong), too many in a row wait (code pin-wait). */
  sessionUnlock: channel(z.strictObject({ pin: pinSchema }), lockStateSchema),
  /** Sets the desk PIN when none is set (first connect of a practice); refused otherwise (code pin-exists). */
  sessionSetPin: channel(z.strictObject({ pin: pinSchema }), lockStateSchema),
}
