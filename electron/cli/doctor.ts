import { todayIn } from '../../shared/dates'
import { openCliConnection } from './connection'
import { doctorChecks } from './doctor-checks'
import { explain } from './exit-codes'

// `npm run doctor`: can this computer work with AlfaDocs? Prints what it found; non-zero exit with a reason.

async function main(): Promise<number> {
  let conn
  try {
    conn = await openCliConnection()
  } catch (e) {
    const { code, reason } = explain(e)
    console.error(`✗ ${reason}`)
    return code
  }
  const { client } = conn
  console.log(`Sportello doctor — ${conn.source}`)
  const today = todayIn()
  const checks = doctorChecks(client, today)
  try {
    for (const [name, run] of checks) {
      try {
        console.log(`✓ ${name}: ${await run()}`)
      } catch (e) {
        const { code, reason } = explain(e)
        console.log(`✗ ${name}: ${reason}`)
        console.error(`Sportello cannot work with AlfaDocs: ${reason}`)
        return code
      }
    }
    console.log(`All good (${client.stats().requests} requests).`)
    return 0
  } finally {
    await conn.close()
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e)
    process.exit(1)
  },
)
