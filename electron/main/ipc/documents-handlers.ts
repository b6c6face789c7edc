import type { documentsChannels } from '../../../shared/contract/documents'
import type { HandlerGroup } from './handlers'

export const documentsHandlers: HandlerGroup<typeof documentsChannels> = ({ documents: docs }) => ({
  documentsList: ({ patientId }) => docs.list(patientId),
  documentsDownload: ({ patientId, documentId }) => docs.download(patientId, documentId),
  documentsSettings: () => docs.settings.get(),
  documentsSettingsSet: (input) => docs.settings.set(input),
  documentsInspectPaths: ({ paths, asXray }) => docs.inspect(paths, asXray),
  documentsUploadPaths: (input) => docs.uploadPath(input),
  documentsUploadBytes: (input) => docs.uploadBytes(input),
  documentsUploadProgress: async ({ uploadIds }) => docs.uploads.progress(uploadIds),
  documentsUploadCancel: async ({ uploadId }) => ({ cancelled: docs.uploads.cancel(uploadId) }),
})
