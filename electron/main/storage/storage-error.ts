import { basename } from 'node:path'
import { AppError } from '../services/app-error'
import { AfterRenameError } from './atomic-write'

const WORDS: Record<string, string> = {
  ENOSPC: 'no space left on the disk',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'the disk is read-only',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EIO: 'input/output error',
  EBUSY: 'the file is in use',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  ENOTDIR: 'a folder in the path is a file',
  EISDIR: 'the file is a folder',
}

export const errnoOf = (e: unknown): string | undefined => {
  const inner = e instanceof AfterRenameError ? e.original : e
  const code = (inner as NodeJS.ErrnoException | null)?.code
  return typeof code === 'string' ? code : undefined
}

/**
 * A file of main's own that could not be written or read, as an AppError of kind 'storage'. `detail` names
 * the file (not its folder: the page was never given the data folder's path) and the system's reason.
 */
export function storageError(e: unknown, file: string, action: 'write' | 'read', code: string): AppError {
  if (e instanceof AppError) return e
  const errno = errnoOf(e)
  const why = errno ? `${errno}: ${WORDS[errno] ?? 'system error'}` : 'unexpected error'
  return new AppError('storage', `Could not ${action} ${file}: ${e instanceof Error ? e.message : String(e)}`, {
    code,
    detail: `${basename(file)} (${why})`,
    cause: e,
  })
}
