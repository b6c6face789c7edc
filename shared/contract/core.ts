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
  'internal',
] as const
export type ErrorKind = (typeof errorKinds)[number]

export const errorDataSchema = z.object({
  kind: z.enum(errorKinds),
  message: z.string(),
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
