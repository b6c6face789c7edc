import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Connectivity, outcomeOf } from '../../../../../../electron/main/services/session/connectivity'

// The state machine and the probe's backoff, on fake timers: the probe answers as we decide.

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

/** A probe whose outcome the test sets; each call reports through `c` as the client's onRequest would. */
function probeOf(c: Connectivity) {
  const calls: number[] = []
  const p = {
    answers: false,
    refused: false,
    calls,
    fn: async () => {
      calls.push(Date.now())
      c.report(p.refused ? 'auth' : p.answers ? 'ok' : 'offline')
      if (!p.answers) throw new Error('no answer')
    },
  }
  return p
}

describe('Connectivity', () => {
  it('starts online with no answer yet; an answer sets lastOkAt; no answer → offline since then; an answer → online again', () => {
    const c = new Connectivity()
    expect(c.snapshot()).toMatchObject({ state: 'online', lastOkAt: null })
    vi.setSystemTime(1_000)
    c.report('ok')
    expect(c.snapshot()).toMatchObject({ state: 'online', lastOkAt: 1_000 })
    vi.setSystemTime(5_000)
    c.report('offline')
    expect(c.snapshot()).toEqual({ state: 'offline', since: 5_000, lastOkAt: 1_000 })
    vi.setSystemTime(6_000)
    c.report('offline')
    expect(c.snapshot().since).toBe(5_000) // still the moment it went offline
    vi.setSystemTime(9_000)
    c.report('ok')
    expect(c.snapshot()).toEqual({ state: 'online', since: 9_000, lastOkAt: 9_000 })
  })

  it('a refused key is its own state, and nothing is probed then', async () => {
    const c = new Connectivity()
    const p = probeOf(c)
    c.setProbe(p.fn)
    c.report('offline')
    p.refused = true
    await vi.advanceTimersByTimeAsync(1_000)
    expect(p.calls).toHaveLength(1)
    expect(c.snapshot().state).toBe('auth-refused')
    await vi.advanceTimersByTimeAsync(120_000)
    expect(p.calls).toHaveLength(1)
  })

  it('onOnline fires each time the state comes back to online, not for answers while online; unsubscribe stops it', () => {
    const c = new Connectivity()
    const seen: string[] = []
    const off = c.onOnline(() => seen.push('back'))
    c.report('ok')
    expect(seen).toEqual([])
    c.report('offline')
    c.report('ok')
    c.report('ok')
    expect(seen).toEqual(['back'])
    c.report('auth')
    c.report('ok')
    expect(seen).toEqual(['back', 'back'])
    off()
    c.report('offline')
    c.report('ok')
    expect(seen).toEqual(['back', 'back'])
  })

  it('while offline probes after 1 s, then doubling up to 8 s; back online within 15 s of the server answering', async () => {
    const c = new Connectivity()
    const p = probeOf(c)
    c.setProbe(p.fn)
    vi.setSystemTime(0)
    c.report('offline')
    await vi.advanceTimersByTimeAsync(40_000)
    const gaps = p.calls.map((t, i) => t - (i === 0 ? 0 : p.calls[i - 1]!))
    expect(gaps.slice(0, 6)).toEqual([1_000, 2_000, 4_000, 8_000, 8_000, 8_000])
    // The server answers again at any moment: the next probe notices it within the cap.
    const answeredAt = Date.now() + 123
    vi.setSystemTime(answeredAt)
    p.answers = true
    let backAt: number | null = null
    c.onOnline(() => (backAt = Date.now()))
    await vi.advanceTimersByTimeAsync(15_000)
    expect(c.snapshot().state).toBe('online')
    expect(backAt! - answeredAt).toBeLessThanOrEqual(8_000)
    const n = p.calls.length
    await vi.advanceTimersByTimeAsync(60_000)
    expect(p.calls).toHaveLength(n) // online: no more probes
  })

  it('a request answered while offline ends probing at once; going offline again starts the backoff from 1 s', async () => {
    const c = new Connectivity()
    const p = probeOf(c)
    c.setProbe(p.fn)
    c.report('offline')
    await vi.advanceTimersByTimeAsync(7_000) // probes at 1 s, 3 s, 7 s
    expect(p.calls).toHaveLength(3)
    c.report('ok')
    await vi.advanceTimersByTimeAsync(30_000)
    expect(p.calls).toHaveLength(3)
    vi.setSystemTime(100_000)
    c.report('offline')
    await vi.advanceTimersByTimeAsync(1_000)
    expect(p.calls).toEqual([expect.any(Number), expect.any(Number), expect.any(Number), 101_000])
  })

  it('one probe at a time: a slow probe is not overlapped by the next', async () => {
    const c = new Connectivity()
    let running = 0
    let most = 0
    let count = 0
    c.setProbe(async () => {
      count++
      most = Math.max(most, ++running)
      await new Promise((ok) => setTimeout(ok, 20_000))
      running--
      c.report('offline')
      throw new Error('timed out')
    })
    c.report('offline')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(count).toBeGreaterThan(1)
    expect(most).toBe(1)
  })

  it('no probe without a session (setProbe(null)); an open session while offline starts probing; reset ends it', async () => {
    const c = new Connectivity()
    const p = probeOf(c)
    c.report('offline')
    await vi.advanceTimersByTimeAsync(10_000)
    expect(p.calls).toHaveLength(0)
    c.setProbe(p.fn)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(p.calls).toHaveLength(1)
    c.setProbe(null)
    await vi.advanceTimersByTimeAsync(30_000)
    expect(p.calls).toHaveLength(1)
    c.setProbe(p.fn)
    c.reset(false)
    await vi.advanceTimersByTimeAsync(30_000)
    expect(p.calls).toHaveLength(1)
    expect(c.snapshot()).toMatchObject({ state: 'online', lastOkAt: null })
  })

  it('a probe stopped by coming online is aborted', async () => {
    const c = new Connectivity()
    let signal: AbortSignal | null = null
    c.setProbe((s) => {
      signal = s
      return new Promise(() => undefined)
    })
    c.report('offline')
    await vi.advanceTimersByTimeAsync(1_000)
    expect(signal!.aborted).toBe(false)
    c.report('ok')
    expect(signal!.aborted).toBe(true)
  })
})

describe('outcomeOf (a request event of the client)', () => {
  it('no answer is offline, 401 anywhere and 403 on /me a refused key, any other answer ok', () => {
    expect(outcomeOf({ route: 'appointmentsList', status: null })).toBe('offline')
    expect(outcomeOf({ route: 'appointmentsList', status: 401 })).toBe('auth')
    expect(outcomeOf({ route: 'me', status: 403 })).toBe('auth')
    expect(outcomeOf({ route: 'patientGet', status: 403 })).toBe('ok')
    expect(outcomeOf({ route: 'appointmentsList', status: 500 })).toBe('ok')
    expect(outcomeOf({ route: 'appointmentsList', status: 200 })).toBe('ok')
  })
})
