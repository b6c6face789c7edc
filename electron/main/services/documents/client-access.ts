import { fillPath, SCOPE_PREFIX } from '../../../../shared/alfadocs/routes'
import type { AlfaDocsClient } from '../../alfadocs/client'

interface ClientInternals {
  headers?: (hasBody: boolean) => Record<string, string>
  limiter?: { acquire(signal?: AbortSignal): Promise<void> }
}

/**
 * What a streamed request needs from the API client: its auth headers (one scheme, never both), its rate
 * limiter, and the practice/archive prefix. The client keeps the first two private; this reads them at
 * runtime and fails loudly if they move. (Asked the client's owner for public `authHeaders()`/`acquire()`.)
 */
export async function streamAccess(client: AlfaDocsClient) {
  const c = client as unknown as ClientInternals
  if (typeof c.headers !== 'function') throw new Error('AlfaDocsClient no longer exposes its auth headers to streamed uploads')
  const me = await client.me()
  return {
    headers: (): Record<string, string> => c.headers!.call(client, true),
    acquire: (signal?: AbortSignal): Promise<void> => c.limiter?.acquire(signal) ?? Promise.resolve(),
    scopedUrl: (path: string, params: Record<string, string | number>) =>
      client.baseUrl + fillPath(SCOPE_PREFIX, { practiceId: me.practiceId, archiveId: me.archiveId }) + fillPath(path, params),
  }
}
