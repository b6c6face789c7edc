import type { AlfaDocsClient } from '../main/alfadocs/client'
import { AlfaDocsError } from '../main/alfadocs/errors'
import { explain } from './exit-codes'

// The checks of `npm run doctor` (English), also run by the app's Aiuto → Diagnostica on the connected practice
// (in the menu's language: Italian words for an Italian desk).

export type DoctorCheck = [name: string, run: () => Promise<string>]
export type DoctorLanguage = 'it' | 'en'

export function doctorChecks(client: AlfaDocsClient, today: string, language: DoctorLanguage = 'en'): DoctorCheck[] {
  const it = language === 'it'
  return [
    [
      it ? 'studio' : '/me',
      async () => {
        const me = await client.me()
        const name = me.practiceName ?? (it ? '(senza nome)' : '(no name)')
        return `${it ? '' : 'practice '}${name} — practiceId ${me.practiceId}, archiveId ${me.archiveId}`
      },
    ],
    [
      it ? 'poltrone' : 'chairs',
      async () => {
        const chairs = await client.request('chairsList')
        const [inUse, deleted] = [chairs.filter((c) => !c.deleted).length, chairs.filter((c) => c.deleted).length]
        return it ? `${inUse} in uso, ${deleted} eliminate` : `${inUse} in use, ${deleted} deleted`
      },
    ],
    [it ? 'colori' : 'colors', async () => `${(await client.request('colorsList')).length}`],
    [
      it ? 'operatori' : 'operators',
      async () => {
        const active = (await client.request('operatorsList')).filter((o) => !o.deleted)
        return `${active.length} ${it ? 'attivi' : 'active'}: ${active.map((o) => o.name).join(', ')}`
      },
    ],
    [
      it ? `appuntamenti del ${today.split('-').reverse().join('/')}` : `appointments ${today}`,
      async () => {
        const list = await client.listWindowed('appointmentsList', today, today)
        return `${list.length}`
      },
    ],
  ]
}

/** Why a check failed, in the language of the lines (the CLI's English reasons, Italian words for the menu). */
export function doctorReason(e: unknown, language: DoctorLanguage): string {
  const { reason } = explain(e)
  if (language === 'en' || !(e instanceof AlfaDocsError)) return reason
  switch (e.kind) {
    case 'auth':
      return `La chiave API è stata rifiutata (HTTP ${e.status ?? '?'}): controllala in AlfaDocs, Impostazioni → Studio → Chiavi API.`
    case 'offline':
    case 'timeout':
      return 'AlfaDocs non risponde: controlla la connessione a internet.'
    case 'rate-limited':
      return 'AlfaDocs sta limitando le richieste di questa chiave (HTTP 429): attendi un minuto e riprova.'
    default:
      return `Risposta inattesa da AlfaDocs (${e.kind}${e.status ? `, HTTP ${e.status}` : ''}).`
  }
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
