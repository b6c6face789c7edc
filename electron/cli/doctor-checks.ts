import type { AlfaDocsClient } from '../main/alfadocs/client'

// The checks of `npm run doctor`, also run by the app's Aiuto → Diagnostica on the connected practice.

export type DoctorCheck = [name: string, run: () => Promise<string>]

export function doctorChecks(client: AlfaDocsClient, today: string): DoctorCheck[] {
  return [
    [
      '/me',
      async () => {
        const me = await client.me()
        return `practice ${me.practiceName ?? '(no name)'} — practiceId ${me.practiceId}, archiveId ${me.archiveId}`
      },
    ],
    [
      'chairs',
      async () => {
        const chairs = await client.request('chairsList')
        return `${chairs.filter((c) => !c.deleted).length} in use, ${chairs.filter((c) => c.deleted).length} deleted`
      },
    ],
    ['colors', async () => `${(await client.request('colorsList')).length}`],
    [
      'operators',
      async () => {
        const ops = await client.request('operatorsList')
        return `${ops.filter((o) => !o.deleted).length} active: ${ops
          .filter((o) => !o.deleted)
          .map((o) => o.name)
          .join(', ')}`
      },
    ],
    [
      `appointments ${today}`,
      async () => {
        const list = await client.listWindowed('appointmentsList', today, today)
        return `${list.length}`
      },
    ],
  ]
}

export interface DoctorLine {
  name: string
  ok: boolean
  text: string
}

/** Runs the checks in order, stopping at the first failure (as the CLI does). */
export async function runDoctorChecks(checks: DoctorCheck[], explain: (e: unknown) => string): Promise<DoctorLine[]> {
  const lines: DoctorLine[] = []
  for (const [name, run] of checks) {
    try {
      lines.push({ name, ok: true, text: await run() })
    } catch (e) {
      lines.push({ name, ok: false, text: explain(e) })
      break
    }
  }
  return lines
}
