export type UploadState = 'running' | 'done' | 'cancelled' | 'failed'

interface Entry {
  uploadId: string
  state: UploadState
  sent: number
  total: number
  ctrl: AbortController
  endedAt: number | null
}

const KEEP_ENDED_MS = 10 * 60_000

/** Uploads in flight and just ended, for progress polling and cancel. */
export class UploadRegistry {
  private readonly entries = new Map<string, Entry>()

  begin(uploadId: string, total: number): { signal: AbortSignal; progress(sent: number): void; end(state: UploadState): void } {
    this.prune()
    const running = this.entries.get(uploadId)
    if (running?.state === 'running') throw new Error(`upload ${uploadId} is already running`)
    const e: Entry = { uploadId, state: 'running', sent: 0, total, ctrl: new AbortController(), endedAt: null }
    this.entries.set(uploadId, e)
    return {
      signal: e.ctrl.signal,
      progress: (sent) => (e.sent = sent),
      end: (state) => {
        e.state = state
        e.endedAt = Date.now()
        if (state === 'done') e.sent = e.total
      },
    }
  }

  /** A cancel that arrives before the upload started (still queued in the page) is remembered. */
  cancel(uploadId: string): boolean {
    const e = this.entries.get(uploadId)
    if (!e) {
      const ctrl = new AbortController()
      ctrl.abort()
      this.entries.set(uploadId, { uploadId, state: 'cancelled', sent: 0, total: 0, ctrl, endedAt: Date.now() })
      return true
    }
    if (e.state !== 'running') return false
    e.ctrl.abort()
    return true
  }

  wasCancelledEarly(uploadId: string): boolean {
    const e = this.entries.get(uploadId)
    return e !== undefined && e.state === 'cancelled' && e.total === 0
  }

  progress(ids: readonly string[]) {
    return ids.flatMap((id) => {
      const e = this.entries.get(id)
      return e ? [{ uploadId: e.uploadId, state: e.state, sent: e.sent, total: e.total }] : []
    })
  }

  abortAll(): void {
    for (const e of this.entries.values()) if (e.state === 'running') e.ctrl.abort()
  }

  private prune(): void {
    const now = Date.now()
    for (const [id, e] of this.entries) if (e.endedAt !== null && now - e.endedAt > KEEP_ENDED_MS) this.entries.delete(id)
  }
}
