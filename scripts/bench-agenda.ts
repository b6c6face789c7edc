import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { extname, join, normalize, resolve, sep } from 'node:path'
import vue from '@vitejs/plugin-vue'
import type { Page } from 'playwright-core'
import { build } from 'vite'
import { addDaysIso, formatWall, todayIn } from '../shared/dates'
import type { SandboxState } from '../electron/sandbox'
import { findChromium, startHarness } from '../test/e2e/harness'

// npm run bench:agenda — a 12-chair day with 150 appointments (~120 patients) in the demo sandbox:
//  1. cold open (empty Dexie): API requests counted in the sandbox's request log, time to every block with
//     its name, against the floor the 10 requests/s limit sets for that many requests;
//  2. warm open (reload, Dexie filled): open → first paint of the day's blocks;
//  3. render of the same day by our grid and by vue-cal 4 (chairs as split days), same Chromium, medians; and
//     of a 20-chair day with 400 appointments (data only) by both.
// Key figures (last line): warm_paint_ms (reload, Dexie filled: open → the frame holding every block in view
// painted; the bench checks it, and that the rest of the day follows), day_switch_ms (←/→ to a cached day in the
// running app, the same frame), boot_paint_ms (start of the page load → that frame, from the cache),
// render_ratio_vs_vuecal and render_ratio_vs_vuecal_20x400 (our render time ÷ vue-cal's), all medians.
// Flags: --no-build (reuse out/renderer), --rounds=N (render samples, default 15).

const ROOT = resolve(__dirname, '..')
const args = new Set(process.argv.slice(2))
const rounds = Number([...args].find((a) => a.startsWith('--rounds='))?.split('=')[1] ?? 15)
/**
 * The desk opens today's agenda: the page keeps the real clock (see below), so the bench's day is the real
 * today (the next weekday on a weekend) — a fixed day would fall out of the cache's window and be trimmed.
 */
const DAY = (() => {
  let d = todayIn()
  while ([0, 6].includes(new Date(`${d}T12:00:00Z`).getUTCDay())) d = addDaysIso(d, 1)
  return d
})()
const CHAIRS = 12
const APPOINTMENTS = 150
/** The render comparison's larger day (rendered from data only, the sandbox keeps the 12-chair one). */
const WIDE_CHAIRS = 20
const WIDE_APPOINTMENTS = 400
const PATIENTS = 120
const RATE = 10

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
}
const r1 = (n: number) => Math.round(n * 10) / 10
const r2 = (n: number) => Math.round(n * 100) / 100

/**
 * A busy day's appointments, `count` of them round the chairs from 08:00, some double-booked: `make` gives
 * each its shape (the sandbox's, or an answer's for the render bench).
 */
function busyDay<A>(count: number, chairIds: number[], make: (i: number, chairId: number, start: number, duration: number) => A): A[] {
  const durations = [15, 20, 30, 30, 45, 60]
  const clock = new Map(chairIds.map((c) => [c, 8 * 60]))
  const out: A[] = []
  for (let i = 0; i < count; i++) {
    const chair = chairIds[i % chairIds.length]!
    const dur = durations[(i * 7) % durations.length]!
    let start = clock.get(chair)!
    if (i % 11 === 5) start -= 15 // a double booking now and then
    clock.set(chair, Math.max(clock.get(chair)!, start + dur))
    out.push(make(i, chair, start, dur))
  }
  return out
}

const STATES = [
  'done',
  'done',
  'done',
  'in_care',
  'waiting',
  'confirmed',
  'confirmed',
  'confirmed',
  'confirmed',
  'absent',
  'cancelled',
] as const

