import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from './atomic-file'
import { isFinished, type PaymentEntry } from './types'

export const JOURNAL_FILE = 'payments-journal.json'
const VERSION = 1
/** Finished entries are kept this long: reconciliation must know which transactions are already claimed. */
const KEEP_FINISHED_MS = 90 * 24 * 3600 * 1000

export class JournalError extends Error {
  override readonly name = 'JournalError'
}

/**
 * The durable payment journal: one JSON file in the app's data folder, rewritten atomically on every
 * step. Plain Node, no Electron. One process writes it (the app is single-instance); writes are serialised.
 */
export class PaymentJournal {
  readonly path: string
  private entries = new Map<string, PaymentEntry>()
  private loaded: Promise<void> | null = null
  private writes: Promise<void> = Promise.resolve()

  constructor(dataDir: string, private readonly now: () => Date = () => new Date()) {
    this.path = join(dataDir, JOURNAL_FILE)
  }

  /** Reads the file once (missing = empty). An unreadable journal is an error, never silently emptied. */
  load(): Promise<void> {
    this.loaded ??= this.read().catch((e: unknown) => {
      this.loaded = null
      throw e
    })
    return this.loaded
  }

  async all(): Promise<PaymentEntry[]> {
    await this.load()
    return [...this.entries.values()].map(clone)
  }

  async get(key: string): Promise<PaymentEntry | undefined> {
    await this.load()
    const e = this.entries.get(key)
    return e && clone(e)
  }

  /** Records the entry (a copy) and returns once it is on disk. */
  async put(entry: PaymentEntry): Promise<void> {
    await this.load()
    const copy = clone({ ...entry, updatedAt: this.now().toISOString() })
    this.entries.set(copy.key, copy)
    entry.updatedAt = copy.updatedAt
    await this.flush()
  }

  private flush(): Promise<void> {
    const run = this.writes.then(() => writeFileAtomic(this.path, this.serialise()))
    // A failed write must not poison the later ones; the caller of this write still sees it.
    this.writes = run.catch(() => undefined)
    return run
  }

  private serialise(): string {
    return JSON.stringify({ version: VERSION, entries: [...this.entries.values()] }, null, 1)
  }

  private async read(): Promise<void> {
    let text: string
    try {
      text = await readFile(this.path, 'utf8')
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return
      throw new JournalError(`The payment journal ${this.path} cannot be read: ${(e as Error).message}`)
    }
    let data: unknown
    try {
      data = JSON.parse(text)
    } catch {
      throw new JournalError(`The payment journal ${this.path} is damaged (not JSON). It was left untouched; ask support.`)
    }
    const d = data as { version?: unknown; entries?: unknown }
    if (d?.version !== VERSION || !Array.isArray(d.entries)) {
      throw new JournalError(`The payment journal ${this.path} has an unknown format (version ${String(d?.version)}).`)
    }
    const cutoff = this.now().getTime() - KEEP_FINISHED_MS
    for (const raw of d.entries as PaymentEntry[]) {
      if (!raw || typeof raw.key !== 'string' || !Array.isArray(raw.steps)) continue
      if (isFinished(raw) && Date.parse(raw.updatedAt) < cutoff) continue
      this.entries.set(raw.key, raw)
    }
  }
}

const clone = <T>(v: T): T => structuredClone(v)
