import { basename, dirname, join } from 'node:path'
import { fsyncDir } from './atomic-write'
import { errnoOf } from './storage-error'
import type { Fs } from './fs-layer'

/** 2026-03-11T08:00:00.123Z → 20260311T080000Z (no colons: a valid file name everywhere). */
export const fileStamp = (d: Date): string =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')

/**
 * Keeps a damaged file under a second name next to it (`<name>.damaged-<time>`), so that the file can then
 * be rewritten with what was salvaged while the original bytes stay for support. Linking (or copying
 * where links are not supported) rather than renaming: until the rewrite lands, the damaged file is still
 * where the next start looks, so a crash in between loses nothing. Returns the second name.
 */
export async function setAside(path: string, now: Date, fs: Fs): Promise<string> {
  const base = `${basename(path)}.damaged-${fileStamp(now)}`
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base}-${n}`
    const to = join(dirname(path), name)
    try {
      await fs.link(path, to)
    } catch (e) {
      const code = errnoOf(e)
      if (code === 'EEXIST' && n < 100) continue
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV' && code !== 'ENOSYS') throw e
      // No hard links on this file system (FAT, some network shares): a copy keeps the bytes just as well.
      try {
        await fs.copyFile(path, to)
      } catch (e2) {
        if (errnoOf(e2) === 'EEXIST' && n < 100) continue
        throw e2
      }
    }
    await fsyncDir(dirname(path), fs)
    return name
  }
}
