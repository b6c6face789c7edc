import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../../../../renderer/src/api'
import { db } from '../../../../../renderer/src/cache/db'
import { createRead, refreshReadsAfterOutage } from '../../../../../renderer/src/data/read'

const offline = () => new ApiError({ kind: 'offline', message: 'down' })
const refused = () => new ApiError({ kind: 'invalid', message: 'no', code: 'x' })

describe('createRead', () => {
  afterEach(() => db.wipe())

  it('is loading until main answers, then fresh with its time', async () => {
    let answer!: (v: number[]) => void
    const r = createRead<{ id: number }, number[]>({ fetch: () => new Promise((ok) => (answer = ok)), now: () => 42 })
    const p = r.load({ id: 1 })
    expect(r.state.value.status).toBe('loading')
    expect(r.state.value.value).toBeNull()
    answer([1, 2])
    await p
    expect(r.state.value).toMatchObject({ status: 'fresh', value: [1, 2], syncedAt: 42, refreshing: false })
  })

  it('offline without a cache is offline, not empty; another refusal is an error with its data', async () => {
    const a = createRead<number, number[]>({ fetch: () => Promise.reject(offline()) })
    await a.load(1)
    expect(a.state.value).toMatchObject({ status: 'offline', value: null })
    const b = createRead<number, number[]>({ fetch: () => Promise.reject(refused()) })
    await b.load(1)
    expect(b.state.value).toMatchObject({ status: 'error', value: null, error: { kind: 'invalid', code: 'x' } })
  })

  it('shows the cached answer for exactly these arguments when main cannot answer', async () => {
    let fail = false
    const r = createRead<number, string>({
      fetch: async (n) => {
        if (fail) throw offline()
        return `v${n}`
      },
      cacheKey: (n) => `t:${n}`,
      now: () => 7,
    })
    await r.load(1)
    fail = true
    const again = createRead<number, string>({ fetch: () => Promise.reject(offline()), cacheKey: (n) => `t:${n}` })
    await again.load(1)
    expect(again.state.value).toMatchObject({ status: 'cached', value: 'v1', syncedAt: 7, error: { kind: 'offline' } })
    await again.load(2)
    expect(again.state.value).toMatchObject({ status: 'offline', value: null })
  })

  it('a slow answer for earlier arguments never replaces the current one', async () => {
    const waits: Array<(v: string) => void> = []
    const r = createRead<number, string>({ fetch: () => new Promise((ok) => waits.push(ok)) })
    const first = r.load(1)
    const second = r.load(2)
    waits[1]!('two')
    await second
    waits[0]!('one')
    await first
    expect(r.state.value.value).toBe('two')
  })

  it('a failed refresh keeps what is shown and says why', async () => {
    let fail = false
    const r = createRead<number, string>({ fetch: async () => (fail ? Promise.reject(offline()) : 'ok') })
    await r.load(1)
    fail = true
    await r.refresh()
    expect(r.state.value).toMatchObject({ status: 'cached', value: 'ok', error: { kind: 'offline' } })
  })
})

describe('refreshReadsAfterOutage', () => {
  afterEach(() => db.wipe())

  it('asks again only the reads in use that missed their answer, keeping what they show until the answer', async () => {
    let down = false
    let version = 0
    let release: (() => void) | null = null
    let held = false
    const missed = createRead<number, string>({
      fetch: async (n) => {
        if (down) throw offline()
        if (held) await new Promise<void>((ok) => (release = ok))
        return `v${n}.${++version}`
      },
    })
    let okCalls = 0
    const fine = createRead<number, string>({ fetch: async (n) => `ok${n}-${++okCalls}` })
    const gone = createRead<number, string>({ fetch: () => Promise.reject(offline()) })
    const notFound = createRead<number, string>({ fetch: () => Promise.reject(refused()) })

    await missed.load(1)
    await fine.load(1)
    down = true
    await missed.load(1)
    await gone.load(1)
    gone.reset() // no longer in use
    await notFound.load(1)
    expect(missed.state.value).toMatchObject({ status: 'cached', value: 'v1.1', error: { kind: 'offline' } })

    down = false
    held = true
    const p = refreshReadsAfterOutage()
    // In place: the value stays on screen while the new answer is on its way (no loading flash).
    expect(missed.state.value).toMatchObject({ status: 'cached', refreshing: true, value: 'v1.1' })
    await vi.waitFor(() => expect(release).not.toBeNull())
    release!()
    await p
    expect(missed.state.value).toMatchObject({ status: 'fresh', value: 'v1.2', error: null })
    expect(okCalls).toBe(1) // a fresh read is not asked again
    expect(gone.state.value.status).toBe('idle')
    expect(notFound.state.value.status).toBe('error') // a refusal that is not an outage is not asked again
  })

  it('says fresh only once the answer is in the cache: a reload right after finds it', async () => {
    const r = createRead<number, string>({ fetch: async (n) => `v${n}`, cacheKey: (n) => `durable:${n}`, now: () => 5 })
    // Inside the cache's write of the answer: the screen must not claim it yet.
    const seenWhileWriting: string[] = []
    const hook = (key: string) => void seenWhileWriting.push(`${key}:${r.state.value.status}`)
    db.reads.hook('creating', hook)
    try {
      await r.load(1)
    } finally {
      db.reads.hook('creating').unsubscribe(hook)
    }
    expect(seenWhileWriting).toEqual(['durable:1:loading'])
    expect(r.state.value).toMatchObject({ status: 'fresh', value: 'v1' })
    expect(await db.reads.get('durable:1')).toMatchObject({ value: 'v1', syncedAt: 5 })
  })
})
