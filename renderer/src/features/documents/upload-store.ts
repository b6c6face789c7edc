import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { DocumentType } from '../../../../shared/alfadocs/schemas'
import type { ErrorData, PreloadHelpers } from '../../../../shared/contract'
import { defaultFolderFor, documentTypeFor, SNIFF_BYTES, sniffFileKind, type FileKind } from '../../../../shared/patients/file-type'
import { refusalForSize, type RefusalReason } from '../../../../shared/patients/upload-rules'
import { call, isOfflineKind, toApiError, type ApiError } from '../../api'
import { useConnectivityStore } from '../session/connectivity-store'

/** `network`: the upload could not reach AlfaDocs (offline); it goes again by itself when the network returns. */
export type RowState = 'queued' | 'network' | 'uploading' | 'done' | 'failed' | 'cancelled' | 'refused'

export interface UploadRow {
  id: string
  patientId: number
  patientName: string
  name: string
  size: number
  kind: FileKind
  type: DocumentType
  folderName: string
  state: RowState
  sent: number
  refusal: RefusalReason | null
  /** Why the upload failed, as data (worded by describeError in the queue). */
  error: ErrorData | null
  source: { path: string } | { file: File } | null
}

const POLL_MS = 150
/** While uploads wait for the network they go when main says it is back; this timer only covers a missed signal. */
export const NETWORK_RETRY_MS = 30_000

function newId(): string {
  const a = new Uint8Array(12)
  crypto.getRandomValues(a)
  return 'up-' + Array.from(a, (b) => b.toString(16).padStart(2, '0')).join('')
}

function pathHelper(): PreloadHelpers['pathForFile'] | null {
  const api = window.api as (typeof window.api & Partial<PreloadHelpers>) | undefined
  return typeof api?.pathForFile === 'function' ? api.pathForFile : null
}

async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let out = ''
  const step = 0x8000 * 3
  for (let i = 0; i < bytes.length; i += step) out += btoa(String.fromCharCode(...bytes.subarray(i, i + step)))
  return out
}

/**
 * The upload queue: one row per dropped or picked file, uploaded one at a time (so a folder or type can
 * still be changed on the rows waiting). In Electron main reads the files from their paths; without the
 * preload (the e2e harness) the page reads them and sends the bytes.
 */
