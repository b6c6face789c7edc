import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

// electron-builder's own loader and validator, as `npm run dist` runs them before packaging anything.
const require = createRequire(import.meta.url)
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<any>
  validateConfiguration(config: unknown, debugLogger: unknown): Promise<void>
}
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown }

const root = process.cwd()
const load = () => getConfig(root, 'electron-builder.yml', null)
const targets = (t: unknown): string[] => (Array.isArray(t) ? t : [t]).map((x) => (typeof x === 'string' ? x : x.target))

describe('electron-builder configuration', () => {
  // The first validation compiles electron-builder's JSON schema: seconds on a busy machine.
  it("passes electron-builder's validator", { timeout: 30_000 }, async () => {
    await expect(validateConfiguration(await load(), new DebugLogger(false))).resolves.toBeUndefined()
  })

  it('the validator refuses a misspelt option (it is really checking)', async () => {
    const config = await load()
    await expect(validateConfiguration({ ...config, nsis: { ...config.nsis, perMachin: false } }, new DebugLogger(false))).rejects.toThrow(
      /configuration\.nsis/,
    )
  })

  it('names the app and builds NSIS per user, dmg, AppImage and deb, with the icons of resources/', async () => {
    const c = await load()
    expect(c.appId).toBe('it.sportello.desk')
    expect(c.productName).toBe('Sportello')
    expect(targets(c.win.target)).toEqual(['nsis'])
    expect(c.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: false })
    expect(targets(c.mac.target)).toEqual(['dmg'])
    expect(targets(c.linux.target).sort()).toEqual(['AppImage', 'deb'])
    expect([c.win.icon, c.mac.icon, c.linux.icon]).toEqual(['resources/icon.ico', 'resources/icon.icns', 'resources/icons'])
    expect(c.directories.buildResources).toBe('resources')
    // The built app, whose main bundle carries the demo practice; the update metadata needs a publish entry.
    expect(JSON.stringify(c.files)).toContain('"out/**"')
    expect(c.publish).toMatchObject({ provider: 'generic' })
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
    expect(pkg.main).toBe('./out/main/index.js')
    expect(pkg.scripts.dist).toMatch(/electron-vite build && electron-builder/)
  })
})

/** Width and height from a PNG's IHDR chunk (after checking it is a PNG). */
function pngSize(b: Buffer): { width: number; height: number } {
  expect(b.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  expect(b.toString('ascii', 12, 16)).toBe('IHDR')
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) }
}
const res = (f: string) => readFileSync(join(root, 'resources', f))

describe('icons', () => {
  it('PNGs of 1024 and 512 pixels', () => {
    expect(pngSize(res('icon.png'))).toEqual({ width: 1024, height: 1024 })
    expect(pngSize(res('icons/512x512.png'))).toEqual({ width: 512, height: 512 })
    expect(pngSize(res('icons/1024x1024.png'))).toEqual({ width: 1024, height: 1024 })
  })

  it('an .ico whose entries are the sizes they claim, up to 256', () => {
    const b = res('icon.ico')
    expect([b.readUInt16LE(0), b.readUInt16LE(2)]).toEqual([0, 1])
    const sizes: number[] = []
    for (let i = 0; i < b.readUInt16LE(4); i++) {
      const e = 6 + 16 * i
      const claimed = b.readUInt8(e) || 256
      const image = b.subarray(b.readUInt32LE(e + 12), b.readUInt32LE(e + 12) + b.readUInt32LE(e + 8))
      expect(pngSize(image)).toEqual({ width: claimed, height: claimed })
      sizes.push(claimed)
    }
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]))
  })

  it('an .icns whose entries are the sizes their types mean, up to 1024', () => {
    const b = res('icon.icns')
    expect(b.toString('ascii', 0, 4)).toBe('icns')
    expect(b.readUInt32BE(4)).toBe(b.length)
    const pixels: Record<string, number> = { icp4: 16, icp5: 32, icp6: 64, ic07: 128, ic08: 256, ic09: 512, ic10: 1024 }
    const seen: string[] = []
    for (let at = 8; at < b.length;) {
      const type = b.toString('ascii', at, at + 4)
      const length = b.readUInt32BE(at + 4)
      const n = pixels[type]!
      expect(n, type).toBeDefined()
      expect(pngSize(b.subarray(at + 8, at + length))).toEqual({ width: n, height: n })
      seen.push(type)
      at += length
    }
    expect(seen).toEqual(expect.arrayContaining(['ic07', 'ic08', 'ic09', 'ic10']))
  })
})
