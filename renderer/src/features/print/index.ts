import { defineFeature, forgetStores } from '../feature'
import { printMessages } from './i18n'
import { usePrintStore } from './store'

// The print preview: no screen of its own. The shell shows PrintPreview; the day sheet, the receipt and the
// takings open it through usePrintStore().open().
export const printFeature = defineFeature({
  id: 'print',
  routes: [],
  messages: printMessages,
  reset: (pinia) => forgetStores(pinia, usePrintStore),
})

export { usePrintStore, type PreviewRequest } from './store'
