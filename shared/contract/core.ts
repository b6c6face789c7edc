import { z } from 'zod'

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

export const empty = z.object({}).strict()
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
