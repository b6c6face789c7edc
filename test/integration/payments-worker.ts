import { AlfaDocsClient } from '../../electron/main/alfadocs/client'
import { PaymentService, type PaymentHooks } from '../../electron/main/services/billing/payment-service'
import type { MultiPaymentRequest, PaymentRequest } from '../../shared/contract/billing'
import type { PaymentEntry, PaymentStep } from '../../electron/main/services/billing/types'

// A child process for the crash test: runs the real payment service against a sandbox started by the
// test. PAY_PAUSE_AT makes it stop between two steps and say so ("PAUSED"), so the test can SIGKILL it there.
//   PAY_BASE_URL, PAY_API_KEY, PAY_DATA_DIR: where to talk and which journal to use
//   PAY_REQUEST: a JSON PaymentRequest to confirm; absent = resume unfinished payments (a fresh start-up)
//   PAY_MANY: a JSON MultiPaymentRequest to confirm instead (paymentsRecordMany)
//   PAY_PAUSE_AT: after-tx-posted | after-tx-recorded | after-settled
//   PAY_PAUSE_STEP: pause only at this step (index in the payment's steps); default every step

const env = (k: string) => {
  const v = process.env[k]
  if (!v) throw new Error(`${k} is required`)
  return v
}

async function main(): Promise<void> {
  const client = new AlfaDocsClient({
    baseUrl: env('PAY_BASE_URL'),
    auth: { apiKey: env('PAY_API_KEY') },
    requestsPerSecond: 10_000,
    timeoutMs: 2000,
    retryBaseMs: 2,
  })
  const pauseAt = process.env.PAY_PAUSE_AT
  const pauseStep = process.env.PAY_PAUSE_STEP === undefined ? null : Number(process.env.PAY_PAUSE_STEP)
  const pause = async (entry: PaymentEntry, step: PaymentStep) => {
    if (pauseStep !== null && entry.steps.findIndex((s) => s.liabilityId === step.liabilityId) !== pauseStep) return
    process.stdout.write('PAUSED\n')
    await new Promise(() => setInterval(() => undefined, 60_000)) // wait for the kill
  }
  const hooks: PaymentHooks = {
    ...(pauseAt === 'after-tx-posted' ? { afterTxPosted: pause } : {}),
    ...(pauseAt === 'after-tx-recorded' ? { afterTxRecorded: pause } : {}),
    ...(pauseAt === 'after-settled' ? { afterSettled: pause } : {}),
  }
  const service = new PaymentService({
    dataDir: env('PAY_DATA_DIR'),
    client: async () => client,
    retryDelayMs: 2,
    reconcileDelayMs: 0,
    hooks,
  })
  const raw = process.env.PAY_REQUEST
  const many = process.env.PAY_MANY
  const result = raw
    ? [await service.record(JSON.parse(raw) as PaymentRequest)]
    : many
      ? [await service.recordMany(JSON.parse(many) as MultiPaymentRequest)]
      : await service.resumeAll()
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`)
}

main().catch((e: unknown) => {
  process.stderr.write(`worker: ${e instanceof Error ? e.stack : String(e)}\n`)
  process.exit(1)
})
