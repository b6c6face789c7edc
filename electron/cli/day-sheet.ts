import { parseArgs } from 'node:util'
import { formatDaySheetText } from '../../shared/day-sheet'
import { isIsoDate, todayIn } from '../../shared/dates'
import { loadDaySheet } from '../main/services/agenda/day-sheet'
import { openCliConnection } from './connection'
import { explain } from './exit-codes'

// `npm run day-sheet -- --date YYYY-MM-DD [--json]`: the day per chair. With --json, only JSON on stdout.

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { date: { type: 'string' }, json: { type: 'boolean', default: false } }, strict: true })
  const date = values.date ?? todayIn()
  if (!isIsoDate(date)) {
    console.error(`--date must be a real date as YYYY-MM-DD, got "${date}"`)
    return 2
  }
  let conn
  try {
    conn = await openCliConnection()
    const sheet = await loadDaySheet(conn.client, date)
    if (values.json) {
      process.stdout.write(JSON.stringify(sheet) + '\n')
    } else {
      const me = await conn.client.me()
      process.stdout.write(formatDaySheetText(sheet, me.practiceName))
    }
    return 0
  } catch (e) {
    const { code, reason } = explain(e)
    console.error(`day-sheet: ${reason}`)
    return code
  } finally {
    await conn?.close()
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e)
    process.exit(1)
  },
)
