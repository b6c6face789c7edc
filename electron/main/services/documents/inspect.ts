import type { FileHandle } from 'node:fs/promises'
import { readdir } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { InspectedFile } from '../../../../shared/contract/documents'
import { defaultFolderFor, documentTypeFor, SNIFF_BYTES, sniffFileKind } from '../../../../shared/patients/file-type'
import { refusalForSize, type RefusalReason } from '../../../../shared/patients/upload-rules'
import { AppError } from '../app-error'
import { openGranted } from './granted-file'
import type { PathGrants } from './path-grants'

const MAX_FILES = 500
const MAX_DEPTH = 8
/** System litter that a dropped folder carries and nobody means to upload. */
const LITTER = /^(\.DS_Store|Thumbs\.db|desktop\.ini|\._.*)$/i

/** The one refusal for a path the user did not hand over; it names the file as the page named it. */
export function notGranted(path: string): AppError {
  return new AppError('invalid', `"${basename(path)}" was not dropped or chosen here, so Sportello will not read it.`)
}

async function readHead(handle: FileHandle): Promise<Uint8Array | null> {
  try {
    const buf = Buffer.alloc(SNIFF_BYTES)
    const { bytesRead } = await handle.read(buf, 0, SNIFF_BYTES, 0)
    return buf.subarray(0, bytesRead)
  } catch {
    return null
  }
}

/**
 * Dropped or picked paths → the files to offer for upload: folders expanded recursively (loops and
 * litter skipped), each regular file opened once and sniffed for its type, with the reason when it cannot
 * be uploaded. Every file is named by the path the page gave (a file inside a dropped folder: the folder's
 * path and the names under it), never by where a link leads. A link inside a dropped folder that leads out
 * of everything handed over is "unreadable", with nothing of its target told. A top-level path that was not
 * handed over refuses the whole call.
 */
export async function inspectPaths(paths: readonly string[], grants: PathGrants, opts: { maxMb: number; asXray: boolean }) {
  const files: InspectedFile[] = []
  let skipped = 0
  const seenDirs = new Set<string>()
  const seenFiles = new Set<string>()

  const add = async (shownPath: string, name: string, depth: number): Promise<void> => {
    if (files.length >= MAX_FILES) {
      skipped++
      return
    }
    const o = await openGranted(shownPath, grants)
    if (o.kind === 'not-granted') {
      if (depth === 0) throw notGranted(shownPath)
      files.push(entry(shownPath, name, 0, 'unknown', 'unreadable'))
      return
    }
    if (o.kind === 'refused') {
      files.push(entry(shownPath, name, 0, 'unknown', o.reason))
      return
    }
    if (o.kind === 'dir') {
      if (depth >= MAX_DEPTH || seenDirs.has(o.real)) {
        skipped++
        return
      }
      seenDirs.add(o.real)
      let entries: string[]
      try {
        entries = (await readdir(o.real)).sort((a, b) => a.localeCompare(b))
      } catch {
        files.push(entry(shownPath, name, 0, 'unknown', 'unreadable'))
        return
      }
      for (const e of entries) {
        if (LITTER.test(e)) skipped++
        else await add(join(shownPath, e), e, depth + 1)
      }
      return
    }
    try {
      if (seenFiles.has(o.real)) {
        skipped++
        return
      }
      seenFiles.add(o.real)
      const sizeRefusal = refusalForSize(o.size, opts.maxMb)
      const head = sizeRefusal === 'empty' ? new Uint8Array(0) : await readHead(o.handle)
      if (!head) {
        files.push(entry(shownPath, name, o.size, 'unknown', 'unreadable'))
        return
      }
      files.push(entry(shownPath, name, o.size, sniffFileKind(head, name), sizeRefusal))
    } finally {
      await o.handle.close().catch(() => undefined)
    }
  }

  const entry = (path: string, name: string, size: number, kind: InspectedFile['kind'], refusal: RefusalReason | null): InspectedFile => {
    const type = documentTypeFor(kind, { asXray: opts.asXray })
    return { path, name, size, kind, type, folderName: defaultFolderFor(type), refusal }
  }

  // Every top-level path is checked before anything is read.
  for (const p of paths) if (!grants.wasGiven(p)) throw notGranted(p)
  for (const p of paths) await add(p, basename(p), 0)
  return { files, skipped }
}
