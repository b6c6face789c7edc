import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { ErrorData } from '../../../../shared/contract'
import { call, toApiError } from '../../api'
import { decode } from '../documents/doc-content'

/** What a screen asks to preview. It has already put on the page what prints (e.g. the day sheet). */
export interface PreviewRequest {
  /** Shown in the preview's bar. */
  title: string
  /** What "Salva PDF" proposes (".pdf" added when missing). */
  fileName: string
  /** The preview closed: the screen may take its print content away. */
  onClose?: () => void
}

/**
 * The print preview (Electron has none): main makes a PDF of the page as it prints, pdf.js shows it; "Stampa"
 * opens the system dialog on the same page, "Salva PDF" a save dialog. The page keeps its print content while
 * the preview is open, so what prints is what was previewed.
 */
export const usePrintStore = defineStore('print', () => {
  const request = shallowRef<PreviewRequest | null>(null)
  const bytes = shallowRef<Uint8Array | null>(null)
  const error = shallowRef<ErrorData | null>(null)
  const busy = ref<'preview' | 'print' | 'save' | null>(null)
  const notice = ref<'printed' | 'saved' | null>(null)
  let base64: string | null = null
  let generation = 0

  async function open(req: PreviewRequest): Promise<void> {
    close()
    const mine = ++generation
    request.value = req
    busy.value = 'preview'
    try {
      const out = await call('printPreview', {})
      if (mine !== generation) return
      base64 = out.base64
      bytes.value = decode(out.base64)
    } catch (e) {
      if (mine === generation) error.value = toApiError(e).toData()
    } finally {
      if (mine === generation) busy.value = null
    }
  }

  async function run(kind: 'print' | 'save', fn: () => Promise<boolean>) {
    const mine = generation
    busy.value = kind
    error.value = null
    notice.value = null
    try {
      const done = await fn()
      if (mine === generation && done) notice.value = kind === 'print' ? 'printed' : 'saved'
    } catch (e) {
      if (mine === generation) error.value = toApiError(e).toData()
    } finally {
      if (mine === generation) busy.value = null
    }
  }

  const print = () => run('print', async () => (await call('printPrint', {})).printed)
  const save = () =>
    run('save', async () => {
      const req = request.value
      if (!req || !base64) return false
      // A plain file name: what a title may hold that a file name may not becomes '-'.
      const fileName = [...req.fileName]
        .map((c) => (c.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(c) ? '-' : c))
        .join('')
        .slice(0, 120)
      return (await call('printSave', { base64, fileName })).saved
    })

  function close(): void {
    const req = request.value
    generation++
    request.value = null
    bytes.value = null
    base64 = null
    error.value = null
    busy.value = null
    notice.value = null
    req?.onClose?.()
  }

  return { request, bytes, error, busy, notice, open, print, save, close, reset: close }
})
