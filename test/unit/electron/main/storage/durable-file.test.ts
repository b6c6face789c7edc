import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DurableFile, type FileCodec } from '../../../../../electron/main/storage/durable-file'
import { FaultyFs } from '../../../../support/faulty-fs'
import { freshTempFile } from '../../../../support/temp-file'

// A list of numbers as "1,2,3\n"; anything else is damage (the numbers still readable are salvaged).
const codec: FileCodec<readonly number[]> = {
  empty: () => [],
  encode: (v) => `${v.join(',')}\n`,
  decode(text) {
    const parts = text.replace(/\n$/, '').split(',').filter(Boolean)
    const nums = parts.map(Number).filter((n) => Number.isInteger(n))
    return { value: nums, intact: text.endsWith('\n') && nums.length === parts.length }
  },
}

let dir: string
let path: string
beforeEach(async () => {
  ;({ dir, file: path } = await freshTempFile('durable-', 'list.txt'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

const at = new Date('2026-03-11T08:00:00.000Z')

describe('durable file', () => {
  it('serialises updates, each built on the last one written; a refused one in the middle is simply absent', async () => {
    const fs = new FaultyFs().fail('rename', 'ENOSPC', { skip: 2, times: 1 })
    const f = new DurableFile(path, { codec, fs })
    const results = await Promise.allSettled([1, 2, 3, 4].map((n) => f.update((v) => [...v, n])))
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled'])
    expect(await f.read()).toEqual([1, 2, 4])
    expect(await readFile(path, 'utf8')).toBe('1,2,4\n')
  })

  it('a second damaged file found at the same second gets its own name: no copy overwrites another', async () => {
    await writeFile(path, '1,x')
    await new DurableFile(path, { codec, now: () => at }).read()
    await writeFile(path, '2,y')
    await new DurableFile(path, { codec, now: () => at }).read()
    const aside = (await readdir(dir)).filter((f) => f.includes('.damaged-')).sort()
    expect(aside).toEqual(['list.txt.damaged-20260311T080000Z', 'list.txt.damaged-20260311T080000Z-2'])
    expect(await readFile(join(dir, aside[0]!), 'utf8')).toBe('1,x')
    expect(await readFile(join(dir, aside[1]!), 'utf8')).toBe('2,y')
    expect(await readFile(path, 'utf8')).toBe('2\n')
  })

  it('a crash between setting aside and rewriting loses nothing: the damaged file is still where the next start looks', async () => {
    await writeFile(path, '7,8,oops')
    const fs = new FaultyFs().fail('open', 'EIO', { path: /\.tmp$/ })
    const f = new DurableFile(path, { codec, fs, now: () => at })
    expect(await f.read()).toEqual([7, 8])
    expect(f.damaged).toMatchObject({ file: 'list.txt', setAsideAs: 'list.txt.damaged-20260311T080000Z' })
    expect(await readFile(path, 'utf8')).toBe('7,8,oops')
    expect(await new DurableFile(path, { codec }).read()).toEqual([7, 8])
  })
})
