/**
 * npm run bench:upload — the documents and search figures of issue #4.
 *  1. A 50 MB file uploaded (streamed, base64 JSON) from disk to the demo sandbox, which runs in a child
 *     process so only main's own memory is measured: seconds, and peak RSS above the baseline as a multiple
 *     of the file size (goal ≤ 3×); the event loop's worst lag stands for "the UI stays responsive".
 *     The file then comes back through the download route and is compared byte for byte.
 *  2. Type-ahead over 10 000 cached patients, twice: in Node (Dexie on fake-indexeddb, the renderer's own
 *     cache code: one lookup), then in headless Chromium (the built renderer, real IndexedDB, real key
 *     presses: keystroke to results on screen; scripts/bench-typeahead-chromium.ts). Goal ≤ 50 ms at p95.
 *  3. The patients fill of that Chromium run (issue #10): its time over the floor the request budget allows
 *     (⌈pages of 100⌉ / 10 requests a second). Goal ≤ 1.2.
 * Last line: upload_50mb_s=X peak_main_mem_x=X typeahead_ms=N patients_fill_vs_floor=X (N = the Chromium p95)
 */
import 'fake-indexeddb/auto'
import { spawn } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdtemp, open, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'

const FILE_MB = 50
const PATIENTS = 10_000

async function sandboxChild() {
  const { startSandbox } = await import('../electron/sandbox')
  const sb = await startSandbox({ port: 0, quiet: true, rateLimitPerSecond: false })
  process.stdout.write(JSON.stringify({ baseUrl: sb.baseUrl, apiKey: sb.apiKey }) + '\n')
  process.stdin.resume()
  process.stdin.on('end', () => void sb.close().then(() => process.exit(0)))
}

async function startChildSandbox() {
  const child = spawn(process.execPath, [...process.execArgv, __filename, '--sandbox-child'], { stdio: ['pipe', 'pipe', 'inherit'] })
  const line = await new Promise<string>((ok, ko) => {
    createInterface({ input: child.stdout! }).once('line', ok)
    child.once('exit', (c) => ko(new Error(`sandbox child exited (${c})`)))
  })
  const { baseUrl, apiKey } = JSON.parse(line) as { baseUrl: string; apiKey: string }
  return { baseUrl, apiKey, stop: () => child.stdin!.end() }
}

async function writeFile50(path: string): Promise<string> {
  const fh = await open(path, 'w')
  const hash = createHash('sha256')
  const chunk = 1024 * 1024
  for (let i = 0; i < FILE_MB; i++) {
    const b = randomBytes(chunk)
    if (i === 0) b.write('DICM', 128, 'ascii')
    hash.update(b)
    await fh.write(b)
  }
  await fh.close()
  return hash.digest('hex')
}

