// Makes every icon electron-builder needs from one source, resources/icon.svg:
//   resources/icon.png (1024), resources/icons/<n>x<n>.png (Linux sizes, 512 among them), resources/icon.ico
//   (Windows: PNG entries 16–256), resources/icon.icns (macOS: PNG entries 16–1024).
// Chromium (the e2e tests' one; CHROMIUM_PATH or /usr/bin/chromium) draws the SVG at each size, so the edges are
// drawn at that size rather than scaled down; the .ico and .icns containers are written here (both formats
// accept PNG payloads, so no other tool is needed). Run: node scripts/make-icons.mjs, then commit resources/.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const res = join(root, 'resources')
const svg = readFileSync(join(res, 'icon.svg'), 'utf8')

const executablePath =
  process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync)
if (!executablePath) {
  console.error('No Chromium found: install it (apt-get install chromium) or set CHROMIUM_PATH.')
  process.exit(1)
}

const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] })
const png = new Map()
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 })
  const uri = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
  for (const n of SIZES) {
    await page.setViewportSize({ width: n, height: n })
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><img src="${uri}" width="${n}" height="${n}" style="display:block"></body></html>`,
    )
    await page.waitForFunction('document.images[0]?.complete')
    png.set(n, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: n, height: n } }))
  }
} finally {
  await browser.close()
}

/** ICO: a directory of entries, each a PNG (a width/height byte of 0 means 256). */
function ico(sizes) {
  const images = sizes.map((n) => png.get(n))
  const header = Buffer.alloc(6 + 16 * images.length)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2)
  header.writeUInt16LE(images.length, 4)
  let offset = header.length
  sizes.forEach((n, i) => {
    const e = 6 + 16 * i
    header.writeUInt8(n >= 256 ? 0 : n, e)
    header.writeUInt8(n >= 256 ? 0 : n, e + 1)
    header.writeUInt16LE(1, e + 4) // colour planes
    header.writeUInt16LE(32, e + 6) // bits per pixel
    header.writeUInt32LE(images[i].length, e + 8)
    header.writeUInt32LE(offset, e + 12)
    offset += images[i].length
  })
  return Buffer.concat([header, ...images])
}

/** ICNS: 'icns' + total length, then typed entries (OSType + length + PNG), big-endian. */
const ICNS_TYPES = { 16: 'icp4', 32: 'icp5', 64: 'icp6', 128: 'ic07', 256: 'ic08', 512: 'ic09', 1024: 'ic10' }
function icns() {
  const entries = Object.entries(ICNS_TYPES).map(([n, type]) => {
    const data = png.get(Number(n))
    const head = Buffer.alloc(8)
    head.write(type, 0, 'ascii')
    head.writeUInt32BE(8 + data.length, 4)
    return Buffer.concat([head, data])
  })
  const body = Buffer.concat(entries)
  const head = Buffer.alloc(8)
  head.write('icns', 0, 'ascii')
  head.writeUInt32BE(8 + body.length, 4)
  return Buffer.concat([head, body])
}

mkdirSync(join(res, 'icons'), { recursive: true })
writeFileSync(join(res, 'icon.png'), png.get(1024))
for (const n of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) writeFileSync(join(res, 'icons', `${n}x${n}.png`), png.get(n))
writeFileSync(join(res, 'icon.ico'), ico([16, 24, 32, 48, 64, 128, 256]))
writeFileSync(join(res, 'icon.icns'), icns())
console.log(`icons written to ${res}`)
