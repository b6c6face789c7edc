import { nodeFs, type Fs, type FsHandle } from '../../electron/main/storage/fs-layer'

/** The steps of main's file writes where a fault can be injected ('syncDir' is the fsync of a folder). */
export type FsStep = 'readFile' | 'mkdir' | 'open' | 'write' | 'sync' | 'syncDir' | 'close' | 'rename' | 'rm' | 'link' | 'copyFile'

interface Rule {
  step: FsStep
  code: string
  /** Calls of this step to let through before failing. */
  skip: number
  /** Failures left (Infinity = until healed). */
  times: number
  path?: RegExp
}

/**
 * The real file system with faults where the test says: a full disk (ENOSPC on write), a read-only one
 * (EROFS on every change), an I/O error at one fsync. Errors look like node's (code, syscall, path).
 */
export class FaultyFs implements Fs {
  private rules: Rule[] = []
  /** Every step tried, in order ("rename payments-journal.jsonl"). */
  readonly log: string[] = []

  constructor(private readonly inner: Fs = nodeFs) {}

  /** Fails `step` with `code` (after `skip` calls that succeed, `times` times; `path` limits it to matching paths). */
  fail(step: FsStep, code: string, opts: { skip?: number; times?: number; path?: RegExp } = {}): this {
    this.rules.push({ step, code, skip: opts.skip ?? 0, times: opts.times ?? Infinity, ...(opts.path ? { path: opts.path } : {}) })
    return this
  }

  /** A read-only disk: reading works, every change fails with EROFS. */
  readOnly(): this {
    for (const s of ['open', 'rename', 'link', 'copyFile', 'rm'] as const) this.fail(s, 'EROFS')
    return this
  }

  /** A full disk: writing data (and copying) fails with ENOSPC. */
  full(): this {
    this.fail('write', 'ENOSPC').fail('copyFile', 'ENOSPC')
    return this
  }

  heal(): this {
    this.rules = []
    return this
  }

  private check(step: FsStep, path: string, readOnlyOpen = false): void {
    this.log.push(`${step} ${path.split(/[\\/]/).pop()}`)
    for (const r of this.rules) {
      if (r.step !== step || r.times <= 0 || (r.path && !r.path.test(path))) continue
      // Opening a folder (to fsync it) or a file for reading is not a change: a read-only disk allows it.
      if (readOnlyOpen && r.code === 'EROFS') continue
      if (r.skip > 0) {
        r.skip--
        continue
      }
      r.times--
      throw Object.assign(new Error(`${r.code}: injected fault, ${step} '${path}'`), { code: r.code, syscall: step, path })
    }
  }

  async readFile(path: string) {
    this.check('readFile', path)
    return this.inner.readFile(path)
  }
  async mkdir(path: string) {
    this.check('mkdir', path)
    return this.inner.mkdir(path)
  }
  async open(path: string, flags: 'w' | 'r'): Promise<FsHandle> {
    this.check('open', path, flags === 'r')
    const fh = await this.inner.open(path, flags)
    const isDir = flags === 'r'
    return {
      writeFile: async (text) => {
        this.check('write', path)
        return fh.writeFile(text)
      },
      sync: async () => {
        this.check(isDir ? 'syncDir' : 'sync', path)
        return fh.sync()
      },
      close: async () => {
        try {
          this.check('close', path)
        } finally {
          await fh.close()
        }
      },
    }
  }
  async rename(from: string, to: string) {
    this.check('rename', to)
    return this.inner.rename(from, to)
  }
  async rm(path: string) {
    this.check('rm', path)
    return this.inner.rm(path)
  }
  async link(from: string, to: string) {
    this.check('link', to)
    return this.inner.link(from, to)
  }
  async copyFile(from: string, to: string) {
    this.check('copyFile', to)
    return this.inner.copyFile(from, to)
  }
}