/** 12 live chairs, and today's appointments replaced by 150 of ~120 patients, some double-booked. */
function seedBusyDay(state: SandboxState): void {
  const live = state.chairs.filter((c) => !c.deleted)
  for (let n = live.length + 1; n <= CHAIRS; n++) state.chairs.push({ id: 2286000 + n, name: `Poltrona ${n}`, deleted: false })
  const chairs = state.chairs.filter((c) => !c.deleted).slice(0, CHAIRS)
  const patients = state.patients.filter((p) => !p.deleted).slice(0, PATIENTS)
  const operators = state.operators.filter((o) => !o.deleted)
  const reasons = state.bookingReasons
  state.appointments = state.appointments.filter((a) => a.date.slice(0, 10) !== DAY)
  const day = busyDay(
    APPOINTMENTS,
    chairs.map((c) => c.id),
    (i, chairId, start, duration) => {
      const reason = reasons[i % reasons.length]!
      return {
        id: 700001 + i,
        date: formatWall(DAY, start),
        patientId: patients[i % patients.length]!.id,
        emailReminder: i % 2 === 0,
        smsReminder: true,
        description: reason.description,
        allDay: false,
        type: 'inPractice' as const,
        state: STATES[i % STATES.length]!,
        duration,
        colorId: state.colors[i % state.colors.length]!.id,
        chairId,
        operatorId: operators[i % operators.length]!.id,
        createdThroughBooking: false,
        createdThroughApi: false,
        firstVisit: 'no' as const,
        carePlanId: null,
      }
    },
  )
  state.appointments.push(...day)
}

async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
      const file = normalize(join(dir, pathname === '/' ? 'index.html' : pathname))
      if (!file.startsWith(dir + sep) || !(await stat(file).catch(() => null))?.isFile()) return void res.writeHead(404).end()
      const type = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }[extname(file)] ?? 'application/octet-stream'
      res.writeHead(200, { 'content-type': `${type}; charset=utf-8` }).end(await readFile(file))
    })()
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => new Promise((ok) => server.close(() => ok())) }
}

/**
 * Waits until a page-side expression holds, polled in the page: one devtools-protocol call per wait (the
 * CSP allows it), not one every few ms — each would be a task on the page's main thread, landing among the
 * very frames measured (a poll from here between the frame and the "painted" task was counted as paint).
 */
async function until(page: Page, expr: string, timeoutMs: number, step = ''): Promise<void> {
  const held = await page.evaluate<boolean>(`new Promise((done) => {
    const end = performance.now() + ${timeoutMs}
    const check = () => (${expr}) ? done(true) : performance.now() > end ? done(false) : setTimeout(check, 10)
    check()
  })`)
  if (!held) throw new Error(`timed out${step ? ` (${step})` : ''} waiting for: ${expr}`)
}

