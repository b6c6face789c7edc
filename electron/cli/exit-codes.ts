import { AlfaDocsError } from '../main/alfadocs/errors'
import { AppError } from '../main/services/app-error'
import { CliUsageError } from './connection'

/** Distinct exit codes so IT scripts can tell a bad key from a network problem. */
export function explain(e: unknown): { code: number; reason: string } {
  if (e instanceof CliUsageError) return { code: 2, reason: e.message }
  if (e instanceof AppError) return { code: 2, reason: e.message }
  if (e instanceof AlfaDocsError) {
    switch (e.kind) {
      case 'auth':
        return {
          code: 3,
          reason: `The API key was refused (HTTP ${e.status ?? '?'}): check it in AlfaDocs, Impostazioni → Studio → Chiavi API. ${e.message}`,
        }
      case 'offline':
      case 'timeout':
        return { code: 4, reason: `AlfaDocs could not be reached: ${e.message}` }
      case 'rate-limited':
        return { code: 5, reason: `AlfaDocs is rate limiting this key (HTTP 429); wait a minute and try again. ${e.message}` }
      default:
        return { code: 6, reason: `${e.kind}: ${e.message}` }
    }
  }
  return { code: 1, reason: e instanceof Error ? e.message : String(e) }
}
