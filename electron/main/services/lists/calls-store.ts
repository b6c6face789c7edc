import { join } from 'node:path'
import { callOutcomes, type CallOutcome } from '../../../../shared/contract/lists'
import { DurableFile, type FileCodec, warnDamaged } from '../../storage/durable-file'
import type { Fs } from '../../storage/fs-layer'

// The desk's call log for the lists: confirmation outcomes by appointment and "contacted" marks by patient,
// per practice, in one file of the data folder (every desk of this computer reads the same file). Entries
// older than KEEP_MS are dropped on write.

export const CALLS_FILE = 'lists-calls.json'
const KEEP_MS = 120 * 24 * 3600 * 1000

interface PracticeCalls {
  outcomes: Record<string, { outcome: CallOutcome; at: number }>
  contacted: Record<string, number>
}
type Calls = Record<string, PracticeCalls>

const isStamp = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0
const isKey = (k: string) => /^[1-9]\d{0,15}$/.test(k)

const codec: FileCodec<Calls> = {
  empty: () => ({}),
  encode: (c) => JSON.stringify(c),
  decode(text) {
    const raw = JSON.parse(text) as unknown
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { value: {}, intact: false, note: 'not a JSON object' }
    const value: Calls = {}
    let lost = 0
    for (const [practice, entry] of Object.entries(raw as Record<string, unknown>)) {
      const e = (entry ?? {}) as { outcomes?: Record<string, unknown>; contacted?: Record<string, unknown> }
      if (!/^\d+:\d+$/.test(practice) || typeof e !== 'object') {
        lost++
        continue
      }
      const calls: PracticeCalls = { outcomes: {}, contacted: {} }
      for (const [k, v] of Object.entries(e.outcomes ?? {})) {
        const o = v as { outcome?: unknown; at?: unknown } | null
        if (isKey(k) && o && callOutcomes.includes(o.outcome as CallOutcome) && isStamp(o.at))
          calls.outcomes[k] = { outcome: o.outcome as CallOutcome, at: o.at }
        else lost++
      }
      for (const [k, v] of Object.entries(e.contacted ?? {})) {
        if (isKey(k) && isStamp(v)) calls.contacted[k] = v
        else lost++
      }
      value[practice] = calls
    }
    return lost === 0 ? { value, intact: true } : { value, intact: false, note: `${lost} entries unreadable` }
  },
}

export class CallsStore {
  private readonly file: DurableFile<Calls>

  constructor(
    dataDir: string,
    private readonly now: () => number = Date.now,
    fs?: Fs,
  ) {
    this.file = new DurableFile(join(dataDir, CALLS_FILE), {
      codec,
      writeCode: 'lists-write-failed',
      readCode: 'lists-read-failed',
      onDamaged: warnDamaged,
      ...(fs ? { fs } : {}),
    })
  }

  async read(practice: string): Promise<PracticeCalls> {
    return (await this.file.read())[practice] ?? { outcomes: {}, contacted: {} }
  }

  private async change(practice: string, edit: (p: PracticeCalls, at: number) => void): Promise<number> {
    const at = this.now()
    const cutoff = at - KEEP_MS
    await this.file.update((cur) => {
      const p: PracticeCalls = { outcomes: { ...cur[practice]?.outcomes }, contacted: { ...cur[practice]?.contacted } }
      edit(p, at)
      for (const [k, v] of Object.entries(p.outcomes)) if (v.at < cutoff) delete p.outcomes[k]
      for (const [k, v] of Object.entries(p.contacted)) if (v < cutoff) delete p.contacted[k]
      return { ...cur, [practice]: p }
    })
    return at
  }

  /** On disk before it answers; a failed write changes nothing ('storage'). */
  async setOutcome(practice: string, appointmentId: number, outcome: CallOutcome | null): Promise<number | null> {
    const at = await this.change(practice, (p, now) => {
      if (outcome) p.outcomes[appointmentId] = { outcome, at: now }
      else delete p.outcomes[appointmentId]
    })
    return outcome ? at : null
  }

  async setContacted(practice: string, patientId: number, contacted: boolean): Promise<number | null> {
    const at = await this.change(practice, (p, now) => {
      if (contacted) p.contacted[patientId] = now
      else delete p.contacted[patientId]
    })
    return contacted ? at : null
  }
}
