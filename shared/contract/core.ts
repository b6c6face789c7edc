import { z } from 'zod'
import { RANGE_CAPS, RANGE_CODE } from './values'
import { daysBetween, isIsoDate } from '../dates'

/** What can go wrong, in words the UI can explain. Mirrors the API client's error kinds plus IPC-side ones. */
export const errorKinds = [
  'auth',
  'not-found',
  'invalid',
  'rate-limited',
  'server',
  'offline',
  'timeout',
  'not-connected',
  'keychain',
  'conflict',
  'bad-response',
  /** The answer was larger than Sportello accepts (never retried). */
  'too-large',
  /** This computer could not write (or read) Sportello's own files: disk full, read-only, no permission. */
  'storage',
  /** One of Sportello's own files was damaged; it was set aside (`detail` names it) and work goes on. */
  'damaged-file',
  'internal',
] as const
export type ErrorKind = (typeof errorKinds)[number]

/**
 * An error as data. `message` is English, for logs; `code` names a specific refusal the UI words on its own
 * (e.g. 'instalment-locked'); `detail` is the server's or the file system's explanation, already redacted.
 * The renderer turns this into words in one place (describeError).
 */
export const errorDataSchema = z.object({
  kind: z.enum(errorKinds),
  message: z.string(),
  code: z.string().max(80).optional(),
  detail: z.string().max(500).optional(),
  status: z.number().optional(),
})
export type ErrorData = z.infer<typeof errorDataSchema>

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorData }

export interface ChannelDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I
  output: O
}

export const channel = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): ChannelDef<I, O> => ({ input, output })

// Input schemas are strict objects: an unknown key (a typo, `__proto__`, `constructor`) is refused at the door.

export const empty = z.strictObject({})
/** A real calendar day, YYYY-MM-DD ("2026-02-30" is refused). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine(isIsoDate, 'expected a real date')

/** Keys that reach an object's prototype machinery; refused wherever the page chooses a key (records). */
export const prototypeKeys: readonly string[] = ['__proto__', 'constructor', 'prototype']

/** An integer the page sends (count, offset, minutes, clock): a safe integer, never -0. */
export const int = () =>
  z
    .number()
    .int()
    .refine((n) => !Object.is(n, -0), 'expected an integer, not -0')
/** An AlfaDocs id. */
export const id = z.number().int().positive()

/**
 * Checks an inclusive from–to range: `to` not before `from`, at most `maxDays` days (both ends counted).
 * Returns the refinement to put on an input object; it runs before any request.
 */
export function rangeCheck<T extends { from: string; to: string }>(maxDays: (v: T) => number) {
  return (v: T, ctx: z.RefinementCtx) => {
    if (!isIsoDate(v.from) || !isIsoDate(v.to)) return
    const days = daysBetween(v.from, v.to) + 1
    const max = maxDays(v)
    if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: `"to" (${v.to}) is before "from" (${v.from})` })
    else if (days > max)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `ask for at most ${max} days at a time (asked ${days})`,
        params: { code: RANGE_CODE },
      })
  }
}

export { RANGE_CAPS, RANGE_CODE }
