import type { AlfaDocsClient } from '../../alfadocs/client'
import { DocumentsService, type DocumentsServiceOptions } from './documents-service'
import { PathGrants } from './path-grants'
import { DocumentsSettingsStore } from './settings'

export { DocumentsService, type DocumentsServiceOptions } from './documents-service'

export function createDocumentsService(
  client: () => Promise<AlfaDocsClient>,
  dataDir: string,
  options: DocumentsServiceOptions = {},
): DocumentsService {
  return new DocumentsService(client, new DocumentsSettingsStore(dataDir), new PathGrants(), options)
}
