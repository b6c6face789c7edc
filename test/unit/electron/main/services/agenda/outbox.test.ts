import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { AlfaDocsClient } from '../../../../../../electron/main/alfadocs/client'
import { AgendaService, OFFLINE_WRITE_CODE } from '../../../../../../electron/main/services/agenda/agenda-service'
import { AgendaOutbox, OUTBOX_CODES, type PracticeRef } from '../../../../../../electron/main/services/agenda/outbox'
import { WaitingStore } from '../../../../../../electron/main/services/agenda/waiting-store'
import type { Sandbox } from '../../../../../../electron/sandbox'
import { FaultyFs } from '../../../../../support/faulty-fs'
import { freshTempFile } from '../../../../../support/temp-file'
import { fastClient, startFastSandbox, TODAY } from '../../../../../integration/payments-fixtures'

// The offline outbox on the real sandbox (loopback HTTP): "offline" is a client pointed at a port where
// nothing listens; the file is real (faults injected through FaultyFs).

let sb: Sandbox
let online: AlfaDocsClient
let offline: AlfaDocsClient
let dir: string
let file: string
let client: AlfaDocsClient
let practice: PracticeRef

beforeAll(async () => {
  ;({ sb, client: online } = await startFastSandbox())
  offline = fastClient({ baseUrl: 'http://127.0.0.1:9/api/v1', apiKey: sb.apiKey })
  practice = { practiceId: sb.practiceId, archiveId: sb.archiveId }
})
afterAll(async () => {
  await sb?.close()
})
beforeEach(async () => {
  ;({ dir, file } = await freshTempFile('outbox-', 'agenda-outbox.json'))
  client = offline
  sb.requestLog.length = 0
})
afterEach(() => rm(dir, { recursive: true, force: true }))

const waitingStore = () => new WaitingStore(join(dir, 'agenda-waiting.json'))
const outbox = (o: { fs?: FaultyFs; practice?: () => Promise<PracticeRef>; waiting?: WaitingStore } = {}) =>
  new AgendaOutbox({
    path: file,
    client: async () => client,
    practice: o.practice ?? (async () => practice),
    waiting: o.waiting ?? waitingStore(),
    ...(o.fs ? { fs: o.fs } : {}),
  })

/** Confirmed appointments of the sandbox's today, distinct each call. */
let taken = 0
const confirmed = () => {
  const a = sb.state.appointments.filter((x) => x.state === 'confirmed' && x.date.startsWith(TODAY) && !x.allDay)[taken++]
  if (!a) throw new Error('no confirmed appointment left')
  return a
}
/** What the desk saw of a sandbox appointment, for agendaUpdate (id and the compared fields it needs). */
const seenOfSandbox = (a: { id: number; date: string; duration: unknown; state: string }) => ({
  id: a.id,
  date: a.date,
  duration: Number(a.duration),
  state: a.state,
})
const seen = (a: { state: string; date: string }) => ({ state: a.state as 'confirmed', date: a.date })
const updatesOf = (id: number) => sb.requestLog.filter((r) => r.route === 'appointmentUpdate' && r.path.endsWith(`/appointments/${id}`))
const updateOrder = () =>
  sb.requestLog.filter((r) => r.route === 'appointmentUpdate').map((r) => Number(/\/appointments\/(\d+)$/.exec(r.path)?.[1]))

