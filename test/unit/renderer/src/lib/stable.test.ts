import { describe, expect, it } from 'vitest'
import { ref, watch, nextTick } from 'vue'
import { sameEntries, sameMembers, stableComputed } from '../../../../../renderer/src/lib/stable'

describe('stable computed', () => {
  it('keeps the previous map while a new one holds the same entries: a watcher of it is not run', async () => {
    const source = ref<Array<[number, string]>>([[1, 'a']])
    const m = stableComputed(() => new Map(source.value), sameEntries)
    const first = m.value
    let runs = 0
    watch(m, () => runs++)
    source.value = [[1, 'a']]
    await nextTick()
    expect(m.value).toBe(first)
    expect(runs).toBe(0)
    source.value = [[1, 'b']]
    await nextTick()
    expect(m.value).not.toBe(first)
    expect([...m.value]).toEqual([[1, 'b']])
    expect(runs).toBe(1)
  })

  it('compares maps by key and value and sets by member', () => {
    expect(sameEntries(new Map([[1, 2]]), new Map([[1, 2]]))).toBe(true)
    expect(sameEntries(new Map([[1, 2]]), new Map([[1, 3]]))).toBe(false)
    expect(sameEntries(new Map([[1, undefined]]), new Map([[2, undefined]]))).toBe(false)
    expect(sameEntries(new Map([[1, 2]]), new Map())).toBe(false)
    expect(sameMembers(new Set([1, 2]), new Set([2, 1]))).toBe(true)
    expect(sameMembers(new Set([1, 2]), new Set([1, 3]))).toBe(false)
  })
})
