import { mkdtemp, realpath, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AlfaDocsClient } from '../../electron/main/alfadocs/client'
import { createDocumentsService, type DocumentsService } from '../../electron/main/services/documents'
import { startSandbox, type Sandbox } from '../../electron/sandbox'

// The documents service over a real client of the demo sandbox (real HTTP), on a fresh temp folder, for
// the upload tests. Nothing is granted: each test grants what its desk "dropped".

export interface DocumentsOnSandbox {
  sb: Sandbox
  client: AlfaDocsClient
  docs: DocumentsService
  /** The temp folder, by its real path (on some systems the temp folder itself is behind a link); main's data is in data/. */
  dir: string
  /** A patient of the demo practice to upload to. */
  patientId: number
  close(): Promise<void>
}

export async function startDocumentsOnSandbox(name: string): Promise<DocumentsOnSandbox> {
  const sb = await startSandbox({ port: 0, today: '2026-03-10', rateLimitPerSecond: false, quiet: true })
  const dir = await realpath(await mkdtemp(join(tmpdir(), `sportello-${name}-`)))
  const client = new AlfaDocsClient({ baseUrl: sb.baseUrl, auth: { apiKey: sb.apiKey } })
  const docs = createDocumentsService(async () => client, join(dir, 'data'))
  const patientId = (await client.searchPatients({ lastName: 'r' }, { offset: 0, limit: 1 })).results[0]!.id
  return {
    sb,
    client,
    docs,
    dir,
    patientId,
    close: async () => {
      await sb.close()
      await rm(dir, { recursive: true, force: true })
    },
  }
}
