import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { RateLimiter } from '../../../../../electron/main/alfadocs/limiter'
import { expectNextStartAfter, flush } from '../../../../support/limiter-timing'

describe('RateLimiter (rolling window, FIFO)', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('lets at most N starts through per rolling second, in arrival order', async () => {
    const lim = new RateLimiter({ perWindow: 10 })
    const started: number[] = []
    for (let i = 0; i < 25; i++) void lim.acquire().then(() => started.push(i))
    await flush()
    expect(started).toEqual([...Array(10).keys()])
    expect(lim.pending).toBe(15)

    await vi.advanceTimersByTimeAsync(999)
    expect(started).toHaveLength(10)
    await vi.advanceTimersByTimeAsync(1)
    expect(started).toHaveLength(20)
    await vi.advanceTimersByTimeAsync(1000)
    expect(started).toEqual([...Array(25).keys()])
    expect(lim.pending).toBe(0)
  })

  it('counts a rolling window, not calendar seconds', async () => {
    const lim = new RateLimiter({ perWindow: 2 })
    const started: string[] = []
    void lim.acquire().then(() => started.push('a'))
    await vi.advanceTimersByTimeAsync(600)
    void lim.acquire().then(() => started.push('b'))
    void lim.acquire().then(() => started.push('c'))
    void lim.acquire().then(() => started.push('d'))
    await flush()
    expect(started).toEqual(['a', 'b'])
    // 'a' leaves the window at t=1000, 'b' at t=1600.
    await vi.advanceTimersByTimeAsync(399)
    expect(started).toEqual(['a', 'b'])
    await vi.advanceTimersByTimeAsync(1)
    expect(started).toEqual(['a', 'b', 'c'])
    await vi.advanceTimersByTimeAsync(599)
    expect(started).toEqual(['a', 'b', 'c'])
    await vi.advanceTimersByTimeAsync(1)
    expect(started).toEqual(['a', 'b', 'c', 'd'])
  })

  it('never allows more than N starts in any 1 s window under a steady stream', async () => {
    const lim = new RateLimiter({ perWindow: 3 })
    const startTimes: number[] = []
    for (let i = 0; i < 20; i++) void lim.acquire().then(() => startTimes.push(Date.now()))
    await vi.advanceTimersByTimeAsync(10_000)
    expect(startTimes).toHaveLength(20)
    for (const t of startTimes) {
      expect(startTimes.filter((u) => u >= t && u < t + 1000).length).toBeLessThanOrEqual(3)
    }
  })

  it('drops an aborted waiter from the queue and lets the next one in', async () => {
    const lim = new RateLimiter({ perWindow: 1 })
    await lim.acquire()
    const ctrl = new AbortController()
    const aborted = lim.acquire(ctrl.signal)
    const next = vi.fn()
    void lim.acquire().then(next)
    ctrl.abort(new Error('user cancelled'))
    await expect(aborted).rejects.toThrow('user cancelled')
    expect(lim.pending).toBe(1)
    await vi.advanceTimersByTimeAsync(1000)
    expect(next).toHaveBeenCalledTimes(1)
  })

  it('holds every start while paused by a Retry-After', async () => {
    const lim = new RateLimiter({ perWindow: 10 })
    lim.pauseUntil(Date.now() + 3000)
    await expectNextStartAfter(lim, 3000)
  })

  it('refuses a nonsensical rate', () => {
    expect(() => new RateLimiter({ perWindow: 0 })).toThrow()
  })
})
