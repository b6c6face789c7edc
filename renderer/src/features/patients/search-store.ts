import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { Patient } from '../../../../shared/alfadocs/schemas'
import type { ErrorData } from '../../../../shared/contract'
import { parsePatientQuery, type PatientQuery } from '../../../../shared/patients/query'
import { patientSearchKeys } from '../../../../shared/patients/search-keys'
import { call, toApiError } from '../../api'
import { db } from '../../cache/db'
import { searchCachedPatients, warmPatientIndex } from './patient-cache'

const PAGE = 20
// Only AlfaDocs is debounced: the cache lookup is a few milliseconds (memory index + one bulkGet), so every
// keystroke gets its cached results at once (issue #4: ≤ 50 ms from keystroke to results on screen).
const SERVER_DEBOUNCE_MS = 300
const FILL_KEY = 'patients:filled'
const FILL_PAGE = 100
const FILL_MAX = 50_000
// Enough pages on their way to cover one answer's latency at the request budget (10 a second).
const FILL_IN_FLIGHT = 4
const FILL_WRITE_ROWS = 500

const byName = (a: Patient, b: Patient) => {
  const ka = patientSearchKeys(a)
  const kb = patientSearchKeys(b)
  return ka.sLast < kb.sLast ? -1 : ka.sLast > kb.sLast ? 1 : ka.sFirst < kb.sFirst ? -1 : ka.sFirst > kb.sFirst ? 1 : a.id - b.id
}

/** The search box: cache first (instant), then AlfaDocs; stale answers are dropped. */
export const usePatientSearch = defineStore('patients-search', () => {
  const text = ref('')
  const query = ref<PatientQuery>({ kind: 'empty' })
  const results = ref<Patient[]>([])
  const total = ref(0)
  const page = ref(1)
  const source = ref<'none' | 'cache' | 'server'>('none')
  const loading = ref(false)
  /** Why AlfaDocs did not answer the last query, as data (the view words it). */
  const error = shallowRef<ErrorData | null>(null)
  let seq = 0
  /** Bumped by reset(): nothing asked for the practice we left is written into the cache afterwards. */
  let generation = 0
  /** The query (seq) AlfaDocs last answered: its list is not replaced by the cache's. */
  let serverSeq = -1
  /** The query (seq) whose cached results are on screen. */
  let cacheSeq = -1
  let serverTimer: ReturnType<typeof setTimeout> | undefined
  let filling = false

  function setText(v: string) {
    text.value = v
    page.value = 1
    schedule()
  }

  function setPage(p: number) {
    page.value = p
    schedule(0)
  }

  function schedule(serverDelay = SERVER_DEBOUNCE_MS) {
    const my = ++seq
    query.value = parsePatientQuery(text.value)
    clearTimeout(serverTimer)
    error.value = null
    if (query.value.kind === 'empty') {
      results.value = []
      total.value = 0
      source.value = 'none'
      loading.value = false
      return
    }
    loading.value = true
    void fromCache(my)
    serverTimer = setTimeout(() => void fromServer(my), serverDelay)
  }

  async function fromCache(my: number) {
    try {
      const r = await searchCachedPatients(db.patients, query.value, (page.value - 1) * PAGE, PAGE)
      if (my !== seq || serverSeq === my) return
      if (r.total > 0 || results.value.length === 0) {
        results.value = r.results
        total.value = r.total
        source.value = 'cache'
        cacheSeq = my
      }
    } catch {
      // The cache is a shortcut; AlfaDocs answers anyway.
    }
  }

  async function fromServer(my: number) {
    const asked = text.value
    const gen = generation
    try {
      const r = await call('patientsSearch', { text: asked, offset: (page.value - 1) * PAGE, limit: PAGE })
      if (gen !== generation) return
      void db.storePatients(r.results).catch(() => undefined)
      if (my !== seq) return
      serverSeq = my
      // AlfaDocs matches phone numbers whole: for a number typed in part it finds nobody, the cache does.
      if (r.total === 0 && cacheSeq === my && results.value.length > 0) return
      // The same order as the cache's, so the list does not reshuffle when AlfaDocs answers.
      results.value = [...r.results].sort(byName)
      total.value = r.total
      source.value = 'server'
    } catch (e) {
      if (my !== seq) return
      error.value = toApiError(e).toData()
    } finally {
      if (my === seq) loading.value = false
    }
  }

  /**
   * Fills the patient cache 100 at a time in the background, once a day. The first page says how many there
   * are; the others are asked FILL_IN_FLIGHT at a time as 'bulk' work (main's limiter paces them at the
   * request budget, and serves what a desk is waiting for first), each stored as it comes.
   */
  async function fillCache() {
    void warmPatientIndex(db.patients).catch(() => undefined)
    if (filling) return
    filling = true
    const gen = generation
    try {
      const meta = await db.meta.get(FILL_KEY)
      if (meta && Date.now() - meta.syncedAt < 24 * 3600_000) return
      const page = (offset: number) => call('patientsSearch', { text: '', offset, limit: FILL_PAGE, bulk: true })
      const first = await page(0)
      if (gen !== generation) return
      // Pages are written a few at a time, one write after the other: fewer IndexedDB transactions, and the
      // page's thread stays free to send the next requests while one is written.
      let failed: unknown = null
      let pending: Patient[] = []
      let writing = Promise.resolve()
      const flush = () => {
        const rows = pending
        pending = []
        // Nothing asked for the practice we left is written after reset() (the wipe may already have run).
        if (rows.length > 0)
          writing = writing.then(() => (gen === generation ? db.storePatients(rows) : undefined)).catch((e: unknown) => void (failed ??= e))
      }
      const store = (rows: Patient[]) => {
        pending.push(...rows)
        if (pending.length >= FILL_WRITE_ROWS) flush()
      }
      store(first.results)
      flush()
      const step = first.results.length
      const offsets: number[] = []
      for (let o = step; step > 0 && o < Math.min(first.total, FILL_MAX); o += step) offsets.push(o)
      let next = 0
      const worker = async () => {
        while (next < offsets.length && gen === generation) {
          const r = await page(offsets[next++]!)
          if (gen !== generation) return
          store(r.results)
        }
      }
      await Promise.all(Array.from({ length: FILL_IN_FLIGHT }, worker))
      flush()
      await writing
      if (failed) throw failed
      if (gen === generation) await db.meta.put({ key: FILL_KEY, syncedAt: Date.now() })
    } catch {
      // Offline or not connected: try again next time.
    } finally {
      if (gen === generation) filling = false
    }
  }

  /** Forgets the search and stops the background fill (disconnect): nothing of the old practice stays. */
  function reset() {
    generation++
    seq++
    serverSeq = cacheSeq = -1
    clearTimeout(serverTimer)
    filling = false
    text.value = ''
    query.value = { kind: 'empty' }
    results.value = []
    total.value = 0
    page.value = 1
    source.value = 'none'
    loading.value = false
    error.value = null
  }

  return { text, query, results, total, page, pageSize: PAGE, source, loading, error, setText, setPage, fillCache, reset }
})
