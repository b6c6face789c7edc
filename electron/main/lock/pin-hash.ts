import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

// The desk PIN is kept only as a salted scrypt hash, and only in the OS keychain (lock-service.ts).

export interface ScryptCost {
  N: number
  r: number
  p: number
}
/** ~50–100 ms on a desk computer, 32 MiB of memory: too slow to try 10^8 PINs, quick enough to unlock. */
export const PIN_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 }
const KEY_LENGTH = 32

function derive(pin: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 128 * cost.N * cost.r * 2 }
  return new Promise((ok, fail) => scrypt(pin, salt, KEY_LENGTH, options, (e, key) => (e ? fail(e) : ok(key))))
}

/** `scrypt$N$r$p$salt$hash` (base64): the cost travels with the hash, so it can be raised later. */
export async function hashPin(pin: string, cost: ScryptCost = PIN_COST): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(pin, salt, cost)
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$')
}

/** Whether `pin` matches a stored hash; a malformed hash matches nothing. */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !hash) return false
  const cost = { N: Number(n), r: Number(r), p: Number(p) }
  if (![cost.N, cost.r, cost.p].every((x) => Number.isSafeInteger(x) && x > 0)) return false
  const expected = Buffer.from(hash, 'base64')
  const key = await derive(pin, Buffer.from(salt, 'base64'), cost)
  return key.length === expected.length && timingSafeEqual(key, expected)
}
