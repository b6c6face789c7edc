import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { SportelloDb, cacheScope } from '../../../../../renderer/src/cache/db'
import { readCached, storeCached } from '../../../../../renderer/src/cache/reads'
import { searchCachedPatients } from '../../../../../renderer/src/features/patients/patient-cache'
import { parsePatientQuery } from '../../../../../shared/patients/query'
import { appt, patient } from './fixtures'

// The cache is one practice's patient data: what was written for practice A is never read for practice B,
// neither by a page that opens the cache for B nor by one that switches to B while it is open.

const A = cacheScope({ mode: 'practice', practiceId: 11, archiveId: 1 })
const B = cacheScope({ mode: 'practice', practiceId: 22, archiveId: 1 })
let n = 0
const opened: SportelloDb[] = []
const open = (name: string) => {
  const db = new SportelloDb(name)
  opened.push(db)
  return db
}
// As a page of the app opens it: reads wait until the scope is set.
const openScoped = (name: string) => {
  const db = open(name)
  db.requireScope()
  return db
}

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete()
})

async function fillFor(db: SportelloDb) {
  await db.storeDay('2026-03-11', [appt(1, '2026-03-11 09:00:00', 7)], 1000)
  await db.storePatients([patient(7, 'Rossi')], 1000)
  await db.reads.put({ key: 'billing:bill:5', value: { id: 5 }, syncedAt: 1000 })
}

