import { basename } from 'node:path'
import { AfterRenameError, writeFileAtomic } from './atomic-write'
import { nodeFs, type Fs } from './fs-layer'
import { setAside } from './set-aside'
import { errnoOf, storageError } from './storage-error'

/** How a value is kept as text. */
export interface FileCodec<T> {
  encode(value: T): string
  /**
   * Text on disk → value. `intact: false` means the file is damaged: `value` holds what could be salvaged,
   * `note` says what was lost. Throwing counts as damaged with nothing salvaged.
   */
  decode(text: string): { value: T; intact: boolean; note?: string }
  /** The value of a missing (or wholly unreadable) file. */
  empty(): T
}

/** A damaged file that was found at load. */
export interface DamagedFile {
  /** The file's name (no folder). */
  file: string
  /** The name it is kept under next to it; null while it could not be set aside (read-only disk, say). */
  setAsideAs: string | null
  note?: string
  at: string
}

/** The usual `onDamaged`: one line in the log naming the file and where it was set aside. */
export const warnDamaged = (d: DamagedFile): void =>
  console.warn(`[sportello] damaged ${d.file} set aside as ${d.setAsideAs ?? '(not yet)'}: ${d.note ?? ''}`)

export interface DurableFileOptions<T> {
  codec: FileCodec<T>
  fs?: Fs
  now?: () => Date
  /** AppError codes of a failed write and a failed read (kind 'storage'). */
  writeCode?: string
  readCode?: string
  /** Told once when a damaged file was found and set aside (for the log). */
  onDamaged?: (d: DamagedFile) => void
}

/**
 * One of main's own files, with its value in memory. The memory changes only after the write is on disk:
 * `update` builds the next value from the last one written, writes it atomically, and only then commits
 * it; a failed write leaves the memory (and the file) as they were, is reported as kind 'storage', and the
 * next update writes again from the committed value, so a refused change is never saved later by another.
 * A damaged file is set aside (kept under another name), what it still holds is salvaged and rewritten,
 * and `damaged` says so.
 */
export class DurableFile<T> {
  readonly name: string
  private committed: T | null = null
  private loading: Promise<void> | null = null
  private queue: Promise<unknown> = Promise.resolve()
  /** The file at `path` is damaged and not kept elsewhere yet: it must be set aside before any write. */
  private mustSetAside = false
  private found = false
  damaged: DamagedFile | null = null
  private readonly fs: Fs
  private readonly now: () => Date

  constructor(
    readonly path: string,
    private readonly opts: DurableFileOptions<T>,
  ) {
    this.name = basename(path)
    this.fs = opts.fs ?? nodeFs
    this.now = opts.now ?? (() => new Date())
  }

  /** The committed value (do not mutate it). A read failure is a 'storage' error, and the next call reads again. */
  async read(): Promise<T> {
    this.loading ??= this.load().catch((e: unknown) => {
      this.loading = null
      throw e
    })
    await this.loading
    return this.committed as T
  }

  /** Whether the file existed when it was read (after `read`). */
  get existed(): boolean {
    return this.found
  }

  /** Writes `fn(committed)` (a new value: do not mutate the argument), then commits it. Writes are serialised. */
  update(fn: (current: T) => T): Promise<T> {
    const run = this.queue.then(async () => {
      const next = fn(await this.read())
      await this.write(next)
      this.committed = next
      return next
    })
    this.queue = run.catch(() => undefined)
    return run
  }

  private async load(): Promise<void> {
    let text: string
    try {
      text = (await this.fs.readFile(this.path)).toString('utf8')
    } catch (e) {
      if (errnoOf(e) !== 'ENOENT') throw storageError(e, this.path, 'read', this.opts.readCode ?? 'file-read-failed')
      this.found = false
      this.committed = this.opts.codec.empty()
      return
    }
    this.found = true
    let decoded: { value: T; intact: boolean; note?: string }
    try {
      decoded = this.opts.codec.decode(text)
    } catch {
      decoded = { value: this.opts.codec.empty(), intact: false, note: 'nothing could be read' }
    }
    this.committed = decoded.value
    if (!decoded.intact) {
      this.damaged = { file: this.name, setAsideAs: null, at: this.now().toISOString(), ...(decoded.note ? { note: decoded.note } : {}) }
      this.mustSetAside = true
      // Best effort now; if the disk refuses, the next update tries again before writing anything.
      await this.write(decoded.value).catch(() => undefined)
      this.opts.onDamaged?.(this.damaged)
    }
  }

  private async write(next: T): Promise<void> {
    try {
      if (this.mustSetAside) {
        const as = await setAside(this.path, this.now(), this.fs)
        this.mustSetAside = false
        if (this.damaged) this.damaged = { ...this.damaged, setAsideAs: as }
      }
      await writeFileAtomic(this.path, this.opts.codec.encode(next), this.fs)
    } catch (e) {
      if (e instanceof AfterRenameError && this.committed !== null) {
        // The new text is in place but may not survive a power cut; put the committed one back so a refused
        // change cannot come back at the next start.
        await writeFileAtomic(this.path, this.opts.codec.encode(this.committed), this.fs).catch(() => undefined)
      }
      throw storageError(e, this.path, 'write', this.opts.writeCode ?? 'file-write-failed')
    }
  }
}
