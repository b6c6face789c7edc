import { join } from 'node:path'
import {
  COMPUTER_DEFAULTS,
  computerSettingKeys,
  computerSettingsSchema,
  PRACTICE_DEFAULTS,
  practiceSettingsSchema,
  type ComputerSettings,
  type DeskSettings,
  type PracticeSettings,
} from '../../../../shared/contract/settings'
import { AppError } from '../app-error'
import { DurableFile, type FileCodec, warnDamaged } from '../../storage/durable-file'
import type { Fs } from '../../storage/fs-layer'

export const SETTINGS_FILE = 'desk-settings.json'

interface Stored {
  computer: ComputerSettings
  /** Keyed `<practiceId>:<archiveId>`. */
  practices: Record<string, PracticeSettings>
}

/** Each part is read on its own: a bad value falls back to its default, the rest is kept. */
function salvage<T extends object>(
  schema: { shape: Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }> },
  defaults: T,
  raw: unknown,
): { value: T; lost: number } {
  const value = { ...defaults }
  let lost = 0
  const obj = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {}
  for (const key of Object.keys(defaults) as Array<keyof T & string>) {
    if (!(key in obj)) continue
    const parsed = schema.shape[key]!.safeParse(obj[key])
    if (parsed.success) (value as Record<string, unknown>)[key] = parsed.data
    else lost++
  }
  return { value, lost }
}

const codec: FileCodec<Stored> = {
  empty: () => ({ computer: { ...COMPUTER_DEFAULTS }, practices: {} }),
  encode: (s) => JSON.stringify(s),
  decode(text) {
    const raw = JSON.parse(text) as { computer?: unknown; practices?: unknown }
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { value: codec.empty(), intact: false, note: 'not a JSON object' }
    const computer = salvage(computerSettingsSchema, COMPUTER_DEFAULTS, raw.computer)
    let lost = computer.lost
    const practices: Record<string, PracticeSettings> = {}
    const rawPractices = raw.practices && typeof raw.practices === 'object' ? (raw.practices as Record<string, unknown>) : {}
    for (const [key, value] of Object.entries(rawPractices)) {
      if (!/^\d+:\d+$/.test(key)) {
        lost++
        continue
      }
      const p = salvage(practiceSettingsSchema, PRACTICE_DEFAULTS, value)
      practices[key] = p.value
      lost += p.lost
    }
    const value = { computer: computer.value, practices }
    return lost === 0 ? { value, intact: true } : { value, intact: false, note: `${lost} settings unreadable, defaults used` }
  },
}

export interface SettingsStoreOptions {
  dataDir: string
  /** The connected practice, or null when none is. */
  practice: () => Promise<{ practiceId: number; archiveId: number } | null>
  fs?: Fs
}

/**
 * The desk's settings in one small file of the data folder: the computer's own choices, and each practice's
 * (alert fields, late minutes, the receipt's practice data…). On disk before they are answered; a failed write
 * changes nothing and is a 'storage' error. Listeners hear each change once it is on disk.
 */
export class SettingsStore {
  private readonly file: DurableFile<Stored>
  private readonly listeners = new Set<(s: DeskSettings) => void>()

  constructor(private readonly opts: SettingsStoreOptions) {
    this.file = new DurableFile(join(opts.dataDir, SETTINGS_FILE), {
      codec,
      writeCode: 'settings-write-failed',
      readCode: 'settings-read-failed',
      onDamaged: warnDamaged,
      ...(opts.fs ? { fs: opts.fs } : {}),
    })
  }

  private async practiceKey(): Promise<string | null> {
    const p = await this.opts.practice().catch(() => null)
    return p ? `${p.practiceId}:${p.archiveId}` : null
  }

  async get(): Promise<DeskSettings> {
    const [stored, key] = await Promise.all([this.file.read(), this.practiceKey()])
    return { ...stored.computer, ...((key && stored.practices[key]) || PRACTICE_DEFAULTS) }
  }

  /** The computer's settings alone (they need no practice: the lock and the updater read them before connect). */
  async computer(): Promise<ComputerSettings> {
    return { ...(await this.file.read()).computer }
  }

  async update(patch: Partial<DeskSettings>): Promise<DeskSettings> {
    const computerPatch: Partial<ComputerSettings> = {}
    const practicePatch: Partial<PracticeSettings> = {}
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) continue
      const target = (computerSettingKeys as string[]).includes(k) ? computerPatch : practicePatch
      ;(target as Record<string, unknown>)[k] = v
    }
    const key = await this.practiceKey()
    if (Object.keys(practicePatch).length > 0 && !key)
      throw new AppError('not-connected', 'Practice settings need a connected practice.', { code: 'settings-need-practice' })
    await this.file.update((cur) => ({
      computer: { ...cur.computer, ...computerPatch },
      practices:
        key && Object.keys(practicePatch).length > 0
          ? { ...cur.practices, [key]: { ...(cur.practices[key] ?? PRACTICE_DEFAULTS), ...practicePatch } }
          : cur.practices,
    }))
    const next = await this.get()
    for (const l of this.listeners) l(next)
    return next
  }

  /** Called after each change is on disk; returns an unsubscribe. */
  onChange(cb: (s: DeskSettings) => void): () => void {
    this.listeners.add(cb)
    return () => this.listeners.delete(cb)
  }
}
