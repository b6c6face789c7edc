import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { startSandboxProcess } from '../electron/sandbox/process'
import { createMainApp } from '../electron/main/app'
import { MemorySecretStore } from '../electron/main/keychain/memory-store'
import { createRng } from '../electron/sandbox/rng'
import { addDaysIso, todayIn } from '../shared/dates'

// npm run soak:desks -- [--seconds 60] [--desks 5] [--seed N] [--verbose]
//
// One demo sandbox as its own process (loopback, its default limit of 10 requests per second per key)
// and five desks, each its own process running the real main app (createMainApp) connected to it with
// the same key, as five front-desk computers of one practice would be. Each desk does a desk's work
// for the given time: opens the day, switches days, searches patients, opens one, lists bills, opens a
// bill, sets an appointment's state, with a person's pauses between actions.
// Last line: `desks=5 calls=N user_errors=N rate_limited=N p95_ms=N`; exit code 1 unless user_errors=0.
//   calls        IPC calls the desks made (what the renderer would ask)
//   user_errors  those answered with an error (what a person would see)
//   rate_limited 429 answers the sandbox sent (retried by the clients, never shown)

const ROOT = resolve(__dirname, '..')

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    desks: { type: 'string', default: '5' },
    seed: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    // internal: run as one desk
    desk: { type: 'string' },
    'base-url': { type: 'string' },
    'api-key': { type: 'string' },
    today: { type: 'string' },
  },
})

const SECONDS = Number(values.seconds)
if (!Number.isFinite(SECONDS) || SECONDS <= 0 || SECONDS > 3600) throw new Error('--seconds must be between 1 and 3600')
const SEED = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31)

interface DeskResult {
  desk: number
  calls: number
  errors: number
  latencies: number[]
  /** Latencies by channel (for --verbose). */
  byChannel: Record<string, number[]>
  firstErrors: string[]
}

const RESULT_PREFIX = 'SOAK_DESK_RESULT '

// ------------------------------------------------------------------------------------------------
// One desk

