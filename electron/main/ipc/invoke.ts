import { ZodError } from 'zod'
import { contract, type ChannelName, type ErrorData, type Result } from '../../../shared/contract'
import { AlfaDocsError } from '../alfadocs/errors'
import { KeychainError } from '../keychain/secret-store'
import { AppError } from '../services/app-error'
import type { Handlers } from './handlers'

export type Invoke = (channel: string, input: unknown) => Promise<Result<unknown>>

/**
 * The one door into main: validates the input against the contract, runs the handler, checks the output,
 * and turns every failure into data ({ ok:false, error:{ kind, message, code?, detail? } }) — never a stack trace.
 * Handlers get the parsed input (defaults applied), so nothing is sent before the whole input is valid.
 */
export function createInvoke(handlers: Handlers, log: (msg: string, e: unknown) => void = defaultLog): Invoke {
  return async (channel, rawInput) => {
    if (!Object.hasOwn(contract, channel)) {
      return { ok: false, error: { kind: 'invalid', message: `Unknown channel "${String(channel)}".` } }
    }
    const name = channel as ChannelName
    const def = contract[name]
    const parsed = def.input.safeParse(rawInput ?? {})
    if (!parsed.success) {
      const code = refusalCode(parsed.error)
      return {
        ok: false,
        error: { kind: 'invalid', message: `Invalid input for ${name}: ${summarise(parsed.error)}`, ...(code ? { code } : {}) },
      }
    }
    try {
      const handler = handlers[name] as (input: unknown) => Promise<unknown>
      const value = await handler(parsed.data)
      const out = def.output.safeParse(value)
      if (!out.success) {
        log(`output of ${name} does not match the contract`, out.error)
        return { ok: false, error: { kind: 'internal', message: `Sportello produced an unexpected answer for ${name}.` } }
      }
      return { ok: true, value: out.data }
    } catch (e) {
      return { ok: false, error: toErrorData(e, name, log) }
    }
  }
}

/**
 * The one exception mapper: any error thrown in main becomes error data the page may see. Anything that is
 * not one of ours is logged and hidden behind a plain message (no stack, no path, no key).
 */
export function toErrorData(e: unknown, channel: string, log: (msg: string, e: unknown) => void = defaultLog): ErrorData {
  if (e instanceof AlfaDocsError) {
    return {
      kind: e.kind,
      message: e.message,
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
  log(`unexpected error in ${channel}`, e)
  return { kind: 'internal', message: 'Something went wrong inside Sportello. Please try again.' }
}

/** A contract refinement may name its refusal (`params.code`, e.g. 'range-too-long'). */
function refusalCode(e: ZodError): string | undefined {
  for (const i of e.issues) {
    const code = i.code === 'custom' ? (i.params as { code?: unknown } | undefined)?.code : undefined
    if (typeof code === 'string') return code
  }
  return undefined
}

function summarise(e: ZodError): string {
  return e.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`)
    .join('; ')
}

function defaultLog(msg: string, e: unknown) {
  console.error(`[sportello] ${msg}`, e)
}
