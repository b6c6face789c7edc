import { describe, expect, it } from 'vitest'
import { hashPin, verifyPin } from '../../../../../electron/main/lock/pin-hash'
import { waitAfter } from '../../../../../electron/main/lock/lock-service'

const cheap = { N: 1024, r: 8, p: 1 }

describe('the desk PIN hash', () => {
  it('is salted (two hashes of one PIN differ), matches only its PIN, and refuses malformed hashes', async () => {
    const a = await hashPin('482916', cheap)
    const b = await hashPin('482916', cheap)
    expect(a).not.toBe(b)
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$/)
    expect(a).not.toContain('482916')
    expect(await verifyPin('482916', a)).toBe(true)
    expect(await verifyPin('482917', a)).toBe(false)
    for (const bad of ['', 'plain:482916', 'scrypt$x$8$1$c2FsdA==$aGFzaA==', 'scrypt$1024$8$1$$'])
      expect(await verifyPin('482916', bad)).toBe(false)
  })

  it('waits longer after each wrong PIN past the free ones, up to 15 minutes', () => {
    expect([0, 1, 2].map(waitAfter)).toEqual([0, 0, 0])
    expect([3, 4, 5].map(waitAfter)).toEqual([5_000, 10_000, 20_000])
    expect(waitAfter(30)).toBe(15 * 60_000)
  })
})
