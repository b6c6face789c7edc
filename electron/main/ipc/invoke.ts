import { ZodError } from 'zod'
import { contract, type ChannelName, type ErrorData, type Result } from '../../../shared/contract'
import { AlfaDocsError } from '../alfadocs/errors'
import { KeychainError } from '../keychain/secret-store'
import { AppError } from '../services/app-error'
import type { Handlers } from './handlers'

export type Invoke = (channel: string, input: unknown) => Promise<Result<unknown>>

/**
 * The one door into main: validates the input against the contract, runs the handler, checks the output,
 * and turns every failure into data ({ ok:false, error:{ kind, message } }) — never a stack trace.
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
      return { ok: false, error: { kind: 'invalid', message: `Invalid input for ${name}: ${summarise(parsed.error)}` } }
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
  if (e instanceof ZodError) return { kind: 'invalid', message: summarise(e) }
  log(`unexpected error in ${channel}`, e)
  return { kind: 'internal', message: 'Something went wrong inside Sportello. Please try again.' }
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
