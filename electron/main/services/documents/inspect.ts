import type { Stats } from 'node:fs'
import { lstat, open, readdir, realpath, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { InspectedFile } from '../../../../shared/contract/documents'
import { defaultFolderFor, documentTypeFor, SNIFF_BYTES, sniffFileKind } from '../../../../shared/patients/file-type'
import { refusalForSize, type RefusalReason } from '../../../../shared/patients/upload-rules'

const MAX_FILES = 500
const MAX_DEPTH = 8
/** System litter that a dropped folder carries and nobody means to upload. */
const LITTER = /^(\.DS_Store|Thumbs\.db|desktop\.ini|\._.*)$/i

export interface ResolvedFile {
  /** The real path (links followed). */
  path: string
  size: number
}

/**
 * What a dropped path really is: links are followed to their target, which must then be a regular file
 * (or a directory, which the caller may expand). Never throws: unreadable becomes a refusal.
 */
export async function resolveRegular(path: string): Promise<{ kind: 'file'; file: ResolvedFile } | { kind: 'dir'; path: string } | { kind: 'refused'; reason: RefusalReason }> {
  let st: Stats
  let real = path
  try {
    st = await lstat(path)
    if (st.isSymbolicLink()) {
      real = await realpath(path)
      st = await stat(real)
    }
  } catch {
    return { kind: 'refused', reason: 'unreadable' }
  }
  if (st.isDirectory()) return { kind: 'dir', path: real }
  if (!st.isFile()) return { kind: 'refused', reason: 'not-a-file' }
  return { kind: 'file', file: { path: real, size: st.size } }
}

async function readHead(path: string): Promise<Uint8Array | null> {
  try {
    const fh = await open(path, 'r')
    try {
      const buf = Buffer.alloc(SNIFF_BYTES)
      const { bytesRead } = await fh.read(buf, 0, SNIFF_BYTES, 0)
      return buf.subarray(0, bytesRead)
    } finally {
      await fh.close()
    }
  } catch {
    return null
  }
}

/**
 * Dropped or picked paths → the files to offer for upload: folders expanded recursively (loops and
 * litter skipped), each regular file sniffed for its type, with the reason when it cannot be uploaded.
 */
export async function inspectPaths(paths: readonly string[], opts: { maxMb: number; asXray: boolean }) {
  const files: InspectedFile[] = []
  let skipped = 0
  const seenDirs = new Set<string>()
  const seenFiles = new Set<string>()

  const add = async (shownPath: string, name: string, depth: number): Promise<void> => {
    if (files.length >= MAX_FILES) {
      skipped++
      return
    }
    const r = await resolveRegular(shownPath)
    if (r.kind === 'dir') {
      if (depth >= MAX_DEPTH || seenDirs.has(r.path)) {
        skipped++
        return
      }
      seenDirs.add(r.path)
      let entries: string[]
      try {
        entries = (await readdir(r.path)).sort((a, b) => a.localeCompare(b))
      } catch {
        files.push(entry(shownPath, name, 0, 'unknown', 'unreadable'))
        return
      }
      for (const e of entries) {
        if (LITTER.test(e)) skipped++
        else await add(join(r.path, e), e, depth + 1)
      }
      return
    }
    if (r.kind === 'refused') {
      files.push(entry(shownPath, name, 0, 'unknown', r.reason))
      return
    }
    if (seenFiles.has(r.file.path)) {
      skipped++
      return
    }
    seenFiles.add(r.file.path)
    const sizeRefusal = refusalForSize(r.file.size, opts.maxMb)
    const head = sizeRefusal === 'empty' ? new Uint8Array(0) : await readHead(r.file.path)
    if (!head) {
      files.push(entry(r.file.path, name, r.file.size, 'unknown', 'unreadable'))
      return
    }
    const kind = sniffFileKind(head, name)
    files.push(entry(r.file.path, name, r.file.size, kind, sizeRefusal))
  }

  const entry = (path: string, name: string, size: number, kind: InspectedFile['kind'], refusal: RefusalReason | null): InspectedFile => {
    const type = documentTypeFor(kind, { asXray: opts.asXray })
    return { path, name, size, kind, type, folderName: defaultFolderFor(type), refusal }
  }

  for (const p of paths) await add(p, basename(p), 0)
  return { files, skipped }
}
