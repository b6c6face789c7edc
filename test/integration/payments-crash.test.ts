import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../electron/sandbox'
import type { PaymentView } from '../../shared/contract/billing'
import { openBill, outcome, request, TODAY } from './payments-fixtures'

// The process dies between the two steps: a real child process runs the payment service, stops right
// after the transaction exists (before or after the journal knows its id), is SIGKILLed, and a new
// process on the same journal finishes the payment at start-up.

const LOOPS = 20
const ROOT = resolve(__dirname, '../..')
const WORKER = join(__dirname, 'payments-worker.ts')

let sb: Sandbox
let dataDir: string

beforeAll(async () => {
  sb = await startSandbox({ port: 0, today: TODAY, quiet: true, rateLimitPerSecond: false })
  dataDir = await mkdtemp(join(tmpdir(), 'payments-crash-'))
})
afterAll(async () => {
  await sb?.close()
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
})

interface Run {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

/** Runs the worker; with killOnPause it is SIGKILLed as soon as it reports the pause. */
function runWorker(extraEnv: Record<string, string>, killOnPause: boolean): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER], {
      cwd: ROOT,
      env: { ...process.env, PAY_BASE_URL: sb.baseUrl, PAY_API_KEY: sb.apiKey, PAY_DATA_DIR: dataDir, ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString()
      if (killOnPause && stdout.includes('PAUSED\n')) child.kill('SIGKILL')
    })
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', fail)
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      done({ code, signal, stdout, stderr })
    })
  })
}

describe(`payments: the process is killed between the two steps (${LOOPS}×)`, () => {
  it('a new process on the same journal finishes each payment exactly once', async () => {
    for (let i = 0; i < LOOPS; i++) {
      const partial = i % 4 >= 2
      const pauseAt = i % 2 === 0 ? 'after-tx-posted' : 'after-tx-recorded'
      const { billId, liabilityIds } = openBill(sb, [180])
      const amount = partial ? 6000 : 18000
      const req = request(billId, liabilityIds[0]!, amount)

      const killed = await runWorker({ PAY_REQUEST: JSON.stringify(req), PAY_PAUSE_AT: pauseAt }, true)
      expect(killed.signal, killed.stderr).toBe('SIGKILL')
      expect(killed.stdout).toContain('PAUSED')
      // Dead between the steps: the transaction exists, the liability is still fully open.
      const mid = outcome(sb.state, billId, liabilityIds)
      expect(mid.txCents).toEqual([amount])
      expect(mid.liabilityCents.get(liabilityIds[0]!)).toBe(18000)

      const restarted = await runWorker({}, false)
      expect(restarted.code, restarted.stderr).toBe(0)
      const views = JSON.parse(restarted.stdout.split('RESULT ')[1] ?? '[]') as PaymentView[]
      expect(views.find((v) => v.key === req.key)).toMatchObject({ state: 'done' })

      const end = outcome(sb.state, billId, liabilityIds)
      expect(end.txCents, `run ${i} (${pauseAt})`).toEqual([amount])
      expect(end.liabilityCents.get(liabilityIds[0]!)).toBe(partial ? 12000 : null)
    }
  })
})