async function benchUpload() {
  const { AlfaDocsClient } = await import('../electron/main/alfadocs/client')
  const { createDocumentsService } = await import('../electron/main/services/documents')
  const dir = await mkdtemp(join(tmpdir(), 'sportello-bench-'))
  const sb = await startChildSandbox()
  try {
    const path = join(dir, 'cbct-50mb.dcm')
    const sha = await writeFile50(path)
    const size = FILE_MB * 1024 * 1024
    const client = new AlfaDocsClient({ baseUrl: sb.baseUrl, auth: { apiKey: sb.apiKey } })
    const docs = createDocumentsService(async () => client, join(dir, 'data'))
    docs.grants.grant(path) // as the preload does for a dropped file
    const patientId = (await client.searchPatients({}, { offset: 0, limit: 1 })).results[0]!.id
    const { files } = await docs.inspect([path], false)
    if (files[0]?.type !== 'xray' || files[0].refusal) throw new Error(`unexpected inspection: ${JSON.stringify(files)}`)

    ;(globalThis as { gc?: () => void }).gc?.()
    await new Promise((r) => setTimeout(r, 200))
    const baseline = process.memoryUsage().rss
    let peak = baseline
    let maxLag = 0
    let last = performance.now()
    const sampler = setInterval(() => {
      const now = performance.now()
      maxLag = Math.max(maxLag, now - last - 10)
      last = now
      peak = Math.max(peak, process.memoryUsage().rss)
    }, 10)
    const t0 = performance.now()
    const out = await docs.uploadPath({
      uploadId: 'bench-upload-1',
      patientId,
      path,
      name: 'cbct-50mb.dcm',
      type: 'xray',
      folderName: 'Radiografie',
    })
    const seconds = (performance.now() - t0) / 1000
    clearInterval(sampler)
    if (out.state !== 'done') throw new Error('upload did not finish')

    const back = await docs.download(patientId, out.document.id)
    const backSha = createHash('sha256').update(Buffer.from(back.base64, 'base64')).digest('hex')
    const fileSha = await new Promise<string>((ok, ko) => {
      const h = createHash('sha256')
      createReadStream(path)
        .on('data', (c) => h.update(c))
        .on('end', () => ok(h.digest('hex')))
        .on('error', ko)
    })
    if (backSha !== sha || fileSha !== sha) throw new Error('the downloaded file differs from the uploaded one')
    const memX = (peak - baseline) / size
    console.log(
      `upload: ${FILE_MB} MB in ${seconds.toFixed(2)} s; main RSS baseline ${(baseline / 2 ** 20).toFixed(0)} MB, peak +${((peak - baseline) / 2 ** 20).toFixed(1)} MB (${memX.toFixed(2)}× the file); event-loop lag max ${maxLag.toFixed(0)} ms; round trip byte-identical (sha256 ${sha.slice(0, 12)}…)`,
    )
    return { seconds, memX }
  } finally {
    sb.stop()
    await rm(dir, { recursive: true, force: true })
  }
}

/** 10 000 patients as AlfaDocs sends them (ids clear of the demo practice's own). */
async function rawPatients() {
  const { fiscalCode } = await import('../electron/sandbox/seed/fiscalCode')
  const { lastNames } = await import('../electron/sandbox/seed/names')
  const last = lastNames.slice(0, 20) // the sandbox's first 20 surnames, the set the figures were taken on
  const first = [
    'Mario',
    'Marta',
    'Luca',
    'Giulia',
    'Paolo',
    'Chiara',
    'Marco',
    'Anna',
    'Matteo',
    'Sara',
    'Andrea',
    'Elena',
    'Davide',
    'Laura',
  ]
  return Array.from({ length: PATIENTS }, (_, i) => {
    const ln = `${last[i % last.length]!}${i >= 2000 ? ['', 'ni', 'lli', 'tti', 'ndi'][i % 5]! : ''}`
    const fn = first[(i * 7) % first.length]!
    const birth = `${1940 + (i % 70)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`
    return {
      id: 100000 + i,
      firstName: fn,
      lastName: ln,
      dateBirth: birth,
      italianFiscalCode: fiscalCode(fn, ln, i % 2 ? 'm' : 'f', birth, 'A944'),
      phoneNumbers: [
        { id: String(i), prefix: '+39', number: `3${String(300000000 + i * 7919).slice(0, 9)}`, label: 'Cellulare', smsEnabled: true },
      ],
      deleted: false,
    }
  })
}

