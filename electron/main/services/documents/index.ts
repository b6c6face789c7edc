import type { AlfaDocsClient } from '../../alfadocs/client'
import { DocumentsService } from './documents-service'
import { DocumentsSettingsStore } from './settings'

export { DocumentsService } from './documents-service'

export function createDocumentsService(client: () => Promise<AlfaDocsClient>, dataDir: string): DocumentsService {
  return new DocumentsService(client, new DocumentsSettingsStore(dataDir))
}
