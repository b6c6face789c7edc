import Dexie, { type Table } from 'dexie'
import type { Appointment, Chair, Color, Operator, Patient } from '../../../shared/alfadocs/schemas'
import { parseWall, type IsoDate } from '../../../shared/dates'
import { addSearchKeys, installPatientKeyHooks, PATIENT_INDEXES, type PatientRow } from './patient-keys'

// What the renderer has seen, read first so screens draw at once, refreshed in the background.
// Every row carries `syncedAt` (ms since epoch) and `meta` keeps one synced-at per logical key.

export type Synced<T> = T & { syncedAt: number }
export type CachedAppointment = Synced<Appointment & { day: IsoDate }>
export interface MetaRow {
  key: string
  syncedAt: number
  /** Only on the `scope` row: whose cache this is (see `cacheScope`). */
  scope?: string
}

/** Whose patient data the cache holds: one practice's archive (the demo practice is never a real one's). */
export const cacheScope = (s: { mode: 'demo' | 'practice'; practiceId: number; archiveId: number }) =>
  `${s.mode}-${s.practiceId}-${s.archiveId}`
const SCOPE_KEY = 'scope'

/**
 * What a screen paints first, as one row: a day's appointments with the patients they name (`day:…`), or
 * the reference data (`reference`). A warm open is one IndexedDB get instead of six tables and two round
 * trips. The per-entity tables stay the source for everything else (search, single rows).
 */
export type ViewRow =
  | { key: `day:${string}`; appointments: Appointment[]; patients: Patient[]; syncedAt: number }
  | { key: 'reference'; chairs: Chair[]; colors: Color[]; operators: Operator[]; syncedAt: number }

/** The last answer of one read (data/read.ts), by the read's key. */
export interface ReadRow {
  key: string
  value: unknown
  syncedAt: number
}

/** How many view rows (painted days and the reference) stay in memory for a day switch in the running app. */
const RECENT_VIEWS = 9

export const metaKeys = {
  reference: 'reference',
  day: (day: IsoDate) => `day:${day}`,
} as const

export class SportelloDb extends Dexie {
  chairs!: Table<Synced<Chair>, number>
  colors!: Table<Synced<Color>, number>
  operators!: Table<Synced<Operator>, number>
  appointments!: Table<CachedAppointment, number>
  patients!: Table<PatientRow, number>
  meta!: Table<MetaRow, string>
  views!: Table<ViewRow, string>
  reads!: Table<ReadRow, string>

