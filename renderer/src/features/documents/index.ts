import { forgetStores, defineFeature } from '../feature'
import { documentsMessages } from './i18n'
import { useDocumentsStore } from './store'
import { useUploadStore } from './upload-store'

// A patient's documents and the upload queue. No screen of its own: the patient page shows DocumentsTab,
// the search results take drops (upload store).
export const documentsFeature = defineFeature({
  id: 'documents',
  routes: [],
  messages: documentsMessages,
  reset: (pinia) => forgetStores(pinia, useDocumentsStore, useUploadStore),
})
