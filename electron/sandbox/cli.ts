import { parseArgs } from 'node:util'
import { startSandbox } from './index'

// npm run sandbox -- --port 4010 --api-key demo-key [--today YYYY-MM-DD] [--seed N] [--latency MS] [--no-rate-limit]

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4010' },
      host: { type: 'string' },
      'api-key': { type: 'string' },
      today: { type: 'string' },
      seed: { type: 'string' },
      latency: { type: 'string' },
      'no-rate-limit': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help) {
    console.log(
      'usage: npm run sandbox -- [--port 4010] [--api-key KEY] [--today YYYY-MM-DD] [--seed N] [--latency MS] [--no-rate-limit] [--quiet]',
    )
    return
  }
  const num = (name: string, v: string | undefined) => {
    if (v === undefined) return undefined
    const n = Number(v)
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer, got "${v}"`)
    return n
  }
  // The sandbox holds a key and answers anyone who can reach it: this computer only.
  if (values.host !== undefined && !/^(127(\.\d{1,3}){3}|localhost|::1)$/i.test(values.host)) {
    throw new Error(`--host must be a loopback address (127.0.0.1, ::1 or localhost), got "${values.host}"`)
  }
  const sandbox = await startSandbox({
    port: num('port', values.port),
    host: values.host,
    apiKey: values['api-key'],
    today: values.today,
    seed: num('seed', values.seed),
    latencyMs: num('latency', values.latency),
    rateLimitPerSecond: values['no-rate-limit'] ? false : 10,
    quiet: values.quiet,
  })
  console.log(`AlfaDocs demo sandbox — ${sandbox.state.practice.practiceName}`)
  console.log(`  base URL: ${sandbox.baseUrl}`)
  console.log(`  API key:  ${sandbox.apiKey}`)
  console.log(`  practice ${sandbox.practiceId}, archive ${sandbox.archiveId}, today ${sandbox.state.today}`)
  console.log('Press Ctrl+C to stop.')
  const stop = () => {
    sandbox.close().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((e: unknown) => {
  console.error(`sandbox: ${e instanceof Error ? e.message : String(e)}`)
  process.exit(1)
})
