import { startSandbox } from '../sandbox'
import { AlfaDocsClient } from '../main/alfadocs/client'
import { KeytarSecretStore } from '../main/keychain/keytar-store'
import { normaliseBaseUrl } from '../main/services/session/base-url'
import { readCredentials } from '../main/services/session/credentials'

export interface CliConnection {
  client: AlfaDocsClient
  source: string
  close(): Promise<void>
}

export class CliUsageError extends Error {}

/**
 * The same connection the app uses: ALFADOCS_BASE_URL / ALFADOCS_API_KEY from the environment, else what
 * Sportello stored in the OS keychain (a real practice, or the demo practice started here).
 */
export async function openCliConnection(env: NodeJS.ProcessEnv = process.env): Promise<CliConnection> {
  const apiKey = env['ALFADOCS_API_KEY']?.trim()
  if (apiKey) {
    const baseUrl = normaliseBaseUrl(env['ALFADOCS_BASE_URL'])
    return { client: new AlfaDocsClient({ baseUrl, auth: { apiKey } }), source: `${baseUrl} (ALFADOCS_API_KEY)`, close: async () => {} }
  }
  let creds
  try {
    creds = await readCredentials(new KeytarSecretStore())
  } catch (e) {
    throw new CliUsageError(`No ALFADOCS_API_KEY in the environment and the keychain could not be read: ${(e as Error).message}`)
  }
  if (!creds) {
    throw new CliUsageError('Not connected: set ALFADOCS_API_KEY (and ALFADOCS_BASE_URL if not the default), or connect once in Sportello.')
  }
  if (creds.mode === 'demo') {
    const sb = await startSandbox({ port: 0, quiet: true })
    return {
      client: new AlfaDocsClient({ baseUrl: sb.baseUrl, auth: { apiKey: sb.apiKey } }),
      source: 'the demo practice (from the keychain)',
      close: () => sb.close(),
    }
  }
  return {
    client: new AlfaDocsClient({ baseUrl: creds.baseUrl, auth: { apiKey: creds.apiKey } }),
    source: `${creds.baseUrl} (from the keychain)`,
    close: async () => {},
  }
}
