import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../electron/sandbox'
import type { PaymentView } from '../../shared/contract/billing'
import { manyRequest, openBill, openPatientBills, outcome, request, TODAY } from './payments-fixtures'

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

  it('a multi-instalment payment killed between (or inside) its steps resumes the rest, each step exactly once', async () => {
    // [where, which step] — inside a step (its transaction exists, the liability not yet settled) and between steps.
    const points: Array<[string, number]> = [
      ['after-settled', 0],
      ['after-tx-posted', 1],
      ['after-settled', 1],
      ['after-tx-recorded', 2],
      ['after-tx-posted', 0],
      ['after-tx-recorded', 1],
    ]
    for (const [pauseAt, step] of points) {
      // Bill A names the patient (90 € + 60 €), bill B only the patient's care plan (50 €): 180 € pays A in full and 30 € of B.
      const { patientId, bills } = openPatientBills(sb, [[90, 60], [50]])
      const [A, B] = bills as [(typeof bills)[0], (typeof bills)[0]]
      const req = manyRequest(
        patientId,
        [
          { billId: A.billId, liabilityId: A.liabilityIds[0]! },
          { billId: A.billId, liabilityId: A.liabilityIds[1]! },
          { billId: B.billId, liabilityId: B.liabilityIds[0]! },
        ],
        18000,
      )
      const killed = await runWorker({ PAY_MANY: JSON.stringify(req), PAY_PAUSE_AT: pauseAt, PAY_PAUSE_STEP: String(step) }, true)
      expect(killed.signal, killed.stderr).toBe('SIGKILL')
      const restarted = await runWorker({}, false)
      expect(restarted.code, restarted.stderr).toBe(0)
      const views = JSON.parse(restarted.stdout.split('RESULT ')[1] ?? '[]') as PaymentView[]
      expect(views.find((v) => v.key === req.key)).toMatchObject({ state: 'done', totalCents: 18000 })
      const a = outcome(sb.state, A.billId, A.liabilityIds)
      const b = outcome(sb.state, B.billId, B.liabilityIds)
      expect(
        a.txCents.sort((x, y) => x - y),
        `${pauseAt} at step ${step}`,
      ).toEqual([6000, 9000])
      expect(b.txCents, `${pauseAt} at step ${step}`).toEqual([3000])
      expect([...a.liabilityCents.values(), ...b.liabilityCents.values()]).toEqual([null, null, 2000])
    }
  }, 90_000)
})
