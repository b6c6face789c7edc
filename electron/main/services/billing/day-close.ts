import { join } from 'node:path'
import { z } from 'zod'
import { isCashPaymentType } from '../../../../shared/billing/cash-rules'
import type { DayClose, Takings } from '../../../../shared/contract/billing'
import { DurableFile, type FileCodec, warnDamaged } from '../../storage/durable-file'
import type { Fs } from '../../storage/fs-layer'

// The day close (chiusura di cassa): the day's takings from AlfaDocs, and what the desk counted in the
// drawer, kept on this computer in one durable file per practice and day:
//   <dataDir>/day-close/<practiceId>-<archiveId>/<YYYY-MM-DD>.json
// The saved file also keeps the figures as they were when saved (takings may change afterwards).

export const DAY_CLOSE_DIR = 'day-close'

const groupSchema = z.object({ id: z.number().nullable(), name: z.string(), count: z.number().int(), totalCents: z.number().int() })
const savedSchema = z.object({
  date: z.string(),
  countedCash: z.number().int(),
  note: z.string().nullable(),
  savedAt: z.string(),
  expectedCash: z.number().int(),
  totalCents: z.number().int(),
  byType: z.array(groupSchema),
  byAccount: z.array(groupSchema),
})
type Saved = z.infer<typeof savedSchema>

const codec: FileCodec<Saved | null> = {
  empty: () => null,
  encode: (v) => JSON.stringify(v, null, 1) + '\n',
  decode(text) {
    const parsed = savedSchema.safeParse(JSON.parse(text))
    return parsed.success ? { value: parsed.data, intact: true } : { value: null, intact: false, note: 'not a day close' }
  },
}

export interface DayCloseOptions {
  dataDir: string
  practice: () => Promise<{ practiceId: number; archiveId: number }>
  takings: (date: string) => Promise<Takings>
  /** The practice's payment types (cash ones by name, see isCashPaymentType). */
  paymentTypes: () => Promise<Array<{ id: number; name: string }>>
  fs?: Fs
  now?: () => Date
}

export class DayCloseService {
  private readonly files = new Map<string, DurableFile<Saved | null>>()

  constructor(private readonly opts: DayCloseOptions) {}

  async get(date: string): Promise<DayClose> {
    const file = await this.file(date)
    const [saved, live] = await Promise.all([file.read(), this.live(date)])
    return view(live, saved)
  }

  /** On disk before it answers; a failed write changes nothing (kind 'storage', code 'day-close-write-failed'). */
  async save(date: string, countedCash: number, note?: string): Promise<DayClose> {
    const file = await this.file(date)
    const live = await this.live(date)
    const saved: Saved = {
      date,
      countedCash,
      note: note?.trim() ? note.trim() : null,
      savedAt: (this.opts.now?.() ?? new Date()).toISOString(),
      expectedCash: live.expectedCash,
      totalCents: live.totalCents,
      byType: live.byType,
      byAccount: live.byAccount,
    }
    await file.update(() => saved)
    return view(live, saved)
  }

  private async live(date: string): Promise<Live> {
    const [t, types] = await Promise.all([this.opts.takings(date), this.opts.paymentTypes()])
    const cash = new Set(types.filter((p) => isCashPaymentType(p.name)).map((p) => p.id))
    const expectedCash = t.byPaymentType.reduce((s, g) => s + (g.id !== null && cash.has(g.id) ? g.totalCents : 0), 0)
    return { date, byType: t.byPaymentType, byAccount: t.byAccount, totalCents: t.totalCents, expectedCash }
  }

  private async file(date: string): Promise<DurableFile<Saved | null>> {
    const p = await this.opts.practice()
    const path = join(this.opts.dataDir, DAY_CLOSE_DIR, `${p.practiceId}-${p.archiveId}`, `${date}.json`)
    let f = this.files.get(path)
    if (!f) {
      f = new DurableFile(path, {
        codec,
        writeCode: 'day-close-write-failed',
        readCode: 'day-close-read-failed',
        onDamaged: warnDamaged,
        ...(this.opts.fs ? { fs: this.opts.fs } : {}),
        ...(this.opts.now ? { now: this.opts.now } : {}),
      })
      this.files.set(path, f)
    }
    return f
  }
}

type Live = Pick<DayClose, 'date' | 'byType' | 'byAccount' | 'totalCents' | 'expectedCash'>

function view(live: Live, saved: Saved | null): DayClose {
  return {
    ...live,
    countedCash: saved?.countedCash ?? null,
    difference: saved ? saved.countedCash - live.expectedCash : null,
    note: saved?.note ?? null,
    savedAt: saved?.savedAt ?? null,
    savedExpectedCash: saved?.expectedCash ?? null,
  }
}
