import { constants } from 'node:fs'
import { copyFile, link, mkdir, open, readFile, rename, rm } from 'node:fs/promises'

/** An open file, as much of it as main's own files need. */
export interface FsHandle {
  writeFile(text: string): Promise<void>
  sync(): Promise<void>
  close(): Promise<void>
}

/**
 * The file operations main's own files (payment journal, waiting-since, settings) go through: node:fs in
 * the app, a faulty variant in the tests (a full or read-only disk at a chosen step).
 */
export interface Fs {
  readFile(path: string): Promise<Buffer>
  mkdir(path: string): Promise<void>
  /** 'w' creates or truncates (mode 0600), 'r' opens for reading (a folder, to fsync it). */
  open(path: string, flags: 'w' | 'r'): Promise<FsHandle>
  rename(from: string, to: string): Promise<void>
  /** Removes a file; a missing one is not an error. */
  rm(path: string): Promise<void>
  /** A second name for the file; fails with EEXIST when `to` exists. */
  link(from: string, to: string): Promise<void>
  /** Copies; fails with EEXIST when `to` exists. */
  copyFile(from: string, to: string): Promise<void>
}

export const nodeFs: Fs = {
  readFile: (path) => readFile(path),
  mkdir: async (path) => {
    await mkdir(path, { recursive: true })
  },
  open: async (path, flags) => {
    const fh = await open(path, flags, 0o600)
    return {
      writeFile: (text) => fh.writeFile(text, 'utf8'),
      sync: () => fh.sync(),
      close: () => fh.close(),
    }
  },
  rename: (from, to) => rename(from, to),
  rm: (path) => rm(path, { force: true }),
  link: (from, to) => link(from, to),
  copyFile: (from, to) => copyFile(from, to, constants.COPYFILE_EXCL),
}
