import type { PreloadHelpers } from '../../../../shared/contract'

const hasPreload = () => typeof (window.api as Partial<PreloadHelpers> | undefined)?.pathForFile === 'function'

/** Only drags that carry files light up a drop zone. */
export const isFileDrag = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files')

interface Entry {
  isFile: boolean
  isDirectory: boolean
  name: string
  file?: (ok: (f: File) => void, ko: (e: unknown) => void) => void
  createReader?: () => { readEntries(ok: (es: Entry[]) => void, ko: (e: unknown) => void): void }
}

async function walk(entry: Entry, out: File[], depth: number): Promise<void> {
  if (entry.isFile && entry.file) {
    out.push(await new Promise<File>((ok, ko) => entry.file!(ok, ko)))
  } else if (entry.isDirectory && entry.createReader && depth < 8) {
    const reader = entry.createReader()
    for (;;) {
      const batch = await new Promise<Entry[]>((ok, ko) => reader.readEntries(ok, ko))
      if (batch.length === 0) break
      for (const e of batch) if (!/^(\.DS_Store|Thumbs\.db|desktop\.ini)$/i.test(e.name)) await walk(e, out, depth + 1)
    }
  }
}

/**
 * The files of a drop. With the preload, dropped folders are handed to main as paths (it expands them);
 * in a plain browser, folders are walked here through the entries API.
 */
export async function droppedFiles(e: DragEvent): Promise<File[]> {
  const dt = e.dataTransfer
  if (!dt) return []
  if (hasPreload()) return Array.from(dt.files)
  const entries = Array.from(dt.items ?? [])
    .map((i) => (i.kind === 'file' ? (i.webkitGetAsEntry?.() as unknown as Entry | null) : null))
    .filter((x): x is Entry => x !== null)
  if (entries.length === 0) return Array.from(dt.files)
  const out: File[] = []
  for (const en of entries) await walk(en, out, 0).catch(() => undefined)
  return out
}
