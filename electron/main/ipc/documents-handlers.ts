import type { HandlerGroup } from './handlers'

type Names =
  | 'documentsList'
  | 'documentsDownload'
  | 'documentsSettings'
  | 'documentsSettingsSet'
  | 'documentsInspectPaths'
  | 'documentsUploadPaths'
  | 'documentsUploadBytes'
  | 'documentsUploadProgress'
  | 'documentsUploadCancel'

export const documentsHandlers: HandlerGroup<Names> = (s) => {
  const docs = s.documents
  return {
    documentsList: ({ patientId }) => docs.list(patientId),
    documentsDownload: ({ patientId, documentId }) => docs.download(patientId, documentId),
    documentsSettings: () => docs.settings.get(),
    documentsSettingsSet: (input) => docs.settings.set(input),
    documentsInspectPaths: ({ paths, asXray }) => docs.inspect(paths, asXray ?? false),
    documentsUploadPaths: (input) => docs.uploadPath(input),
    documentsUploadBytes: (input) => docs.uploadBytes(input),
    documentsUploadProgress: async ({ uploadIds }) => docs.uploads.progress(uploadIds),
    documentsUploadCancel: async ({ uploadId }) => ({ cancelled: docs.uploads.cancel(uploadId) }),
  }
}