describe('cache scope', () => {
  it('a cache written for practice A is wiped before a page opened for practice B reads it', async () => {
    const name = `scope-${++n}`
    const a = openScoped(name)
    void a.setScope(A)
    await fillFor(a)
    expect(await a.currentScope()).toBe(A)
    a.close()

    // A new page (a reload, a restart) connected to B: the first read waits for the scope and finds nothing of A.
    const b = openScoped(name)
    const reads = Promise.all([b.patients.count(), b.appointments.count(), b.reads.get('billing:bill:5')])
    await b.setScope(B)
    expect(await reads).toEqual([0, 0, undefined])
    expect(await b.currentScope()).toBe(B)
  })

  it('nothing is read before the scope is known', async () => {
    const db = openScoped(`scope-${++n}`)
    let answered = false
    const count = db.patients.count().then((c) => ((answered = true), c))
    await new Promise((r) => setTimeout(r, 50))
    expect(answered).toBe(false)
    await db.setScope(A)
    expect(await count).toBe(0)
  })

  it('the same practice keeps its cache across pages', async () => {
    const name = `scope-${++n}`
    const a = openScoped(name)
    await a.setScope(A)
    await fillFor(a)
    a.close()
    const again = openScoped(name)
    await again.setScope(A)
    expect(await again.patients.count()).toBe(1)
    expect((await again.readDay('2026-03-11')).appointments.map((x) => x.id)).toEqual([1])
  })

  it('switching to B while open wipes every table and the search index; no scope (disconnected) holds nothing', async () => {
    const db = openScoped(`scope-${++n}`)
    await db.setScope(A)
    await fillFor(db)
    expect((await searchCachedPatients(db.patients, parsePatientQuery('rossi'), 0, 20)).total).toBe(1)

    await db.setScope(B)
    for (const t of db.tables) expect([t.name, await t.count()]).toEqual([t.name, t.name === 'meta' ? 1 : 0])
    expect((await searchCachedPatients(db.patients, parsePatientQuery('rossi'), 0, 20)).total).toBe(0)

    await fillFor(db)
    await db.setScope(null)
    for (const t of db.tables) expect([t.name, await t.count()]).toEqual([t.name, 0])
  })

  it('after the wipe of a disconnect, an answer still on its way writes nothing until a practice is connected', async () => {
    const db = openScoped(`scope-${++n}`)
    await db.setScope(A)
    await fillFor(db)
    await db.wipe()
    // What the previous practice's answers would still store: refused, the cache stays empty.
    await expect(db.storePatients([patient(8, 'Bianchi')], 2000)).rejects.toThrow(/holds no practice/)
    await expect(db.reads.put({ key: 'billing:bill:6', value: { id: 6 }, syncedAt: 2000 })).rejects.toThrow(/holds no practice/)
    expect(await Promise.all(db.tables.map((t) => t.count()))).toEqual(db.tables.map(() => 0))
    await db.setScope(null)
    await expect(db.storeDay('2026-03-11', [appt(2, '2026-03-11 10:00:00', 7)], 2000)).rejects.toThrow(/holds no practice/)
    // Connected again: the cache fills as before.
    await db.setScope(B)
    await fillFor(db)
    expect(await db.patients.count()).toBe(1)
    expect(await db.currentScope()).toBe(B)
  })

  it('a cache of unknown owner (written before scopes existed) is wiped on open', async () => {
    const name = `scope-${++n}`
    const old = open(name)
    await fillFor(old)
    old.close()
    const db = openScoped(name)
    await db.setScope(A)
    expect(await db.patients.count()).toBe(0)
  })

  it('the reads cache of the default database follows the same scope', async () => {
    const { db } = await import('../../../../../renderer/src/cache/db')
    await db.setScope(A)
    await storeCached('patients:patient:7', { id: 7 }, 1000)
    expect(await readCached('patients:patient:7')).toEqual({ value: { id: 7 }, syncedAt: 1000 })
    await db.setScope(B)
    expect(await readCached('patients:patient:7')).toBeNull()
    await db.wipe()
  })

  // The first paint's read (readViewsEarly) goes to IndexedDB while main is still asked whose session this is.
  describe('the view rows read as the cache opens', () => {
    const keys = ['reference', 'day:2026-03-11']
    async function viewsFor(name: string, scope: string) {
      const db = openScoped(name)
      void db.setScope(scope)
      await db.storeDayView('2026-03-11', [appt(1, '2026-03-11 09:00:00', 7)], new Map([[7, patient(7, 'Rossi')]]), 1000)
      await db.storeReference({ chairs: [{ id: 1, name: 'Poltrona 1', deleted: false }], colors: [], operators: [] })
      db.close()
    }
    /** A page's database that notes every read of the views table, as IndexedDB is asked for it. */
    function watched(name: string) {
      const db = openScoped(name)
      const log: string[] = []
      db.use({
        stack: 'dbcore',
        name: 'log-views-reads',
        create: (down) => ({
          ...down,
          table: (t) => {
            const table = down.table(t)
            return t === 'views' ? { ...table, getMany: (req) => (log.push('views read'), table.getMany(req)) } : table
          },
        }),
      })
      return { db, log }
    }
    const dayIds = (rows: Awaited<ReturnType<SportelloDb['readViews']>>) =>
      rows.map((r) => (r && 'appointments' in r ? r.appointments.map((a) => a.id) : r?.key))

    it('reads them before the scope is known and hands them out once it is, when the cache is that practice’s', async () => {
      const name = `scope-${++n}`
      await viewsFor(name, A)
      const { db, log } = watched(name)
      let answered = false
      const rows = db.readViewsEarly(keys).then((r) => ((answered = true), r))
      await vi.waitFor(() => expect(log).toEqual(['views read']))
      expect(answered).toBe(false)
      await db.setScope(A)
      expect(dayIds(await rows)).toEqual(['reference', [1]])
      // Kept in memory as read: a day switch paints from there.
      expect(dayIds(db.recentViews(keys)!)).toEqual(['reference', [1]])
    })

    it('never hands out another practice’s rows: the cache is wiped and read again', async () => {
      const name = `scope-${++n}`
      await viewsFor(name, A)
      const { db, log } = watched(name)
      const rows = db.readViewsEarly(keys)
      await vi.waitFor(() => expect(log).toEqual(['views read']))
      await db.setScope(B)
      expect(await rows).toEqual([undefined, undefined])
      expect(log).toEqual(['views read', 'views read'])
      expect(db.recentViews(keys)).toBeNull()
    })

    it('gives nothing when no practice is connected', async () => {
      const name = `scope-${++n}`
      await viewsFor(name, A)
      const { db } = watched(name)
      const rows = db.readViewsEarly(keys)
      await db.setScope(null)
      expect(await rows).toEqual([undefined, undefined])
    })

    it('asked once the cache is open, is the ordinary read', async () => {
      const name = `scope-${++n}`
      await viewsFor(name, A)
      const { db, log } = watched(name)
      await db.setScope(A)
      await db.open()
      expect(dayIds(await db.readViewsEarly(keys))).toEqual(['reference', [1]])
      expect(log).toEqual(['views read'])
    })
  })
})
