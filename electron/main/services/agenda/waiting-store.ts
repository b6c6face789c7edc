import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'

// AlfaDocs has no "waiting since" field: the desk's own record of when it marked a patient `waiting`,
// kept in a small JSON file in the data folder. Entries older than two days are dropped on write.

const KEEP_MS = 2 * 24 * 3600 * 1000

export class WaitingStore {
  private entries: Map<number, number> | null = null
  private writing: Promise<void> = Promise.resolve()

  constructor(
    private readonly file: string,
    private readonly now: () => number = Date.now,
  ) {}

  private async load(): Promise<Map<number, number>> {
    if (this.entries) return this.entries
    try {
      const raw = JSON.parse(await readFile(this.file, 'utf8')) as unknown
      const map = new Map<number, number>()
      if (raw && typeof raw === 'object')
        for (const [k, v] of Object.entries(raw)) if (Number.isInteger(Number(k)) && typeof v === 'number') map.set(Number(k), v)
      this.entries = map
    } catch {
      this.entries = new Map() // missing or unreadable: start afresh, it is only a convenience record
    }
    return this.entries
  }

  async get(ids: readonly number[]): Promise<Array<{ appointmentId: number; since: number }>> {
    const map = await this.load()
    return ids.flatMap((id) => {
      const since = map.get(id)
      return since === undefined ? [] : [{ appointmentId: id, since }]
    })
  }

  /** Marks `waiting` now (keeps an earlier mark), or clears the mark for any other state. */
  async record(id: number, waiting: boolean, at?: number): Promise<{ appointmentId: number; since: number } | null> {
    const map = await this.load()
    let out: { appointmentId: number; since: number } | null = null
    if (waiting) {
      const since = map.get(id) ?? at ?? this.now()
      map.set(id, since)
      out = { appointmentId: id, since }
    } else map.delete(id)
    const cutoff = this.now() - KEEP_MS
    for (const [k, v] of map) if (v < cutoff) map.delete(k)
    await this.save(map)
    return out
  }

  private save(map: Map<number, number>): Promise<void> {
    const data = JSON.stringify(Object.fromEntries(map))
    this.writing = this.writing.then(async () => {
      await mkdir(dirname(this.file), { recursive: true })
      const tmp = `${this.file}.tmp`
      await writeFile(tmp, data, 'utf8')
      await rename(tmp, this.file)
    })
    return this.writing
  }
}
