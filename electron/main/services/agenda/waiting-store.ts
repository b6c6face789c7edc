import { DurableFile, type FileCodec, warnDamaged } from '../../storage/durable-file'
import type { Fs } from '../../storage/fs-layer'

// AlfaDocs has no "waiting since" field: the desk's own record of when it marked a patient `waiting`,
// kept in a small JSON file in the data folder ({ "<appointment id>": <epoch ms> }). Entries older than two
// days are dropped on write. The file belongs to the connected practice: it is emptied on disconnect.

const KEEP_MS = 2 * 24 * 3600 * 1000

type Marks = ReadonlyMap<number, number>

const marksCodec: FileCodec<Marks> = {
  empty: () => new Map(),
  encode: (m) => JSON.stringify(Object.fromEntries(m)),
  decode(text) {
    const raw = JSON.parse(text) as unknown
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { value: new Map(), intact: false, note: 'not a JSON object' }
    const map = new Map<number, number>()
    let lost = 0
    for (const [k, v] of Object.entries(raw)) {
      const id = Number(k)
      if (Number.isSafeInteger(id) && id > 0 && typeof v === 'number' && Number.isFinite(v)) map.set(id, v)
      else lost++
    }
    return lost === 0
      ? { value: map, intact: true }
      : { value: map, intact: false, note: `${map.size} marks recovered, ${lost} unreadable` }
  },
}

export class WaitingStore {
  private readonly file: DurableFile<Marks>

  constructor(
    path: string,
    private readonly now: () => number = Date.now,
    fs?: Fs,
  ) {
    this.file = new DurableFile(path, {
      codec: marksCodec,
      now: () => new Date(this.now()),
      writeCode: 'waiting-write-failed',
      readCode: 'waiting-read-failed',
      onDamaged: warnDamaged,
      ...(fs ? { fs } : {}),
    })
  }

  async get(ids: readonly number[]): Promise<Array<{ appointmentId: number; since: number }>> {
    const map = await this.file.read()
    return ids.flatMap((id) => {
      const since = map.get(id)
      return since === undefined ? [] : [{ appointmentId: id, since }]
    })
  }

  /**
   * The marks of appointments the desk shows as `waiting`; with `seenAt` (the desk's clock), one without a mark
   * (another desk marked it, or it was waiting before this desk started) gets one then: when this desk first
   * saw it waiting.
   */
  async seen(ids: readonly number[], seenAt?: number): Promise<Array<{ appointmentId: number; since: number }>> {
    const known = await this.get(ids)
    if (seenAt === undefined || known.length === ids.length) return known
    const at = seenAt
    // Two days before the desk's clock: marks it has just written are never the old ones.
    const cutoff = at - KEEP_MS
    let out: Array<{ appointmentId: number; since: number }> = []
    await this.file.update((current) => {
      const map = new Map(current)
      for (const id of ids) if (!map.has(id)) map.set(id, at)
      for (const [k, v] of map) if (v < cutoff) map.delete(k)
      out = ids.flatMap((id) => (map.has(id) ? [{ appointmentId: id, since: map.get(id)! }] : []))
      return map
    })
    return out
  }

  /**
   * Marks `waiting` now (keeps an earlier mark), or clears the mark for any other state. Returns once it is
   * on disk; a failed write changes nothing and is a 'storage' error (the next record writes again).
   */
  async record(id: number, waiting: boolean, at?: number): Promise<{ appointmentId: number; since: number } | null> {
    const cutoff = (at ?? this.now()) - KEEP_MS
    let since: number | undefined
    await this.file.update((current) => {
      const map = new Map(current)
      if (waiting) map.set(id, (since = current.get(id) ?? at ?? this.now()))
      else map.delete(id)
      for (const [k, v] of map) if (v < cutoff) map.delete(k)
      return map
    })
    return since === undefined ? null : { appointmentId: id, since }
  }

  /** Forgets every mark (the desk disconnected: the marks were the previous practice's). */
  async clear(): Promise<void> {
    await this.file.update(() => new Map())
  }
}