async function runDesk(desk: number, baseUrl: string, apiKey: string, today: string): Promise<void> {
  // Whatever happens, this process ends: the deadline plus a grace period for calls in flight.
  setTimeout(() => process.exit(2), (SECONDS + 60) * 1000).unref()
  const gen = createRng(SEED + desk * 7919)
  const rng = () => gen.next()
  const pick = <T>(xs: readonly T[]): T | undefined => (xs.length === 0 ? undefined : xs[Math.floor(rng() * xs.length)])
  const dataDir = await mkdtemp(join(tmpdir(), `soak-desk-${desk}-`))
  const app = createMainApp({ secretStore: new MemorySecretStore(), dataDir })
  const result: DeskResult = { desk, calls: 0, errors: 0, latencies: [], byChannel: {}, firstErrors: [] }

  const call = async <T = unknown>(channel: string, input: unknown = {}): Promise<T | undefined> => {
    const started = performance.now()
    const r = await app.invoke(channel, input)
    result.calls++
    const ms = Math.round(performance.now() - started)
    result.latencies.push(ms)
    ;(result.byChannel[channel] ??= []).push(ms)
    if (!r.ok) {
      result.errors++
      if (result.firstErrors.length < 5) result.firstErrors.push(`${channel}: ${r.error.kind} ${r.error.message}`)
      return undefined
    }
    return r.value as T
  }

  type Appt = { id: number; state: string; patientId?: number | null }
  type Page = { results: Array<{ id: number }> }
  type Bills = { bills: Array<{ id: number }> }

  const connected = await call<{ state: string }>('sessionConnect', { apiKey, baseUrl })
  if (connected?.state !== 'connected') {
    process.stdout.write(RESULT_PREFIX + JSON.stringify(result) + '\n')
    await app.dispose()
    return
  }
  const deadline = performance.now() + SECONDS * 1000
  let day = today
  let dayAppointments: Appt[] = []
  const patientsSeen: number[] = []
  const names = ['Rossi', 'Bianchi', 'Russo', 'Ferrari', 'Esposito', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco']

  const openDay = async (date: string) => {
    day = date
    const [appts] = await Promise.all([call<Appt[]>('appointmentsRange', { from: date, to: date }), call('agendaWaiting', { ids: [] })])
    dayAppointments = appts ?? []
    const ids = [...new Set(dayAppointments.map((a) => a.patientId).filter((x): x is number => typeof x === 'number'))]
    if (ids.length > 0) await call('patientsByIds', { ids: ids.slice(0, 500) })
  }

  const actions: Array<[number, () => Promise<void>]> = [
    // open the day (again: the agenda refreshes it)
    [3, () => openDay(day)],
    // switch days
    [3, () => openDay(addDaysIso(today, Math.floor(rng() * 15) - 7))],
    // search patients, then open one
    [
      3,
      async () => {
        const page = await call<Page>('patientsSearch', { text: pick(names)!, limit: 20 })
        const p = pick(page?.results ?? [])
        if (p) patientsSeen.push(p.id)
      },
    ],
    [
      2,
      async () => {
        const patientId =
          pick(patientsSeen) ?? pick(dayAppointments.map((a) => a.patientId).filter((x): x is number => typeof x === 'number'))
        if (patientId === undefined) return
        await Promise.all([
          call('patientGet', { patientId }),
          call('appointmentsRange', { patientId, from: addDaysIso(today, -180), to: addDaysIso(today, 180) }),
          call('billsList', { patientId, from: addDaysIso(today, -365), to: today }),
          call('patientCarePlans', { patientId }),
          call('documentsList', { patientId }),
        ])
      },
    ],
    // list bills, open one
    [
      2,
      async () => {
        const list = await call<Bills>('billsList', { from: addDaysIso(today, -30), to: today })
        const bill = pick(list?.bills ?? [])
        if (bill) await call('billDetail', { billId: bill.id })
      },
    ],
    // set a state (one click on an appointment of the day shown)
    [
      2,
      async () => {
        const a = pick(dayAppointments.filter((x) => x.state !== 'cancelled'))
        if (!a) return
        const next =
          ({ confirmed: 'waiting', waiting: 'in_care', in_care: 'done', done: 'confirmed', absent: 'confirmed' } as Record<string, string>)[
            a.state
          ] ?? 'confirmed'
        const r = await call<{ appointment: Appt }>('agendaSetState', { id: a.id, state: next, at: Date.now() })
        if (r) a.state = r.appointment.state
      },
    ],
  ]
  const weightTotal = actions.reduce((n, [w]) => n + w, 0)
  const chooseAction = () => {
    let x = rng() * weightTotal
    for (const [w, f] of actions) if ((x -= w) < 0) return f
    return actions[0]![1]
  }

  // The morning's first screen: reference data, booking data, the day.
  await Promise.all([
    call('referenceData'),
    call('agendaBookingData'),
    call('billingReference'),
    call('paymentsUnfinished'),
    openDay(today),
  ])
  while (performance.now() < deadline) {
    await chooseAction()()
    // A person reads the screen before the next click: 0.5–3 s.
    await new Promise((r) => setTimeout(r, 500 + rng() * 2500))
  }
  await app.dispose()
  await rm(dataDir, { recursive: true, force: true })
  process.stdout.write(RESULT_PREFIX + JSON.stringify(result) + '\n')
}

// ------------------------------------------------------------------------------------------------
// The orchestrator

interface Proc {
  child: ChildProcess
  out: string
  err: string
  exited: Promise<number | null>
}

function start(args: string[]): Proc {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  const p: Proc = { child, out: '', err: '', exited: new Promise((ok) => child.on('exit', (code) => ok(code))) }
  child.stdout!.on('data', (d: Buffer) => (p.out += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (p.err += d.toString()))
  return p
}

function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return 0
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

async function orchestrate(): Promise<void> {
  const desks = Number(values.desks)
  if (!Number.isInteger(desks) || desks < 1 || desks > 20) throw new Error('--desks must be between 1 and 20')
  const apiKey = `soak-${randomUUID()}`
  const today = todayIn('Europe/Rome')
  console.log(`soak:desks seed=${SEED} desks=${desks} seconds=${SECONDS} (repeat with --seed ${SEED})`)
  const sandbox = await startSandboxProcess({ apiKey, today })
  if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(sandbox.baseUrl)) throw new Error(`sandbox is not on loopback: ${sandbox.baseUrl}`)
  const procs: Proc[] = []
  // The whole run is bounded: past the deadline and a grace period every child is stopped.
  const hardStop = setTimeout(
    () => {
      for (const p of procs) p.child.kill('SIGKILL')
      sandbox.child.kill('SIGKILL')
    },
    (SECONDS + 90) * 1000,
  )
  try {
    for (let d = 0; d < desks; d++) {
      procs.push(
        start([
          'scripts/soak-desks.ts',
          '--desk',
          String(d),
          '--base-url',
          sandbox.baseUrl,
          '--api-key',
          apiKey,
          '--today',
          today,
          '--seconds',
          String(SECONDS),
          '--seed',
          String(SEED),
        ]),
      )
    }
    const codes = await Promise.all(procs.map((p) => p.exited))
    const results: DeskResult[] = []
    procs.forEach((p, i) => {
      const line = p.out.split('\n').find((l) => l.startsWith(RESULT_PREFIX))
      if (!line) throw new Error(`desk ${i} ended (${codes[i]}) without a result: ${p.err.slice(-2000)}`)
      results.push(JSON.parse(line.slice(RESULT_PREFIX.length)) as DeskResult)
      if (values.verbose && p.err.trim()) console.error(`desk ${i} stderr:\n${p.err.slice(-2000)}`)
    })
    const stats = (await sandbox.control('GET', 'stats')) as {
      answered: Record<string, number>
      perSecond: Record<string, Record<string, number>>
    }
    const calls = results.reduce((n, r) => n + r.calls, 0)
    const userErrors = results.reduce((n, r) => n + r.errors, 0)
    const requests = Object.values(stats.answered).reduce((n, c) => n + c, 0)
    const p95 = percentile(
      results.flatMap((r) => r.latencies),
      95,
    )
    for (const r of results) {
      if (values.verbose || r.errors > 0)
        console.log(
          `desk ${r.desk}: calls=${r.calls} errors=${r.errors}${r.firstErrors.length ? ` first: ${r.firstErrors.join(' | ')}` : ''}`,
        )
    }
    console.log(`sandbox answered ${requests} API requests: ${JSON.stringify(stats.answered)}`)
    if (values.verbose) {
      const secs = Object.keys(stats.perSecond)
        .map(Number)
        .sort((a, b) => a - b)
      const channels = new Map<string, number[]>()
      for (const r of results) for (const [c, ms] of Object.entries(r.byChannel)) channels.set(c, [...(channels.get(c) ?? []), ...ms])
      for (const [c, ms] of [...channels].sort())
        console.log(`  ${c}: calls=${ms.length} p50_ms=${percentile(ms, 50)} p95_ms=${percentile(ms, 95)}`)
      console.log(
        `per second (200/429): ${secs.map((s) => `${stats.perSecond[s]!['200'] ?? 0}/${stats.perSecond[s]!['429'] ?? 0}`).join(' ')}`,
      )
    }
    console.log(`desks=${desks} calls=${calls} user_errors=${userErrors} rate_limited=${stats.answered['429'] ?? 0} p95_ms=${p95}`)
    process.exitCode = userErrors === 0 && calls > 0 ? 0 : 1
  } finally {
    clearTimeout(hardStop)
    for (const p of procs) if (p.child.exitCode === null) p.child.kill('SIGTERM')
    await sandbox.stop()
  }
}

if (values.desk !== undefined) {
  runDesk(Number(values.desk), values['base-url']!, values['api-key']!, values.today!).then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e)
      process.exit(1)
    },
  )
} else {
  orchestrate().catch((e: unknown) => {
    console.error(`soak:desks: ${e instanceof Error ? e.message : String(e)}`)
    process.exit(1)
  })
}