describe('agenda outbox', { timeout: 30_000 }, () => {
  it('sends queued changes in the order they were queued, each once, then is empty', async () => {
    const [a, b, c] = [confirmed(), confirmed(), confirmed()]
    const box = outbox()
    await box.enqueue({ appointmentId: b.id, state: 'waiting', at: 1, seen: seen(b) })
    await box.enqueue({ appointmentId: a.id, state: 'in_care', at: 2, seen: seen(a) })
    await box.enqueue({ appointmentId: c.id, state: 'absent', at: 3, seen: seen(c) })
    // Offline: nothing leaves, nothing is lost.
    await box.flush()
    expect((await box.list()).pending.map((e) => e.appointmentId)).toEqual([b.id, a.id, c.id])
    client = online
    await box.flush()
    expect(updateOrder()).toEqual([b.id, a.id, c.id])
    expect([b, a, c].map((x) => sb.state.appointments.find((y) => y.id === x.id)?.state)).toEqual(['waiting', 'in_care', 'absent'])
    expect(await box.list()).toEqual({ pending: [], refused: [] })
    await box.flush()
    expect(updateOrder()).toHaveLength(3)
  })

  it('two changes of one appointment are one entry at the place of the first, sending only the last; back to the seen state drops it', async () => {
    const [a, b, c] = [confirmed(), confirmed(), confirmed()]
    const box = outbox()
    await box.enqueue({ appointmentId: a.id, state: 'waiting', at: 1, seen: seen(a) })
    await box.enqueue({ appointmentId: b.id, state: 'waiting', at: 2, seen: seen(b) })
    await box.enqueue({ appointmentId: a.id, state: 'in_care', at: 3, seen: { state: 'waiting', date: a.date } })
    await box.enqueue({ appointmentId: c.id, state: 'absent', at: 4, seen: seen(c) })
    await box.enqueue({ appointmentId: c.id, state: 'confirmed', at: 5, seen: { state: 'absent', date: c.date } })
    const { pending } = await box.list()
    expect(pending.map((e) => [e.appointmentId, e.state])).toEqual([
      [a.id, 'in_care'],
      [b.id, 'waiting'],
    ])
    // The conflict check is against what the desk saw before the first change.
    expect(pending[0]!.seen?.state).toBe('confirmed')
    client = online
    await box.flush()
    expect(updateOrder()).toEqual([a.id, b.id])
    expect(updatesOf(c.id)).toHaveLength(0)
    expect(sb.state.appointments.find((x) => x.id === a.id)?.state).toBe('in_care')
  })

  it('a change another desk overtook is refused (rolled back with the current appointment), the next ones still go; acknowledged refusals are forgotten', async () => {
    const [a, b] = [confirmed(), confirmed()]
    const box = outbox()
    await box.enqueue({ appointmentId: a.id, state: 'waiting', at: 1, seen: seen(a) })
    await box.enqueue({ appointmentId: b.id, state: 'done', at: 2, seen: seen(b) })
    // Another desk marks `a` absent while this one is offline.
    sb.state.appointments.find((x) => x.id === a.id)!.state = 'absent'
    client = online
    await box.flush()
    const { pending, refused } = await box.list()
    expect(pending).toEqual([])
    expect(refused).toHaveLength(1)
    expect(refused[0]).toMatchObject({ appointmentId: a.id, state: 'waiting', error: { kind: 'conflict', code: OUTBOX_CODES.changed } })
    expect(refused[0]!.current?.state).toBe('absent')
    expect(updatesOf(a.id)).toHaveLength(0)
    expect(sb.state.appointments.find((x) => x.id === a.id)?.state).toBe('absent')
    expect(sb.state.appointments.find((x) => x.id === b.id)?.state).toBe('done')
    await box.acknowledge([refused[0]!.key])
    expect(await box.list()).toEqual({ pending: [], refused: [] })
  })

  it('a deleted appointment is refused as gone; a move within the day is not undone', async () => {
    const [a, b] = [confirmed(), confirmed()]
    const box = outbox()
    await box.enqueue({ appointmentId: 99_999_999, state: 'waiting', at: 1, seen: { state: 'confirmed', date: `${TODAY} 09:00:00` } })
    await box.enqueue({ appointmentId: a.id, state: 'waiting', at: 2, seen: seen(a) })
    const moved = `${TODAY} 18:45:00`
    sb.state.appointments.find((x) => x.id === a.id)!.date = moved
    client = online
    await box.flush()
    const { refused } = await box.list()
    expect(refused.map((r) => [r.appointmentId, r.error.code])).toEqual([[99_999_999, OUTBOX_CODES.gone]])
    const now = sb.state.appointments.find((x) => x.id === a.id)!
    expect(now).toMatchObject({ state: 'waiting', date: moved })
    void b
  })

  it('a 500 keeps the change queued (not refused) and the next flush sends it', async () => {
    const a = confirmed()
    const box = outbox()
    await box.enqueue({ appointmentId: a.id, state: 'in_care', at: 1, seen: seen(a) })
    client = online
    sb.faults.failNext('appointmentGet', 10, { status: 500 })
    await box.flush()
    expect((await box.list()).pending.map((e) => e.appointmentId)).toEqual([a.id])
    expect((await box.list()).refused).toEqual([])
    sb.faults.clear()
    await box.flush()
    expect(await box.list()).toEqual({ pending: [], refused: [] })
    expect(sb.state.appointments.find((x) => x.id === a.id)?.state).toBe('in_care')
  })

  it('survives a restart: a new outbox on the same file sends what the first queued', async () => {
    const a = confirmed()
    await outbox().enqueue({ appointmentId: a.id, state: 'waiting', at: 7, seen: seen(a) })
    const raw = JSON.parse(await readFile(file, 'utf8')) as { pending: unknown[] }
    expect(raw.pending).toHaveLength(1)
    const again = outbox()
    expect((await again.list()).pending).toMatchObject([{ appointmentId: a.id, state: 'waiting', at: 7 }])
    client = online
    await again.flush()
    expect(updatesOf(a.id)).toHaveLength(1)
    expect(await outbox().list()).toEqual({ pending: [], refused: [] })
  })

  it("a disk that refuses the write: the change is refused as 'storage' and nothing is queued; healed, the next one is", async () => {
    const [a, b] = [confirmed(), confirmed()]
    const fs = new FaultyFs()
    const box = outbox({ fs })
    fs.full()
    await expect(box.enqueue({ appointmentId: a.id, state: 'waiting', at: 1, seen: seen(a) })).rejects.toMatchObject({
      kind: 'storage',
      code: OUTBOX_CODES.write,
      detail: expect.stringContaining('agenda-outbox.json'),
    })
    expect((await box.list()).pending).toEqual([])
    fs.heal()
    await box.enqueue({ appointmentId: b.id, state: 'waiting', at: 2, seen: seen(b) })
    expect((await outbox().list()).pending.map((e) => e.appointmentId)).toEqual([b.id])
  })

  it("another practice's entries are neither listed nor sent; clear forgets them all", async () => {
    const a = confirmed()
    const other = { practiceId: practice.practiceId + 1, archiveId: practice.archiveId }
    await outbox({ practice: async () => other }).enqueue({ appointmentId: a.id, state: 'waiting', at: 1, seen: seen(a) })
    const box = outbox()
    expect(await box.list()).toEqual({ pending: [], refused: [] })
    client = online
    await box.flush()
    expect(updatesOf(a.id)).toHaveLength(0)
    const theirs = outbox({ practice: async () => other })
    expect((await theirs.list()).pending).toHaveLength(1)
    await box.clear()
    expect((await outbox({ practice: async () => other }).list()).pending).toHaveLength(0)
  })

  it('a clear does not wait for a flush under way, and that flush sends and writes nothing of what was cleared', async () => {
    const a = confirmed()
    const waiting = waitingStore()
    await outbox({ waiting }).enqueue({ appointmentId: a.id, state: 'waiting', at: 1, seen: seen(a) })
    // The flush waits for its practice (as it waits for the session that is disconnecting, in the app).
    let give!: () => void
    const asked = new Promise<void>((r) => (give = r))
    const box = outbox({ waiting, practice: () => asked.then(() => practice) })
    client = online
    const flushing = box.flush()
    await box.clear()
    give()
    await flushing
    expect(updatesOf(a.id)).toHaveLength(0)
    expect(await box.list()).toEqual({ pending: [], refused: [] })
  })
})

