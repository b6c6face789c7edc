import { dirname, join } from 'node:path'
import type { ErrorData } from '../../../../shared/contract/core'
import { DurableFile, type DamagedFile } from '../../storage/durable-file'
import { nodeFs, type Fs } from '../../storage/fs-layer'
import { fileStamp } from '../../storage/set-aside'
import { fsyncDir } from '../../storage/atomic-write'
import { journalCodec, legacyJournalCodec, type Entries } from './journal-codec'
import { isFinished, type PaymentEntry } from './types'

export const JOURNAL_FILE = 'payments-journal.jsonl'
/** The first format's file: read once, its entries moved into JOURNAL_FILE, then kept renamed. */
export const LEGACY_JOURNAL_FILE = 'payments-journal.json'
/** Finished entries are kept this long: reconciliation must know which transactions are already claimed. */
const KEEP_FINISHED_MS = 90 * 24 * 3600 * 1000

export const JOURNAL_WRITE_FAILED = 'journal-write-failed'
export const JOURNAL_READ_FAILED = 'journal-read-failed'
export const JOURNAL_DAMAGED = 'journal-damaged'

export interface JournalOptions {
  now?: () => Date
  fs?: Fs
}

/**
 * The durable payment journal: one file in the app's data folder, one checksummed line per entry,
 * rewritten atomically on every step; memory follows the file (see DurableFile), so an entry whose write
 * failed exists nowhere. A damaged journal is set aside, its intact entries kept (they still lock their
 * instalments), and `notices` tells the desk. Plain Node, no Electron. One process writes it (the app is
 * single-instance).
 */
export class PaymentJournal {
  readonly path: string
  private readonly file: DurableFile<Entries>
  private readonly legacy: DurableFile<Entries>
  private readonly now: () => Date
  private readonly fs: Fs
  private loaded: Promise<void> | null = null

  constructor(dataDir: string, opts: JournalOptions | (() => Date) = {}) {
    const o = typeof opts === 'function' ? { now: opts } : opts
    this.now = o.now ?? (() => new Date())
    this.fs = o.fs ?? nodeFs
    this.path = join(dataDir, JOURNAL_FILE)
    const log = (d: DamagedFile) =>
      console.warn(`[sportello] damaged payment journal ${d.file} set aside as ${d.setAsideAs ?? '(not yet)'}: ${d.note ?? ''}`)
    const common = { fs: this.fs, now: this.now, writeCode: JOURNAL_WRITE_FAILED, readCode: JOURNAL_READ_FAILED, onDamaged: log }
    this.file = new DurableFile(this.path, { ...common, codec: journalCodec })
    this.legacy = new DurableFile(join(dataDir, LEGACY_JOURNAL_FILE), { ...common, codec: legacyJournalCodec })
  }

  /** Reads the file once (missing = empty). A journal that cannot be read is a 'storage' error, retried on the next call. */
  load(): Promise<void> {
    this.loaded ??= this.read().catch((e: unknown) => {
      this.loaded = null
      throw e
    })
    return this.loaded
  }

  async all(): Promise<PaymentEntry[]> {
    const entries = await this.current()
    return [...entries.values()].map(clone)
  }

  async get(key: string): Promise<PaymentEntry | undefined> {
    const e = (await this.current()).get(key)
    return e && clone(e)
  }

  /**
   * Records the entry (a copy) and returns once it is on disk. If the write fails nothing changes, in the
   * file or in memory, and the AppError (kind 'storage', code 'journal-write-failed') is thrown.
   */
  async put(entry: PaymentEntry): Promise<void> {
    await this.load()
    const copy = clone({ ...entry, updatedAt: this.now().toISOString() })
    await this.file.update((m) => new Map(m).set(copy.key, copy))
    entry.updatedAt = copy.updatedAt
  }

  /** What the desk must be told about the journal: a damaged file set aside (kind 'damaged-file'). */
  async notices(): Promise<ErrorData[]> {
    await this.load()
    return [this.legacy.damaged, this.file.damaged].filter((d): d is DamagedFile => d !== null).map(damagedNotice)
  }

  private async current(): Promise<Entries> {
    await this.load()
    return this.file.read()
  }

  private async read(): Promise<void> {
    let entries = await this.file.read()
    if (!this.file.existed) {
      const old = await this.legacy.read()
      if (this.legacy.existed) {
        // Move the old file's entries over; until that is on disk, the old file stays where it is.
        entries = await this.file.update(() => old)
        await this.fs.rename(this.legacy.path, `${this.legacy.path}.migrated-${fileStamp(this.now())}`).catch(() => undefined)
        await fsyncDir(dirname(this.path), this.fs).catch(() => undefined)
      }
    }
    const cutoff = this.now().getTime() - KEEP_FINISHED_MS
    if ([...entries.values()].some((e) => isFinished(e) && Date.parse(e.updatedAt) < cutoff)) {
      // Dropped from the file now; if the disk refuses they stay a while longer (they only claim old transactions).
      entries = await this.file
        .update((m) => new Map([...m].filter(([, e]) => !(isFinished(e) && Date.parse(e.updatedAt) < cutoff))))
        .catch(() => entries)
    }
  }
}

function damagedNotice(d: DamagedFile): ErrorData {
  const where = d.setAsideAs ? `kept as ${d.setAsideAs}` : 'could not be set aside yet'
  return {
    kind: 'damaged-file',
    code: JOURNAL_DAMAGED,
    message: `The payment journal ${d.file} was damaged (${d.note ?? 'unreadable'}); ${where}. Payments go on.`,
    detail: `${d.file} → ${d.setAsideAs ?? '?'}${d.note ? `; ${d.note}` : ''}`,
  }
}

const clone = <T>(v: T): T => structuredClone(v)
