import { describe, expect, it } from 'vitest'
import { writesInFlight } from '../../../../../../renderer/src/features/agenda/writes-in-flight'

describe('writesInFlight', () => {
  it('an appointment has writes on their way until all ended; only the latest to start is latest when it ends', () => {
    const w = writesInFlight()
    const first = w.begin(7)
    expect(first.chained).toBe(false)
    const second = w.begin(7)
    expect(second.chained).toBe(true)
    const other = w.begin(8)
    expect(other.chained).toBe(false)
    // The first ends after the second started: no longer the latest; the appointment still has one on its way.
    expect(first.end()).toBe(false)
    expect(w.has(7)).toBe(true)
    expect(second.end()).toBe(true)
    expect(w.has(7)).toBe(false)
    // Ending twice counts once.
    expect(second.end()).toBe(true)
    expect(w.has(7)).toBe(false)
    expect(w.has(8)).toBe(true)
    // Cleared (the store's reset): nothing on its way, and a write begun before is no longer the latest.
    w.clear()
    expect(w.has(8)).toBe(false)
    expect(other.end()).toBe(false)
    expect(w.has(8)).toBe(false)
  })
})
