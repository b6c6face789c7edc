import { computed, type ComputedRef } from 'vue'

/** Same keys, each with the same value (`===`). */
export function sameEntries<K, V>(a: ReadonlyMap<K, V>, b: ReadonlyMap<K, V>): boolean {
  if (a.size !== b.size) return false
  for (const [k, v] of a) if (!b.has(k) || b.get(k) !== v) return false
  return true
}

/** Same members. */
export function sameMembers<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  if (a.size !== b.size) return false
  for (const x of a) if (!b.has(x)) return false
  return true
}

/**
 * A computed that keeps its previous value while a new one holds the same (`same`): what reads it is not told
 * of a change that changes nothing (the grid redraws its blocks when one of its maps is replaced).
 */
export function stableComputed<T>(get: () => T, same: (a: T, b: T) => boolean): ComputedRef<T> {
  return computed<T>((previous) => {
    const next = get()
    return previous !== undefined && same(previous, next) ? previous : next
  })
}

/** Same length, and at each place records with the same fields holding the same values (`===`). */
export function sameRecords<T extends object>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as Record<string, unknown>
    const y = b[i] as Record<string, unknown>
    const keys = Object.keys(x)
    if (keys.length !== Object.keys(y).length) return false
    for (const k of keys) if (x[k] !== y[k]) return false
  }
  return true
}