async function main() {
  const chromium = findChromium()
  if (!chromium) throw new Error('bench:agenda needs Chromium (apt-get install chromium or CHROMIUM_PATH)')
  if (!args.has('--no-build')) {
    const b = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'ignore' })
    if (b.status !== 0) throw new Error('electron-vite build failed')
  }
  if (!existsSync(join(ROOT, 'out/renderer/index.html'))) throw new Error('out/renderer is missing: run without --no-build')

  const benchDir = await mkdtemp(join(tmpdir(), 'sportello-bench-'))
  await build({
    root: join(ROOT, 'scripts/bench'),
    base: './',
    logLevel: 'error',
    plugins: [vue()],
    configFile: false,
    build: { outDir: benchDir, emptyOutDir: true, modulePreload: { polyfill: false } },
  })

  // The page keeps its real clock: a faked one (the e2e default) also fakes requestAnimationFrame, so
  // "painted" would follow a 16 ms timer rather than a frame, and drops performance marks.
  const h = await startHarness(chromium, { today: DAY, realClock: true })
  const benchServer = await serve(benchDir)
  try {
    await h.invoke('sessionConnectDemo')
    const sb = h.sandbox()
    seedBusyDay(sb.state)
    const { page } = h

    // ---- 1. cold open: empty cache --------------------------------------------------------------------
    sb.requestLog.length = 0
    // The app's CSP forbids eval, so the watcher is an init script: it notes when every block has its name.
    await h.context.addInitScript({
      content: `(() => {
        const check = () => {
          if (document.querySelectorAll('.blk').length >= ${APPOINTMENTS} && !document.querySelector('.appt__loading')) window.__coldDone = performance.now()
          else requestAnimationFrame(check)
        }
        requestAnimationFrame(check)
      })()`,
    })
    // When each block came into the page: the day's first frame must hold every block in view (those below the
    // fold follow it), checked after every open below.
    await h.context.addInitScript({
      content: `(() => {
        window.__blkAdded = new Map()
        new MutationObserver((records) => {
          const t = performance.now()
          for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1 && n.classList.contains('blk')) window.__blkAdded.set(n.dataset.id, t)
        }).observe(document, { childList: true, subtree: true })
      })()`,
    })
    await h.open(`#/day/${DAY}`)
    await until(page, 'window.__coldDone !== undefined', 60_000)
    const cold = await page.evaluate<{ ms: number; fromNavigation: number }>(
      `({ ms: window.__coldDone - window.__agendaPerf.openStart, fromNavigation: window.__coldDone })`,
    )
    // Anything still in flight belongs to the open (e.g. the waiting-room lookup): let it land, then count.
    await page.waitForTimeout(1500)
    const requests = sb.requestLog.filter((e) => e.path.startsWith('/api/v1')).map((e) => `${e.method} ${e.route ?? e.path}`)
    const byRoute = new Map<string, number>()
    for (const r of requests) byRoute.set(r, (byRoute.get(r) ?? 0) + 1)
    // Page-side code is plain JS text: this file is type-checked without the DOM library.
    const prefetched = await page.evaluate<number[]>(`(async () => {
      const open = indexedDB.open('sportello')
      const idb = await new Promise((ok, ko) => { open.onsuccess = () => ok(open.result); open.onerror = () => ko(open.error) })
      const has = (day) => new Promise((ok) => { const r = idb.transaction('meta').objectStore('meta').get('day:' + day); r.onsuccess = () => ok(r.result ? 1 : 0) })
      const out = [await has(${JSON.stringify(addDaysIso(DAY, -1))}), await has(${JSON.stringify(addDaysIso(DAY, 1))})]
      idb.close()
      return out
    })()`)
    const floorMs = (requests.length / RATE) * 1000

    /**
     * Once the whole day is in (every block of `count`), the blocks on screen — in the grid's view, under its
     * sticky headers or not — all came into the page before the frame counted as painted.
     */
    const inViewAtPaint = async (count: number, step: string) => {
      await until(page, `document.querySelectorAll('.blk').length >= ${count}`, 30_000, step)
      const late = await page.evaluate<string[]>(`(() => {
        const view = document.querySelector('[data-test="agenda-grid"]').getBoundingClientRect()
        return [...document.querySelectorAll('.blk')].filter((b) => {
          const r = b.getBoundingClientRect()
          const seen = r.bottom > view.top && r.top < view.bottom && r.right > view.left && r.left < view.right
          return seen && !(window.__blkAdded.get(b.dataset.id) <= window.__agendaPerf.painted)
        }).map((b) => b.dataset.id)
      })()`)
      if (late.length > 0) throw new Error(`${step}: ${late.length} blocks in view came after the frame counted as painted`)
    }

    // ---- 2. warm open: reload with the cache filled -------------------------------------------------------
    const dayCounts = new Map<string, number>()
    for (const d of [DAY, addDaysIso(DAY, 1)]) dayCounts.set(d, (await h.invoke('appointmentsRange', { from: d, to: d })).length)
    const warm: number[] = []
    const warmNav: number[] = []
    const phases: Array<{ toCache: number; render: number; paint: number }> = []
    const switchMs: number[] = []
    for (let i = 0; i < 5; i++) {
      await page.reload()
      await until(page, `window.__agendaPerf?.painted !== undefined`, 30_000, `warm open ${i + 1}`)
      const m = await page.evaluate<{
        open: number
        nav: number
        shown: number
        toCache: number
        render: number
        paint: number
      }>(`({
        shown: window.__agendaPerf.shown,
        open: window.__agendaPerf.painted - window.__agendaPerf.openStart,
        nav: window.__agendaPerf.painted,
        toCache: window.__agendaPerf.cacheRead - window.__agendaPerf.openStart,
        render: window.__agendaPerf.rendered - window.__agendaPerf.cacheRead,
        paint: window.__agendaPerf.painted - window.__agendaPerf.rendered,
      })`)
      if (m.shown < APPOINTMENTS) throw new Error(`warm open painted ${m.shown} appointments, expected ${APPOINTMENTS}`)
      await inViewAtPaint(APPOINTMENTS, `warm open ${i + 1}`)
      warm.push(m.open)
      warmNav.push(m.nav)
      phases.push(m)
      await page.waitForTimeout(800)
      // Within the running app: to the next day (prefetched by the open) and back, each from the cache.
      for (const key of ['ArrowRight', 'ArrowLeft']) {
        await page.evaluate(`window.__agendaPerf = undefined`)
        await page.keyboard.press(key)
        await until(page, `window.__agendaPerf?.painted !== undefined`, 30_000, `${key} after warm open ${i + 1}`)
        const sw = await page.evaluate<{ ms: number; shown: number; day: string }>(
          `({ ms: window.__agendaPerf.painted - window.__agendaPerf.openStart, shown: window.__agendaPerf.shown, day: location.hash.slice(6, 16) })`,
        )
        // From the cache, whole: a day the cache lost (e.g. trimmed) would paint empty, and fast.
        if (sw.shown !== dayCounts.get(sw.day))
          throw new Error(`${key}: ${sw.day} painted ${sw.shown} appointments, the day has ${dayCounts.get(sw.day)}`)
        await inViewAtPaint(sw.shown, `${key} after warm open ${i + 1}`)
        switchMs.push(sw.ms)
        await page.waitForTimeout(500)
      }
    }

    // ---- 3. render: ours vs vue-cal ------------------------------------------------------------------------
    const ref = await h.invoke('referenceData')
    const appointments = await h.invoke('appointmentsRange', { from: DAY, to: DAY })
    const ids = [...new Set(appointments.map((a) => a.patientId).filter((x): x is number => x != null))]
    const patients = await h.invoke('patientsByIds', { ids })
    // The app's page leaves (its timers, polls and the morning's prefetch would share the renderer's time).
    await page.goto('about:blank')
    const benchPage = await h.context.newPage()
    await benchPage.goto(benchServer.url)
    await until(benchPage, `typeof window.__bench === 'function'`, 30_000)
    const data = JSON.stringify({ day: DAY, ...ref, appointments, patients })
    type Render = { ours: number[]; vuecal: number[]; oursBlocks: number; vuecalBlocks: number }
    const render = await benchPage.evaluate<Render>(`window.__bench(${data}, ${rounds})`)
    // 20 chairs × 400 appointments: the 12 chairs and 8 more, each appointment shaped as an answer of this day.
    const liveChairs = ref.chairs.filter((c) => !c.deleted)
    const wideChairs = [
      ...liveChairs,
      ...Array.from({ length: WIDE_CHAIRS - liveChairs.length }, (_, n) => ({
        id: 2287001 + n,
        name: `Poltrona ${liveChairs.length + n + 1}`,
        deleted: false,
      })),
    ].slice(0, WIDE_CHAIRS)
    const wideAppointments = busyDay(
      WIDE_APPOINTMENTS,
      wideChairs.map((c) => c.id),
      (i, chairId, start, duration) => ({
        ...appointments[i % appointments.length]!,
        id: 800001 + i,
        date: formatWall(DAY, start),
        duration,
        chairId,
        allDay: false,
        patientId: patients[i % patients.length]!.id,
      }),
    )
    const wideData = JSON.stringify({ day: DAY, ...ref, chairs: wideChairs, appointments: wideAppointments, patients })
    const wide = await benchPage.evaluate<Render>(`window.__bench(${wideData}, ${rounds})`)
    if (wide.oursBlocks !== WIDE_APPOINTMENTS || wide.vuecalBlocks !== WIDE_APPOINTMENTS)
      throw new Error(
        `the 20×400 render drew ${wide.oursBlocks} blocks (ours) and ${wide.vuecalBlocks} events (vue-cal), expected ${WIDE_APPOINTMENTS}`,
      )
    await benchPage.screenshot({ path: join(ROOT, 'test-results/screenshots/bench-page.png') }).catch(() => undefined)

    const oursMs = median(render.ours)
    const vuecalMs = median(render.vuecal)
    const ratio = oursMs / vuecalMs
    const wideOursMs = median(wide.ours)
    const wideVuecalMs = median(wide.vuecal)
    const warmMs = median(warm)

    console.log(`agenda bench — ${CHAIRS} chairs, ${appointments.length} appointments, ${ids.length} patients, day ${DAY}`)
    console.log(`cold open: ${requests.length} API requests (${[...byRoute].map(([k, v]) => `${k}×${v}`).join(', ')})`)
    console.log(
      `cold open: ${r1(cold.ms)} ms from opening the day to every block named; floor for ${requests.length} requests at ${RATE}/s: ${r1(floorMs)} ms`,
    )
    console.log(
      `adjacent days cached by the cold open: ${addDaysIso(DAY, -1)}=${prefetched[0] ? 'yes' : 'no'} ${addDaysIso(DAY, 1)}=${prefetched[1] ? 'yes' : 'no'}`,
    )
    console.log(`warm open (app reloaded, Dexie filled): median ${r1(warmMs)} ms open→paint (samples ${warm.map(r1).join(', ')})`)
    console.log(
      `warm open phases (medians): screen mounted + cache read ${r1(median(phases.map((p) => p.toCache)))} ms, render ${r1(median(phases.map((p) => p.render)))} ms, ` +
        `frame ${r1(median(phases.map((p) => p.paint)))} ms; from the start of the page load: median ${r1(median(warmNav))} ms (samples ${warmNav.map(r1).join(', ')})`,
    )
    console.log(
      `warm day switch (←/→ to a cached day in the running app): median ${r1(median(switchMs))} ms open→paint (samples ${switchMs.map(r1).join(', ')})`,
    )
    console.log(
      `render (median of ${render.ours.length}): ours ${r1(oursMs)} ms (${render.oursBlocks} blocks), vue-cal ${r1(vuecalMs)} ms (${render.vuecalBlocks} events)`,
    )
    console.log(
      `render ${WIDE_CHAIRS} chairs × ${WIDE_APPOINTMENTS} (median of ${wide.ours.length}): ours ${r1(wideOursMs)} ms (${wide.oursBlocks} blocks), ` +
        `vue-cal ${r1(wideVuecalMs)} ms (${wide.vuecalBlocks} events)`,
    )
    console.log(
      `warm_paint_ms=${Math.round(warmMs)} cold_requests=${requests.length} cold_vs_floor=${r2(cold.ms / floorMs)} render_ratio_vs_vuecal=${r2(ratio)} ` +
        `day_switch_ms=${Math.round(median(switchMs))} boot_paint_ms=${Math.round(median(warmNav))} ` +
        `render_ratio_vs_vuecal_${WIDE_CHAIRS}x${WIDE_APPOINTMENTS}=${r2(wideOursMs / wideVuecalMs)}`,
    )
  } catch (e) {
    // What the page said before it stalled (an error there leaves a step waiting for its mark).
    if (h.pageErrors.length > 0) console.error(`page errors:\n${h.pageErrors.slice(-10).join('\n')}`)
    throw e
  } finally {
    await benchServer.close()
    await h.close()
    await rm(benchDir, { recursive: true, force: true })
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