describe('agenda service offline', { timeout: 30_000 }, () => {
  const service = (isOffline: () => boolean) => {
    const waiting = waitingStore()
    return new AgendaService({ client: async () => client, waiting, outbox: outbox({ waiting }), offline: isOffline })
  }

  it('a state change without an answer is queued (with its waiting mark); later ones queue behind it even online, then all go in order', async () => {
    const [a, b] = [confirmed(), confirmed()]
    let down = true
    const svc = service(() => down)
    const at = Date.now()
    const r = await svc.setState(a.id, 'waiting', at, seen(a))
    expect(r).toEqual({ appointment: null, waiting: { appointmentId: a.id, since: at }, queued: true })
    // Connectivity still says online but AlfaDocs does not answer: queued too.
    down = false
    const r2 = await svc.setState(b.id, 'in_care', at + 1, seen(b))
    expect(r2.queued).toBe(true)
    client = online
    await svc.outbox.flush()
    const r3 = await svc.setState(b.id, 'done', at + 2, { state: 'in_care', date: b.date })
    expect(r3.queued).toBe(false)
    expect(r3.appointment?.state).toBe('done')
    expect(updateOrder()).toEqual([a.id, b.id, b.id])
    expect((await svc.outboxState([])).pending).toEqual([])
  })

  it('booking, moving and cancelling are refused offline with the offline-write code, nothing queued', async () => {
    const a = confirmed()
    const svc = service(() => true)
    await expect(svc.update(seenOfSandbox(a), { duration: 45 }, false)).rejects.toMatchObject({ kind: 'offline', code: OFFLINE_WRITE_CODE })
    await expect(svc.create({ date: `${TODAY} 08:00`, duration: 30, colorId: a.colorId })).rejects.toMatchObject({
      kind: 'offline',
      code: OFFLINE_WRITE_CODE,
    })
    await expect(svc.setState(a.id, 'cancelled', 1, seen(a))).rejects.toMatchObject({ kind: 'offline', code: OFFLINE_WRITE_CODE })
    expect((await svc.outboxState([])).pending).toEqual([])
    // Connectivity says online but the request gets no answer: refused with the same code.
    const live = service(() => false)
    await expect(live.update(seenOfSandbox(a), { duration: 45 }, false)).rejects.toMatchObject({
      kind: 'offline',
      code: OFFLINE_WRITE_CODE,
    })
  })
})
