import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { ApiError } from '../../../../../renderer/src/api'
import { db } from '../../../../../renderer/src/cache/db'
import { createRead } from '../../../../../renderer/src/data/read'

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
