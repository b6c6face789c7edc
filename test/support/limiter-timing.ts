import { expect, vi } from 'vitest'
import type { RateLimiter } from '../../electron/main/alfadocs/limiter'

// For the rate limiter's tests, under vitest's fake timers.

/** Lets the limiter's promise chains settle without moving the clock. */
export const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve()
}

/** The next start waits exactly `ms`: it has not started 1 ms before, and has started (once) at `ms`. */
export async function expectNextStartAfter(lim: RateLimiter, ms: number): Promise<void> {
  const go = vi.fn()
  void lim.acquire().then(go)
  await vi.advanceTimersByTimeAsync(ms - 1)
  expect(go).not.toHaveBeenCalled()
  await vi.advanceTimersByTimeAsync(1)
  expect(go).toHaveBeenCalledTimes(1)
}
