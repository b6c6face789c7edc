import { z } from 'zod'

// AlfaDocs sends numbers and booleans as strings, PHP zero dates for "no date", and fields that
// the reference omits. These primitives accept what the real API sends and normalise it.

const numericString = /^\s*-?\d+(\.\d+)?\s*$/

export const num = z.union([z.number(), z.string().regex(numericString, 'expected a number')]).transform((v) => Number(v))

export const int = num.refine((v) => Number.isInteger(v), 'expected an integer')

/** An id that may arrive as number or numeric string; kept as a number. */
export const id = int

const truthy = new Set(['true', '1', 'yes', 'y', 'si', 'sì'])
const falsy = new Set(['false', '0', 'no', 'n', ''])

export const bool = z.union([z.boolean(), z.number(), z.string(), z.null()]).transform((v, ctx) => {
  if (typeof v === 'boolean') return v
  if (v === null) return false
  if (typeof v === 'number') return v !== 0
  const s = v.trim().toLowerCase()
  if (truthy.has(s)) return true
  if (falsy.has(s)) return false
  ctx.addIssue({ code: 'custom', message: `expected a boolean, got "${v}"` })
  return z.NEVER
})

/** A date or date-time string; PHP zero dates ("-0001-11-30", "0000-00-00") and empty become null. */
// `.optional()` before the transform makes the *key* optional in zod 4 (an absent key still runs the transform).

export const optDate = z
  .union([z.string(), z.null()])
  .optional()
  .transform((v) => {
    if (v == null) return null
    const s = v.trim()
    if (s === '' || s.startsWith('-') || s.startsWith('0000-00-00')) return null
    return s
  })

export const optString = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v) => (v == null ? null : String(v)))

export const optNum = z
  .union([num, z.null(), z.literal('')])
  .optional()
  .transform((v) => (v == null || v === '' ? null : v))
export const optId = optNum

export const optBool = bool.optional().transform((v) => v ?? false)

export const intArray = z
  .union([z.array(int), z.string(), z.null()])
  .optional()
  .transform((v) => {
    if (v == null) return []
    if (Array.isArray(v)) return v
    return v
      .split(',')
      .map((x) => x.trim())
      .filter((x) => x !== '')
      .map(Number)
      .filter((x) => Number.isFinite(x))
  })