export const useUploadStore = defineStore('documents-upload', () => {
  const rows = ref<UploadRow[]>([])
  const maxUploadMb = ref(50)
  /** Bumped per patient when one of its uploads lands, so its document list reloads. */
  const landed = ref<Record<number, number>>({})
  /** Why the last change of the size limit failed. */
  const settingsError = ref<ApiError | null>(null)
  let running = false
  /** Bumped by reset: a queue run from before stops at its next row. */
  let generation = 0
  let networkTimer: ReturnType<typeof setTimeout> | null = null

  const active = computed(() => rows.value.filter((r) => r.state === 'queued' || r.state === 'network' || r.state === 'uploading').length)

  /** The rows waiting for the network go again (in their order), e.g. when the network is back. */
  function resumeWaiting(): void {
    if (networkTimer) clearTimeout(networkTimer)
    networkTimer = null
    let any = false
    for (const r of rows.value) {
      if (r.state !== 'network') continue
      // A new id: main may remember the attempt that could not reach AlfaDocs.
      r.id = newId()
      r.state = 'queued'
      any = true
    }
    if (any) void run()
  }

  useConnectivityStore().onBackOnline(() => resumeWaiting())

  function waitForNetwork(): void {
    if (!networkTimer) networkTimer = setTimeout(resumeWaiting, NETWORK_RETRY_MS)
  }

  async function loadSettings() {
    try {
      maxUploadMb.value = (await call('documentsSettings', {})).maxUploadMb
    } catch {
      // Keep the default; main checks again anyway.
    }
  }

  async function setMaxUploadMb(mb: number) {
    if (!(mb > 0)) return
    try {
      maxUploadMb.value = (await call('documentsSettingsSet', { maxUploadMb: mb })).maxUploadMb
      settingsError.value = null
    } catch (e) {
      settingsError.value = toApiError(e)
    }
  }

  async function addFiles(patientId: number, patientName: string, files: File[], opts: { asXray?: boolean } = {}) {
    await loadSettings()
    const toPath = pathHelper()
    const paths = toPath ? files.map((f) => safePath(toPath, f)) : []
    if (toPath && paths.every((p) => p !== '')) {
      const { files: inspected } = await call('documentsInspectPaths', { paths, asXray: opts.asXray ?? false })
      for (const f of inspected) {
        push({
          patientId,
          patientName,
          name: f.name,
          size: f.size,
          kind: f.kind,
          type: f.type,
          folderName: f.folderName,
          refusal: f.refusal,
          source: { path: f.path },
        })
      }
    } else {
      for (const file of files) {
        const refusal = refusalForSize(file.size, maxUploadMb.value)
        let kind: FileKind = 'unknown'
        let bad: RefusalReason | null = refusal
        // Sniffed even when too large, so the refused row still says what the file was.
        if (refusal !== 'empty') {
          try {
            kind = sniffFileKind(new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()), file.name)
          } catch {
            bad = 'unreadable'
          }
        }
        const type = documentTypeFor(kind, { asXray: opts.asXray ?? false })
        push({
          patientId,
          patientName,
          name: file.name,
          size: file.size,
          kind,
          type,
          folderName: defaultFolderFor(type),
          refusal: bad,
          source: { file },
        })
      }
    }
    void run()
  }

  function safePath(toPath: PreloadHelpers['pathForFile'], f: File): string {
    try {
      return toPath(f)
    } catch {
      return ''
    }
  }

  function push(r: Omit<UploadRow, 'id' | 'state' | 'sent' | 'error'>) {
    rows.value.push({ ...r, id: newId(), state: r.refusal ? 'refused' : 'queued', sent: 0, error: null })
  }

  function setType(id: string, type: DocumentType) {
    const r = rows.value.find((x) => x.id === id)
    if (r && (r.state === 'queued' || r.state === 'network' || r.state === 'failed' || r.state === 'cancelled')) {
      if (r.folderName === defaultFolderFor(r.type)) r.folderName = defaultFolderFor(type)
      r.type = type
    }
  }

  async function cancel(id: string) {
    const r = rows.value.find((x) => x.id === id)
    if (!r) return
    if (r.state === 'queued' || r.state === 'network') r.state = 'cancelled'
    else if (r.state === 'uploading') await call('documentsUploadCancel', { uploadId: id }).catch(() => undefined)
  }

  function retry(id: string) {
    const r = rows.value.find((x) => x.id === id)
    if (!r || !(r.state === 'failed' || r.state === 'cancelled')) return
    // A new id: main remembers the old one as cancelled.
    r.id = newId()
    r.state = 'queued'
    r.sent = 0
    r.error = null
    void run()
  }

  function clearFinished() {
    rows.value = rows.value.filter((r) => r.state === 'queued' || r.state === 'network' || r.state === 'uploading' || r.state === 'failed')
  }

  async function run() {
    if (running) return
    running = true
    const mine = generation
    try {
      for (;;) {
        if (mine !== generation) break
        const r = rows.value.find((x) => x.state === 'queued')
        if (!r) break
        await uploadOne(r)
        // Offline: the rows after it would only fail the same way; they all wait for the network.
        if (r.state === 'network') {
          for (const x of rows.value) if (x.state === 'queued') x.state = 'network'
          waitForNetwork()
          break
        }
      }
    } finally {
      if (mine === generation) running = false
    }
  }

  async function uploadOne(r: UploadRow) {
    r.state = 'uploading'
    r.sent = 0
    const uploadId = r.id
    const folderName = r.folderName.trim() || defaultFolderFor(r.type)
    const meta = { uploadId, patientId: r.patientId, name: r.name, type: r.type, folderName }
    const timer = setInterval(() => {
      void call('documentsUploadProgress', { uploadIds: [uploadId] })
        .then(([p]) => {
          if (p && r.state === 'uploading') r.sent = p.sent
        })
        .catch(() => undefined)
    }, POLL_MS)
    try {
      const src = r.source
      let out
      if (src && 'path' in src) out = await call('documentsUploadPaths', { ...meta, path: src.path })
      else if (src && 'file' in src) out = await call('documentsUploadBytes', { ...meta, base64: await fileToBase64(src.file) })
      else throw new Error('nothing to upload')
      if (out.state === 'done') {
        r.state = 'done'
        r.sent = r.size
        landed.value = { ...landed.value, [r.patientId]: (landed.value[r.patientId] ?? 0) + 1 }
      } else r.state = 'cancelled'
    } catch (e) {
      const error = toApiError(e).toData()
      if (isOfflineKind(error.kind)) {
        r.state = 'network'
        r.sent = 0
        r.error = null
      } else {
        r.state = 'failed'
        r.error = error
      }
    } finally {
      clearInterval(timer)
    }
  }

  /** Forget the practice's queue (disconnect): rows waiting are dropped, the one uploading is cancelled. */
  function reset() {
    generation++
    if (networkTimer) clearTimeout(networkTimer)
    networkTimer = null
    for (const r of rows.value) if (r.state === 'uploading') void call('documentsUploadCancel', { uploadId: r.id }).catch(() => undefined)
    rows.value = []
    landed.value = {}
    settingsError.value = null
    running = false
  }

  return {
    rows,
    maxUploadMb,
    landed,
    settingsError,
    active,
    addFiles,
    setType,
    cancel,
    retry,
    clearFinished,
    loadSettings,
    setMaxUploadMb,
    resumeWaiting,
    reset,
  }
})
