import { constants } from 'node:fs'
import { lstat, open, readlink, realpath, type FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { RefusalReason } from '../../../../shared/patients/upload-rules'
import type { PathGrants } from './path-grants'

/**
 * Read-only, without following a link in the last component (the path is already resolved, so a link
 * there means it was swapped since), without blocking (opening a FIFO for reading would otherwise wait for
 * a writer forever) and without a terminal becoming ours. (Windows has none of these flags.)
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0)

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
 * descriptor decides (fstat: a regular file, the same one that was looked at; on Linux, where the kernel
 * says it is). Never throws.
 */
export async function openGranted(path: string, grants: PathGrants): Promise<Opened> {
  let real: string
  try {
    real = await realpath(path)
  } catch {
    // Nothing to read either way. A broken link (or a file gone) in a folder handed over is "unreadable"; the
    // folder is judged by where it really is, so the answer tells nothing about places outside.
    return (await parentAllowed(path, grants)) ? { kind: 'refused', reason: 'unreadable' } : { kind: 'not-granted' }
  }
  if (!grants.allowsReal(real)) return { kind: 'not-granted' }

  let before
  try {
    before = await lstat(real)
  } catch {
    return { kind: 'refused', reason: 'unreadable' }
  }
  if (before.isDirectory()) return { kind: 'dir', real }

  let handle: FileHandle
  try {
    handle = await open(real, OPEN_FLAGS)
  } catch {
    // A socket cannot be opened at all.
    return { kind: 'refused', reason: before.isFile() ? 'unreadable' : 'not-a-file' }
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

async function parentAllowed(path: string, grants: PathGrants): Promise<boolean> {
  if (!grants.wasGiven(path)) return false
  try {
    return grants.allowsReal(await realpath(dirname(path)))
  } catch {
    return false
  }
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
