import { randomBytes } from 'node:crypto'
import { basename, dirname, join } from 'node:path'
import { nodeFs, type Fs } from './fs-layer'

/**
 * Replaces `path` with `text` so that after a crash or power cut the file holds either the old or the new
 * content, never a mix: write a temp file in the same folder, fsync it, rename it over, fsync the folder
 * (so the rename itself is on disk). On any failure the temp file is removed and `path` is as it was.
 */
export async function writeFileAtomic(path: string, text: string, fs: Fs = nodeFs): Promise<void> {
  const dir = dirname(path)
  await fs.mkdir(dir)
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  try {
    const fh = await fs.open(tmp, 'w')
    try {
      await fh.writeFile(text)
      await fh.sync()
    } finally {
      await fh.close()
    }
    await fs.rename(tmp, path)
  } catch (e) {
    await fs.rm(tmp).catch(() => undefined)
    throw e
  }
  try {
    await fsyncDir(dir, fs)
  } catch (e) {
    throw new AfterRenameError(e)
  }
}

/** The new content is in place but not known to be on disk (the folder's fsync failed): the caller may roll back. */
export class AfterRenameError extends Error {
  override readonly name = 'AfterRenameError'
  constructor(readonly original: unknown) {
    super(original instanceof Error ? original.message : String(original), { cause: original })
  }
}

export async function fsyncDir(dir: string, fs: Fs = nodeFs): Promise<void> {
  // Windows cannot open a directory for fsync; there the rename is as durable as NTFS makes it.
  if (process.platform === 'win32') return
  const fh = await fs.open(dir, 'r')
  try {
    await fh.sync()
  } finally {
    await fh.close()
  }
}
