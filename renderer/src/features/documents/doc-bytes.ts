import { db } from '../../cache/db'

// The bytes of the documents seen (opened, or drawn as a thumbnail), kept in the reads cache so they stay
// viewable offline after a reload or a restart. A file above PER_FILE is not kept; above TOTAL, the ones used
// least recently go first. The list of what is kept, with sizes, is one row (the bytes are not read to evict).

export const DOC_BYTES_LIMITS = { perFile: 20 * 1024 * 1024, total: 200 * 1024 * 1024 }

const INDEX_KEY = 'documents:bytes-index'
const keyOf = (patientId: number, documentId: number) => `documents:bytes:${patientId}:${documentId}`

interface Kept {
  key: string
  size: number
  usedAt: number
}
interface BytesRow {
  name: string
  bytes: Uint8Array
}

// One change of the index at a time: two downloads landing together must not lose each other's entry.
let chain: Promise<unknown> = Promise.resolve()
function serial<T>(fn: () => Promise<T>): Promise<T> {
  const p = chain.then(fn, fn)
  chain = p.catch(() => undefined)
  return p
}

async function readIndex(): Promise<Kept[]> {
  const row = await db.reads.get(INDEX_KEY)
  return Array.isArray(row?.value) ? (row.value as Kept[]) : []
}

/** The bytes kept for a document, or null. Marks it as used (it is evicted last). */
export async function readDocBytes(patientId: number, documentId: number, now = Date.now()): Promise<Uint8Array | null> {
  const key = keyOf(patientId, documentId)
  const row = await db.reads.get(key)
  const v = row?.value as BytesRow | undefined
  if (!v || !(v.bytes instanceof Uint8Array)) return null
  void serial(async () => {
    const index = await readIndex()
    const e = index.find((k) => k.key === key)
    if (e) {
      e.usedAt = now
      await db.reads.put({ key: INDEX_KEY, value: index, syncedAt: now })
    }
  }).catch(() => undefined)
  return v.bytes
}

/** Keeps a document's bytes (unless too large), then evicts the least recently used beyond the total. */
export function storeDocBytes(
  patientId: number,
  documentId: number,
  name: string,
  bytes: Uint8Array,
  now = Date.now(),
  limits = DOC_BYTES_LIMITS,
): Promise<boolean> {
  if (bytes.byteLength > limits.perFile) return Promise.resolve(false)
  const key = keyOf(patientId, documentId)
  return serial(async () => {
    const listed = await readIndex()
    // Rows the cache's trimming removed meanwhile no longer count (keys only: the bytes are not read).
    const present = new Set(
      await db.reads
        .where('key')
        .anyOf(listed.map((k) => k.key))
        .primaryKeys(),
    )
    const index = listed.filter((k) => k.key !== key && present.has(k.key))
    index.push({ key, size: bytes.byteLength, usedAt: now })
    index.sort((a, b) => a.usedAt - b.usedAt)
    let total = index.reduce((s, k) => s + k.size, 0)
    const evict: string[] = []
    while (total > limits.total && index.length > 1) {
      const old = index.shift()!
      total -= old.size
      evict.push(old.key)
    }
    await db.transaction('rw', db.reads, async () => {
      await db.reads.put({ key, value: { name, bytes } satisfies BytesRow, syncedAt: now })
      await db.reads.bulkDelete(evict)
      await db.reads.put({ key: INDEX_KEY, value: index, syncedAt: now })
    })
    return true
  })
}

/** What is kept: keys and sizes, least recently used first (for tests and a settings panel). */
export const keptDocBytes = (): Promise<Kept[]> => readIndex()
