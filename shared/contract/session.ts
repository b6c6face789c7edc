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

export const DEFAULT_BASE_URL = 'https://app.alfadocs.com/api/v1'

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
}
