import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { format } from 'node:util'
import { redactLog } from './redact-log'

// main's log: one file in the data folder's logs/, size-capped, the last few kept (sportello.log, .1, .2…).
// Every line is redacted before it is written.

export const LOG_FOLDER = 'logs'
export const LOG_FILE = 'sportello.log'

export interface LogOptions {
  dir: string
  /** Bytes before the file is rotated. */
  maxBytes?: number
  /** Old files kept besides the current one. */
  keep?: number
  secrets?: () => readonly string[]
  now?: () => Date
}

export class LogFile {
  readonly path: string
  private size: number
  private readonly maxBytes: number
  private readonly keep: number

  constructor(private readonly o: LogOptions) {
    this.path = join(o.dir, LOG_FILE)
    this.maxBytes = o.maxBytes ?? 1024 * 1024
    this.keep = o.keep ?? 3
    mkdirSync(o.dir, { recursive: true })
    this.size = sizeOf(this.path)
  }

  /** Writes one line (synchronously: a crash right after still leaves it). A failing disk never throws here. */
  write(level: 'info' | 'warn' | 'error', ...args: unknown[]): void {
    const text = redactLog(format(...args), this.o.secrets?.() ?? [])
    const line = `${(this.o.now?.() ?? new Date()).toISOString()} ${level.toUpperCase()} ${text.replace(/\r?\n/g, '\n    ')}\n`
    try {
      if (this.size > 0 && this.size + Buffer.byteLength(line) > this.maxBytes) this.rotate()
      appendFileSync(this.path, line, { mode: 0o600 })
      this.size += Buffer.byteLength(line)
    } catch {
      // The log is a help, never a reason to fail.
    }
  }

  /** The files now on disk, newest first. */
  files(): string[] {
    return [this.path, ...Array.from({ length: this.keep }, (_, i) => `${this.path}.${i + 1}`)].filter(exists)
  }

  private rotate(): void {
    rmSync(`${this.path}.${this.keep}`, { force: true })
    for (let i = this.keep - 1; i >= 1; i--) if (exists(`${this.path}.${i}`)) renameSync(`${this.path}.${i}`, `${this.path}.${i + 1}`)
    if (this.keep > 0) renameSync(this.path, `${this.path}.1`)
    else rmSync(this.path, { force: true })
    this.size = 0
  }
}

function exists(p: string): boolean {
  try {
    statSync(p)
    return true
  } catch {
    return false
  }
}
function sizeOf(p: string): number {
  try {
    return statSync(p).size
  } catch {
    return 0
  }
}

/** console.warn and console.error of main also go to the log (they still print as before). Returns the undo. */
export function routeConsole(log: LogFile, c: Pick<Console, 'warn' | 'error'> = console): () => void {
  const { warn, error } = c
  c.warn = (...args: unknown[]) => {
    log.write('warn', ...args)
    warn.apply(c, args)
  }
  c.error = (...args: unknown[]) => {
    log.write('error', ...args)
    error.apply(c, args)
  }
  return () => {
    c.warn = warn
    c.error = error
  }
}
