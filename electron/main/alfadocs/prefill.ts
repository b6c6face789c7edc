import type { z } from 'zod'

// WORKAROUND for shared/alfadocs/lenient.ts under zod 4: its optional primitives are written as
// `z.union([..., z.undefined()]).transform(...)`, which zod 4 does not treat as an optional *key*, so an
// object that simply omits e.g. `patientId` fails with "expected nonoptional". An explicit `undefined`
// value is accepted, so before parsing we add every key the schema declares and the payload omits, as
// `undefined` (recursively through objects, arrays, unions and pipes). Harmless once lenient.ts is fixed.

type Def = { type?: string; in?: z.ZodType; innerType?: z.ZodType; shape?: Record<string, z.ZodType>; element?: z.ZodType; options?: z.ZodType[] }

const defOf = (s: unknown): Def | undefined => (s as { _zod?: { def?: Def } } | undefined)?._zod?.def

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The schema's structural kind once wrappers (pipe/transform, optional, nullable, default) are peeled. */
function core(s: z.ZodType | undefined, depth = 0): Def | undefined {
  const d = defOf(s)
  if (!d || depth > 20) return d
  if (d.type === 'pipe') return core(d.in, depth + 1)
  if ((d.type === 'optional' || d.type === 'nullable' || d.type === 'default' || d.type === 'prefault' || d.type === 'catch') && d.innerType) {
    return core(d.innerType, depth + 1)
  }
  return d
}

export function prefillDeclaredKeys(schema: z.ZodType | undefined, value: unknown, depth = 0): unknown {
  const d = core(schema)
  if (!d || depth > 20) return value
  if (d.type === 'object' && d.shape && isPlainObject(value)) {
    const out: Record<string, unknown> = { ...value }
    for (const [k, s] of Object.entries(d.shape)) out[k] = k in value ? prefillDeclaredKeys(s, value[k], depth + 1) : undefined
    return out
  }
  if (d.type === 'array' && Array.isArray(value)) return value.map((x) => prefillDeclaredKeys(d.element, x, depth + 1))
  if (d.type === 'union' && d.options) {
    const want = Array.isArray(value) ? 'array' : isPlainObject(value) ? 'object' : undefined
    const option = want && d.options.find((o) => core(o)?.type === want)
    return option ? prefillDeclaredKeys(option, value, depth + 1) : value
  }
  return value
}
