import { constants } from 'node:fs'
import { lstat, open, readlink, realpath, type FileHandle } from 'node:fs/promises'
import type { RefusalReason } from '../../../../shared/patients/upload-rules'
import type { PathGrants } from './path-grants'

/**
 * Read-only, without following a link in the last component (the path is already resolved, so a link
 * there means it was swapped since), and without blocking: opening a FIFO for reading would otherwise
 * wait for a writer forever. (Windows has neither flag.)
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)

export type Opened =
  /** A regular file, open: read `handle` (never the path again) and close it. */
  | { kind: 'file'; handle: FileHandle; size: number; real: string }
  | { kind: 'dir'; real: string }
  | { kind: 'refused'; reason: RefusalReason }
  /** Not under anything the user handed over (after links): nothing was opened. */
  | { kind: 'not-granted' }

/**
 * Opens what a path the page named really is, once, if the user handed it over: the real path is resolved
 * first and checked against the grants (also held as real paths), then that path is opened and the open
 * descriptor checked (fstat: a regular file, the same one that was checked; on Linux, where the kernel says
 * it is). Only special files (devices, FIFOs, sockets) are refused before they are opened at all.
 * Never throws.
 */
export async function openGranted(path: string, grants: PathGrants): Promise<Opened> {
  let real: string
  try {
    real = await realpath(path)
  } catch {
    // Nothing to read either way; a broken link inside a dropped folder is "unreadable", anything else was not given.
    return grants.wasGiven(path) ? { kind: 'refused', reason: 'unreadable' } : { kind: 'not-granted' }
  }
  if (!grants.allowsReal(real)) return { kind: 'not-granted' }

  let before
  try {
    before = await lstat(real)
  } catch {
    return { kind: 'refused', reason: 'unreadable' }
  }
  if (before.isDirectory()) return { kind: 'dir', real }
  if (!before.isFile()) return { kind: 'refused', reason: 'not-a-file' }

  let handle: FileHandle
  try {
    handle = await open(real, OPEN_FLAGS)
  } catch {
    return { kind: 'refused', reason: 'unreadable' }
  }
  let verdict: Opened
  try {
    const st = await handle.stat()
    const where = await kernelPath(handle)
    if (!st.isFile()) verdict = { kind: 'refused', reason: 'not-a-file' }
    else if (st.dev !== before.dev || st.ino !== before.ino) verdict = { kind: 'refused', reason: 'unreadable' }
    else if (where !== null && !grants.allowsReal(where)) verdict = { kind: 'not-granted' }
    else return { kind: 'file', handle, size: st.size, real }
  } catch {
    verdict = { kind: 'refused', reason: 'unreadable' }
  }
  await handle.close().catch(() => undefined)
  return verdict
}

/** Where the open descriptor really points (Linux), or null where the system does not say. */
async function kernelPath(handle: FileHandle): Promise<string | null> {
  if (process.platform !== 'linux') return null
  try {
    return await readlink(`/proc/self/fd/${handle.fd}`)
  } catch {
    return null
  }
}
