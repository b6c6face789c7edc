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
}
