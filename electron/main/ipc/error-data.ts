import { ZodError } from 'zod'
import type { ErrorData } from '../../../shared/contract'
import { AlfaDocsError } from '../alfadocs/errors'
import { KeychainError } from '../keychain/secret-store'
import { AppError } from '../services/app-error'

// Errors as data, for the door (invoke) and for what main keeps to show later (a payment's last error).

/**
 * The one exception mapper: any error thrown in main becomes error data the page may see. Anything that is
 * not one of ours is logged and hidden behind a plain message (no stack, no path, no key).
 */
export function toErrorData(e: unknown, where: string, log: (msg: string, e: unknown) => void = defaultLog): ErrorData {
  if (e instanceof AlfaDocsError) {
    const code = (e as { code?: unknown }).code
    return {
      kind: e.kind,
      message: e.message,
      ...(typeof code === 'string' ? { code } : {}),
      ...(e.status !== undefined ? { status: e.status } : {}),
      ...(e.detail !== undefined ? { detail: e.detail.slice(0, 500) } : {}),
    }
  }
  if (e instanceof AppError) {
    return {
      kind: e.kind,
      message: e.message,
      ...(e.code !== undefined ? { code: e.code } : {}),
      ...(e.detail !== undefined ? { detail: e.detail.slice(0, 500) } : {}),
    }
  }
  if (e instanceof KeychainError) return { kind: 'keychain', message: e.message }
  if (e instanceof ZodError) {
    const code = refusalCode(e)
    return { kind: 'invalid', message: summarise(e), ...(code ? { code } : {}) }
  }
  log(`unexpected error in ${where}`, e)
  return { kind: 'internal', message: 'Something went wrong inside Sportello. Please try again.' }
}

/** A contract refinement may name its refusal (`params.code`, e.g. 'range-too-long'). */
export function refusalCode(e: ZodError): string | undefined {
  for (const i of e.issues) {
    const code = i.code === 'custom' ? (i.params as { code?: unknown } | undefined)?.code : undefined
    if (typeof code === 'string') return code
  }
  return undefined
}

export function summarise(e: ZodError): string {
  return e.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`)
    .join('; ')
}

export function defaultLog(msg: string, e: unknown) {
  console.error(`[sportello] ${msg}`, e)
}