  constructor(name = 'sportello') {
    super(name)
    this.version(1).stores({
      chairs: 'id',
      colors: 'id',
      operators: 'id',
      appointments: 'id, day, chairId, [day+chairId]',
      patients: 'id',
      meta: 'key',
    })
    // Patient search keys (last name, phones, fiscal code, birth date) for the search box.
    this.version(2)
      .stores({ patients: PATIENT_INDEXES })
      .upgrade((tx) => tx.table('patients').toCollection().modify(addSearchKeys))
    // One row per painted day (see ViewRow); filled by the next refresh of each day.
    this.version(3).stores({ views: 'key' })
    // The last answer of every other read, by key (bills, a bill, takings, a patient's tabs…).
    this.version(4).stores({ reads: 'key' })
    installPatientKeyHooks(this.patients)
    // Until the app says whose cache this is (requireScope, setScope), nothing reads or writes it.
    // Dexie hands the ready handler the one instance that may use the database while it opens.
    this.on('ready', (vip) => {
      const gate = this.scopeGate
      this.readEarly(vip as SportelloDb, gate)
      return gate ? gate.promise.then((s) => applyScope(vip as SportelloDb, s)) : undefined
    })
    // After a wipe (disconnect) no row is added until a practice is connected again: an answer still on its way
    // for the previous practice must not refill the cache. Deletes still go through.
    this.use({
      stack: 'dbcore',
      name: 'closed-after-wipe',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name)
          return {
            ...table,
            mutate: (req) =>
              this.closedForWrites && (req.type === 'add' || req.type === 'put')
                ? Promise.reject(new Error(`The cache holds no practice now: nothing is written to ${name}.`))
                : table.mutate(req),
          }
        },
      }),
    })
  }

  /** Set by a wipe of the app's cache (one with a scope gate), cleared when a practice is connected again. */
  private closedForWrites = false

  /**
   * The view rows written or read lately, by key, as the disk holds them (kept once the disk took them): a day
   * switch in the running app paints from here, without a round trip to IndexedDB. Forgotten with the rows.
   */
  private recent = new Map<string, ViewRow>()
  /** Counts view writes and forgets: a read that saw one while it was on its way keeps nothing in memory. */
  private viewWrites = 0

  /** The view rows of `keys` if memory holds every one (see `recent`), else null. */
  recentViews(keys: readonly string[]): ViewRow[] | null {
    const rows: ViewRow[] = []
    for (const k of keys) {
      const row = this.recent.get(k)
      if (!row) return null
      rows.push(row)
    }
    return rows
  }

  /** The view rows of `keys`, from memory when it holds them all, else from IndexedDB (then kept in memory). */
  async readViews(keys: readonly string[]): Promise<Array<ViewRow | undefined>> {
    const hit = this.recentViews(keys)
    if (hit) return hit
    const writes = this.viewWrites
    const rows = await this.views.bulkGet([...keys])
    if (writes === this.viewWrites) for (const r of rows) if (r) this.remember(r)
    return rows
  }

  /** View rows asked for before the database opened (`readViewsEarly`), read as it opens. */
  private early: { keys: string[]; settle: (rows: Array<ViewRow | undefined> | null) => void } | null = null
  private opened = false

  /**
   * The view rows of `keys`, read as soon as IndexedDB is open, while the app still asks main whose session
   * this is: the rows and the cache's scope row come in one read, and the rows are handed out once the scope
   * is known and only if the cache is that practice's (else they are read again once the cache is scoped,
   * i.e. wiped). Asked after the database opened, this is `readViews`.
   */
  readViewsEarly(keys: readonly string[]): Promise<Array<ViewRow | undefined>> {
    if (this.opened || this.early) return this.readViews(keys)
    const writes = this.viewWrites
    const early = new Promise<Array<ViewRow | undefined> | null>((settle) => (this.early = { keys: [...keys], settle }))
    void this.open().catch(() => this.early?.settle(null))
    return early.then((rows) => {
      if (!rows) return this.readViews(keys)
      if (writes === this.viewWrites) for (const r of rows) if (r) this.remember(r)
      return rows
    })
  }

  private readEarly(vip: SportelloDb, gate: SportelloDb['scopeGate']): void {
    const e = this.early
    this.early = null
    this.opened = true
    if (!e) return
    const read = vip.transaction('r', [vip.meta, vip.views], () => Promise.all([vip.meta.get(SCOPE_KEY), vip.views.bulkGet(e.keys)]))
    Promise.all([read, gate?.promise]).then(
      ([[row, rows], scope]) => e.settle(gate === null || (scope != null && row?.scope === scope) ? rows : null),
      () => e.settle(null),
    )
  }

  /** Memory forgets every view row (after rows were deleted on disk behind the methods here, e.g. a trim). */
  forgetRecentViews(): void {
    this.viewWrites++
    this.recent.clear()
  }

  /** Memory forgets these view rows (deleted on disk behind the methods here); a read on its way keeps none. */
  forgetViews(keys: readonly string[]): void {
    this.viewWrites++
    for (const k of keys) this.recent.delete(k)
  }

  private remember(row: ViewRow): void {
    this.viewWrites++
    this.recent.delete(row.key)
    this.recent.set(row.key, row)
    // The oldest days go first; the reference stays (every day paints with it).
    for (const k of this.recent.keys()) {
      if (this.recent.size <= RECENT_VIEWS) break
      if (k !== 'reference') this.recent.delete(k)
    }
  }

  private scopeGate: { promise: Promise<string | null>; resolve: (s: string | null) => void; settled: boolean } | null = null

  /**
   * From now on the cache opens only once `setScope` has said whose it is (the app calls this at start; a
   * cache of another practice, or one without a scope, is wiped before anything reads it).
   */
  requireScope(): void {
    if (this.scopeGate) return
    let resolve!: (s: string | null) => void
    const promise = new Promise<string | null>((ok) => (resolve = ok))
    this.scopeGate = { promise, resolve, settled: false }
  }

  /**
   * The connected practice (`cacheScope(…)`), or null when none is: the cache then holds nothing. Called when
   * the session is known and each time it changes; a different scope wipes every table first.
   */
  async setScope(scope: string | null): Promise<void> {
    this.closedForWrites = scope === null
    const gate = this.scopeGate
    if (gate && !gate.settled) {
      gate.settled = true
      gate.resolve(scope)
      if (!this.isOpen()) return
    } else if (gate) {
      this.scopeGate = { promise: Promise.resolve(scope), resolve: () => undefined, settled: true }
      if (!this.isOpen()) return
    }
    await applyScope(this, scope)
  }

  /** The practice this cache holds, null when it holds none. */
  async currentScope(): Promise<string | null> {
    return (await this.meta.get(SCOPE_KEY))?.scope ?? null
  }

  async storeReference(ref: { chairs: Chair[]; colors: Color[]; operators: Operator[] }, now = Date.now()): Promise<void> {
    const row: ViewRow = { key: 'reference', chairs: ref.chairs, colors: ref.colors, operators: ref.operators, syncedAt: now }
    this.viewWrites++
    await this.transaction('rw', [this.chairs, this.colors, this.operators, this.meta, this.views], async () => {
      await Promise.all([this.chairs.clear(), this.colors.clear(), this.operators.clear()])
      await this.views.put(row)
      await this.chairs.bulkPut(ref.chairs.map((c) => ({ ...c, syncedAt: now })))
      await this.colors.bulkPut(ref.colors.map((c) => ({ ...c, syncedAt: now })))
      await this.operators.bulkPut(ref.operators.map((o) => ({ ...o, syncedAt: now })))
      await this.meta.put({ key: metaKeys.reference, syncedAt: now })
    })
    this.remember(row)
  }

  async readReference(): Promise<{ chairs: Chair[]; colors: Color[]; operators: Operator[]; syncedAt: number | null }> {
    const [chairs, colors, operators, meta] = await Promise.all([
      this.chairs.toArray(),
      this.colors.toArray(),
      this.operators.toArray(),
      this.meta.get(metaKeys.reference),
    ])
    return { chairs, colors, operators, syncedAt: meta?.syncedAt ?? null }
  }

  /** Replaces the day's appointments with what the server just returned (so deleted ones disappear). */
  async storeDay(day: IsoDate, appointments: Appointment[], now = Date.now()): Promise<void> {
    const rows: CachedAppointment[] = appointments.map((a) => ({ ...a, day: dayOf(a) ?? day, syncedAt: now }))
    await this.transaction('rw', [this.appointments, this.meta], async () => {
      await this.appointments.where('day').equals(day).delete()
      await this.appointments.bulkPut(rows)
      await this.meta.put({ key: metaKeys.day(day), syncedAt: now })
    })
  }

  async readDay(day: IsoDate): Promise<{ appointments: CachedAppointment[]; syncedAt: number | null }> {
    const [appointments, meta] = await Promise.all([this.appointments.where('day').equals(day).toArray(), this.meta.get(metaKeys.day(day))])
    return { appointments, syncedAt: meta?.syncedAt ?? null }
  }

  /** The day as it is painted: its appointments and the patients among `known` they name. */
  async storeDayView(day: IsoDate, appointments: Appointment[], known: ReadonlyMap<number, Patient>, syncedAt = Date.now()): Promise<void> {
    const ids = new Set(appointments.map((a) => a.patientId).filter((id): id is number => id != null))
    const patients = [...ids].map((id) => known.get(id)).filter((p): p is Patient => p !== undefined)
    const row: ViewRow = { key: metaKeys.day(day) as `day:${string}`, appointments, patients, syncedAt }
    this.viewWrites++
    await this.views.put(row)
    this.remember(row)
  }

  async storePatients(patients: Patient[], now = Date.now()): Promise<void> {
    await this.patients.bulkPut(patients.map((p) => ({ ...p, syncedAt: now })))
  }

  async readPatients(ids: number[]): Promise<Patient[]> {
    const rows = await this.patients.bulkGet(ids)
    return rows.filter((p): p is PatientRow => p !== undefined)
  }

  /** Forget everything: used on disconnect. The app's cache then takes no new rows until `setScope` names a practice. */
  async wipe(): Promise<void> {
    if (this.scopeGate) this.closedForWrites = true
    this.forgetRecentViews()
    await this.transaction('rw', this.tables, async () => {
      await Promise.all(this.tables.map((t) => t.clear()))
    })
    this.forgetRecentViews()
  }
}

/** Wipes every table unless the cache is `scope`'s already, then marks it as `scope`'s (none: left empty). */
async function applyScope(db: SportelloDb, scope: string | null): Promise<void> {
  let cleared = false
  await db.transaction('rw', db.tables, async () => {
    const row = await db.meta.get(SCOPE_KEY)
    if (scope !== null && row?.scope === scope) return
    cleared = true
    await Promise.all(db.tables.map((t) => t.clear()))
    if (scope !== null) await db.meta.put({ key: SCOPE_KEY, scope, syncedAt: Date.now() })
  })
  if (cleared) db.forgetRecentViews()
}

/** The practice-local day an appointment falls on, from its wall-time `date`. */
export function dayOf(a: Pick<Appointment, 'date'>): IsoDate | null {
  return parseWall(a.date)?.date ?? null
}

export const db = new SportelloDb()