async function benchTypeahead(raw: Awaited<ReturnType<typeof rawPatients>>) {
  const { patientSchema } = await import('../shared/alfadocs/schemas')
  const { parsePatientQuery } = await import('../shared/patients/query')
  const { SportelloDb } = await import('../renderer/src/cache/db')
  const { searchCachedPatients, warmPatientIndex } = await import('../renderer/src/features/patients/patient-cache')
  const db = new SportelloDb(`bench-${Date.now()}`)
  const patients = raw.map((p) => patientSchema.parse(p))
  for (let i = 0; i < patients.length; i += 1000) await db.storePatients(patients.slice(i, i + 1000))
  const sample = patients[4321]!
  const nameOf = (p: (typeof patients)[number], n: number) => `${p.lastName.toLowerCase()} ${p.firstName.slice(0, n).toLowerCase()}`
  const queries = [
    nameOf(patients[0]!, 2),
    'ro',
    'de luca',
    'ferr',
    nameOf(patients[777]!, 3),
    'c',
    'mar',
    'esposito',
    nameOf(patients[9999]!, 1),
    `+39 ${sample.phoneNumbers[0]!.number.slice(0, 3)} ${sample.phoneNumbers[0]!.number.slice(3)}`,
    '333',
    sample.italianFiscalCode!.toLowerCase(),
    sample.dateOfBirth!.split('-').reverse().join('/'),
  ]
  // Once per session, when the search screen opens: the in-memory key index.
  const w0 = performance.now()
  await warmPatientIndex(db.patients)
  const warmMs = performance.now() - w0
  for (const q of queries) await searchCachedPatients(db.patients, parsePatientQuery(q), 0, 20) // warm-up
  const times: number[] = []
  for (let round = 0; round < 10; round++) {
    for (const q of queries) {
      const t0 = performance.now()
      const parsed = parsePatientQuery(q)
      const r = await searchCachedPatients(db.patients, parsed, 0, 20)
      times.push(performance.now() - t0)
      if (round === 0 && r.total === 0) throw new Error(`no cached result for "${q}"`)
    }
  }
  times.sort((a, b) => a - b)
  const p50 = times[Math.floor(times.length * 0.5)]!
  const p95 = times[Math.floor(times.length * 0.95)]!
  const worst = times[times.length - 1]!
  console.log(
    `typeahead: ${PATIENTS} cached patients, ${times.length} lookups (name, phone, fiscal code, birth date): p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${worst.toFixed(1)} ms; index built once in ${warmMs.toFixed(0)} ms (fake-indexeddb in Node)`,
  )
  db.close()
  await db.delete()
  return Math.ceil(p95)
}

async function main() {
  if (process.argv.includes('--sandbox-child')) return sandboxChild()
  if (process.argv.includes('--fill-only')) {
    const { benchTypeaheadChromium } = await import('./bench-typeahead-chromium')
    const withPrefetch = process.argv.includes('--with-prefetch')
    const c = await benchTypeaheadChromium(await rawPatients(), { fillOnly: true, withPrefetch })
    console.log(
      `patients fill (Chromium${withPrefetch ? ', sharing the budget with the morning prefetch' : ''}): ${c.cachedPatients} patients in ${c.fillPages} pages in ${c.fillSeconds.toFixed(1)} s; floor ${(c.fillPages / 10).toFixed(1)} s`,
    )
    console.log(`patients_fill_vs_floor=${c.fillVsFloor.toFixed(2)}`)
    return
  }
  const up = await benchUpload()
  const raw = await rawPatients()
  await benchTypeahead(raw)
  const { benchTypeaheadChromium } = await import('./bench-typeahead-chromium')
  const c = await benchTypeaheadChromium(raw)
  const kinds = Object.entries(c.byKind)
    .map(([k, v]) => `${k} p95 ${v.p95.toFixed(1)} (${v.n})`)
    .join(', ')
  console.log(
    `typeahead (Chromium): ${c.cachedPatients} patients in IndexedDB (filled by the app in ${c.fillSeconds.toFixed(1)} s), ${c.n} queries typed with real keys, keystroke → results in the DOM: p50 ${c.p50.toFixed(1)} ms, p95 ${c.p95.toFixed(1)} ms, max ${c.max.toFixed(1)} ms; → next frame: p50 ${c.frameP50.toFixed(1)} ms, p95 ${c.frameP95.toFixed(1)} ms; ${kinds}; answered by the server instead of the cache: ${c.fromServer}${c.misses.length ? `; never shown (counted as 3000 ms): ${c.misses.join(', ')}` : ''}`,
  )
  console.log(
    `patients fill (Chromium): ${c.cachedPatients} patients in ${c.fillPages} pages in ${c.fillSeconds.toFixed(1)} s; floor ${(c.fillPages / 10).toFixed(1)} s`,
  )
  console.log(
    `upload_50mb_s=${up.seconds.toFixed(2)} peak_main_mem_x=${up.memX.toFixed(2)} typeahead_ms=${Math.ceil(c.p95)} patients_fill_vs_floor=${c.fillVsFloor.toFixed(2)}`,
  )
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
