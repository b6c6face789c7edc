import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SportelloDb } from '../../../../../renderer/src/cache/db'
import { keepTrimmed } from '../../../../../renderer/src/cache/keeper'
import { appt } from './fixtures'

// The start's trim writes across every table: it waits for the screen's first paint (IndexedDB would hold the
// first read of the day behind it), then runs.

const daysLeft = (db: SportelloDb) => db.appointments.count()
const gate = () => {
  let open!: () => void
  const p = new Promise<void>((ok) => (open = ok))
  return { p, open }
}
/** Long enough for a trim that wrongly started to have landed (fake-indexeddb runs on timers). */
const settle = () => new Promise((r) => setTimeout(r, 50))

describe('keepTrimmed', () => {
  let db: SportelloDb
  let n = 0
  beforeEach(async () => {
    db = new SportelloDb(`keeper-${++n}`)
    await db.setScope('1-1')
    await db.storeDay('2020-01-02', [appt(1, '2020-01-02 09:00:00', 7)], Date.now())
  })
  afterEach(async () => {
    await db.delete()
  })

  it('trims nothing before the first paint, and the old days once it comes', async () => {
    const painted = gate()
    const stop = keepTrimmed(db, () => 90, painted.p)
    await settle()
    expect(await daysLeft(db)).toBe(1)
    painted.open()
    await expect.poll(() => daysLeft(db), { timeout: 10_000 }).toBe(0)
    stop()
  })

  it('stopped before the first paint (the practice disconnected), it never trims', async () => {
    const painted = gate()
    const stop = keepTrimmed(db, () => 90, painted.p)
    stop()
    painted.open()
    await settle()
    expect(await daysLeft(db)).toBe(1)
  })
})
