import { z } from 'zod'
import type { SecretStore } from '../../keychain/secret-store'

/** What we keep in the keychain under one account: the key and where it works, or "the demo practice". */
export const credentialsSchema = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('practice'),
    apiKey: z.string().min(1),
    baseUrl: z.string(),
    // Non-secret facts from GET /me, so the desk can open offline.
    practiceId: z.number(),
    archiveId: z.number(),
    practiceName: z.string().nullable(),
    userEmail: z.string().nullable(),
  }),
  z.object({ mode: z.literal('demo') }),
])
export type Credentials = z.infer<typeof credentialsSchema>

export const CREDENTIALS_ACCOUNT = 'alfadocs'

export async function readCredentials(store: SecretStore): Promise<Credentials | null> {
  const raw = await store.get(CREDENTIALS_ACCOUNT)
  if (raw == null) return null
  try {
    return credentialsSchema.parse(JSON.parse(raw))
  } catch {
    return null // unreadable: treat as not connected; the next connect overwrites it
  }
}

export async function writeCredentials(store: SecretStore, c: Credentials): Promise<void> {
  await store.set(CREDENTIALS_ACCOUNT, JSON.stringify(c))
}
