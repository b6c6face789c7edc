import { contract, type ChannelName, type Result } from '../../../shared/contract'
import { defaultLog, refusalCode, summarise, toErrorData } from './error-data'
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

/** The mapper lives in error-data.ts; re-exported for callers that met it here. */
export { toErrorData } from './error-data'
