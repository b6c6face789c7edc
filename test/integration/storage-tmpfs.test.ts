import { execFileSync } from 'node:child_process'
import { mkdtemp, open, readdir, rm, rmdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { WaitingStore } from '../../electron/main/services/agenda/waiting-store'
import { JOURNAL_FILE, PaymentJournal } from '../../electron/main/services/billing/journal'
import { paymentEntry } from '../support/payment-entry'

// The same disk faults as the injected-fs unit tests, on a real file system: a 64 KiB tmpfs filled up
// (ENOSPC from the kernel) and remounted read-only (EROFS). Needs root and mount(8): elsewhere the file is
// skipped, loudly; under CI=true as root it must run (CI is root on this kind of machine, where mount works).

const mountDir = await mkdtemp(join(tmpdir(), 'sportello-tmpfs-'))
const mounted = (() => {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k,mode=0700', 'tmpfs', mountDir], { stdio: 'pipe' })
    return true
  } catch (e) {
    const why = (e as { stderr?: Buffer }).stderr?.toString().trim() || (e as Error).message
    if (process.env.CI === 'true' && process.getuid?.() === 0)
      throw new Error(`CI runs as root and must be able to mount a tmpfs: ${why}`, { cause: e })
    console.warn(`[storage-tmpfs] SKIPPED: cannot mount a tmpfs here (${why}); the injected-fs unit tests cover the same faults`)
    return false
  }
})()

const mount = (...args: string[]) => execFileSync('mount', args, { stdio: 'pipe' })

const entry = (key: string, liabilityId: number) => paymentEntry(key, { liabilityId, state: 'posting' })

/** Fills the file system until the kernel says ENOSPC. */
async function fill(path: string): Promise<void> {
  const fh = await open(path, 'w')
  try {
    for (;;) await fh.write(Buffer.alloc(4096, 1))
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e
  } finally {
    await fh.close()
  }
}

const keys = async (j: PaymentJournal) => (await j.all()).map((e) => e.key).sort()

afterAll(async () => {
  if (mounted) execFileSync('umount', [mountDir], { stdio: 'pipe' })
  await rmdir(mountDir).catch(() => undefined)
})

describe.skipIf(!mounted)('main’s own files on a real tmpfs', () => {
  it('a full disk: the journal and the waiting store refuse as storage (ENOSPC), keep nothing, and work again once there is room', async () => {
    const dir = join(mountDir, 'full')
    const j = new PaymentJournal(dir)
    await j.put(entry('a', 1))
    const waiting = new WaitingStore(join(dir, 'agenda-waiting.json'), () => 1_000_000)
    await waiting.record(1, true)
    const filler = join(mountDir, 'filler')
    await fill(filler)

    await expect(j.put(entry('refused', 2))).rejects.toMatchObject({
      kind: 'storage',
      code: 'journal-write-failed',
      detail: expect.stringContaining('ENOSPC'),
    })
    expect(await keys(j)).toEqual(['a'])
    await expect(waiting.record(2, true, 1_000_000)).rejects.toMatchObject({ kind: 'storage', detail: expect.stringContaining('ENOSPC') })
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([])

    await rm(filler)
    await j.put(entry('b', 3))
    await waiting.record(3, true, 1_000_000)
    expect(await keys(new PaymentJournal(dir))).toEqual(['a', 'b'])
    expect(await new WaitingStore(join(dir, 'agenda-waiting.json'), () => 1_000_000).get([1, 2, 3])).toHaveLength(2)
  })

  it('a read-only data folder: refused as storage (EROFS), nothing kept; writable again, writes go on', async () => {
    const dir = join(mountDir, 'ro')
    const j = new PaymentJournal(dir)
    await j.put(entry('a', 1))
    mount('-o', 'remount,ro', mountDir)
    try {
      await expect(j.put(entry('refused', 2))).rejects.toMatchObject({
        kind: 'storage',
        code: 'journal-write-failed',
        detail: expect.stringContaining('EROFS'),
      })
      expect(await keys(j)).toEqual(['a'])
      expect(await keys(new PaymentJournal(dir))).toEqual(['a'])
    } finally {
      mount('-o', 'remount,rw', mountDir)
    }
    await j.put(entry('b', 3))
    expect(await keys(new PaymentJournal(dir))).toEqual(['a', 'b'])
    expect(await readdir(dir)).toEqual([JOURNAL_FILE])
  })
})
