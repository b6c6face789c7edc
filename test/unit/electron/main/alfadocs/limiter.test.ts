import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { vi } from 'vitest'
import { RateLimiter } from '../../../../../electron/main/alfadocs/limiter'
import { expectNextStartAfter, flush } from '../../../../support/limiter-timing'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('RateLimiter lanes', () => {
  it('serves lanes round robin: a caller with many waiters does not starve a caller with one', async () => {
    const lim = new RateLimiter({ perWindow: 1 })
    const order: string[] = []
    const big = {}
    for (let i = 0; i < 6; i++) void lim.acquire({ lane: big }).then(() => order.push(`big${i}`))
    await flush()
    const small = {}
    for (let i = 0; i < 2; i++) void lim.acquire({ lane: small }).then(() => order.push(`small${i}`))
    void lim.acquire().then(() => order.push('one'))
    await vi.advanceTimersByTimeAsync(10_000)
    expect(order).toEqual(['big0', 'big1', 'small0', 'one', 'big2', 'small1', 'big3', 'big4', 'big5'])
  })

  it('serves every interactive waiter before any bulk one', async () => {
    const lim = new RateLimiter({ perWindow: 1 })
    const order: string[] = []
    const fill = {}
    for (let i = 0; i < 4; i++) void lim.acquire({ lane: fill, priority: 'bulk' }).then(() => order.push(`bulk${i}`))
    await flush()
    void lim.acquire({ priority: 'interactive' }).then(() => order.push('read1'))
    void lim.acquire().then(() => order.push('read2'))
    await vi.advanceTimersByTimeAsync(10_000)
    expect(order).toEqual(['bulk0', 'read1', 'read2', 'bulk1', 'bulk2', 'bulk3'])
  })

  it('drops an aborted waiter from its lane', async () => {
    const lim = new RateLimiter({ perWindow: 1 })
    await lim.acquire()
    const ctrl = new AbortController()
    const lane = {}
    const aborted = lim.acquire({ lane, signal: ctrl.signal })
    const next = vi.fn()
    void lim.acquire({ lane }).then(next)
    ctrl.abort(new Error('closed'))
    await expect(aborted).rejects.toThrow('closed')
    expect(lim.pending).toBe(1)
    await vi.advanceTimersByTimeAsync(1000)
    expect(next).toHaveBeenCalledTimes(1)
  })
})

describe('RateLimiter AIMD', () => {
  it('halves the rate on a 429 (once per window) and pauses for the Retry-After; below the ceiling starts are spread out', async () => {
    const lim = new RateLimiter({ perWindow: 8, windowMs: 1000 })
    expect(lim.rate).toBe(8)
    lim.rateLimited(2000)
    lim.rateLimited(2000) // the same burst's other refusals do not halve again
    expect(lim.rate).toBe(4)
    const started: number[] = []
    for (let i = 0; i < 6; i++) void lim.acquire().then(() => started.push(Date.now()))
    const t0 = Date.now()
    await vi.advanceTimersByTimeAsync(1999)
    expect(started).toEqual([])
    await vi.advanceTimersByTimeAsync(1000)
    // The new rate, not the ceiling, and a quarter of the window apart rather than all at once.
    expect(started.map((t) => t - t0)).toEqual([2000, 2250, 2500, 2750])
    await vi.advanceTimersByTimeAsync(1)
    expect(started.map((t) => t - t0)).toEqual([2000, 2250, 2500, 2750, 3000])
  })

  it('gives starts back one per window, slower while the last 429 is recent, never above the ceiling', async () => {
    const lim = new RateLimiter({ perWindow: 8, windowMs: 1000, calmWindows: 10, contendedSteps: 4 })
    lim.rateLimited(0)
    expect(lim.rate).toBe(4)
    lim.succeeded()
    expect(lim.rate).toBe(4)
    await vi.advanceTimersByTimeAsync(3999)
    lim.succeeded()
    expect(lim.rate).toBe(4) // contended: one step per 4 windows
    await vi.advanceTimersByTimeAsync(1)
    lim.succeeded()
    lim.succeeded()
    expect(lim.rate).toBe(5)
    await vi.advanceTimersByTimeAsync(6000) // t=10 s: calm again
    lim.succeeded()
    expect(lim.rate).toBe(6)
    await vi.advanceTimersByTimeAsync(1000)
    lim.succeeded()
    expect(lim.rate).toBe(7)
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(1000)
      lim.succeeded()
    }
    expect(lim.rate).toBe(8)
  })

  it('never goes below one start per window, and a later 429 halves again', async () => {
    const lim = new RateLimiter({ perWindow: 10, windowMs: 100 })
    for (let i = 0; i < 10; i++) {
      lim.rateLimited(0)
      await vi.advanceTimersByTimeAsync(100)
    }
    expect(lim.rate).toBe(1)
    const go = vi.fn()
    void lim.acquire().then(go)
    await flush()
    expect(go).toHaveBeenCalledTimes(1)
  })

  it('when the rate drops below the starts already in the window, the next start waits for enough of them to leave', async () => {
    const lim = new RateLimiter({ perWindow: 4, windowMs: 1000 })
    for (let i = 0; i < 4; i++) await lim.acquire()
    lim.rateLimited(0) // rate 2, four starts at t=0 still in the window
    await expectNextStartAfter(lim, 1000)
  })
})
