import { createHash } from 'node:crypto'
import { z } from 'zod'
import { sistemaTsTypes } from '../../../../shared/alfadocs/schemas'
import { errorKinds } from '../../../../shared/contract/core'
import type { FileCodec } from '../../storage/durable-file'
import type { PaymentEntry } from './types'

// The journal on disk, one line per entry so that one damaged entry costs only itself:
//   sportello-payments-journal 2
//   <sha256 of the JSON, hex> <one entry as JSON>
// The file is still rewritten whole and atomically on every step; the checksum tells a line that is
// whole from one a bad sector, a stray editor or a truncated copy changed.

export const JOURNAL_HEADER = 'sportello-payments-journal 2'

const stepSchema = z.object({
  billId: z.number().int().optional(),
  liabilityId: z.number().int(),
  liabilityCents: z.number().int(),
  amountCents: z.number().int(),
  sistemaTsExpenseType: z.enum(sistemaTsTypes),
  liability: z.object({ date: z.string(), relatedToInsurance: z.boolean(), sistemaTsExpenseType: z.string().nullable() }),
  state: z.enum(['intent', 'posting', 'tx-created', 'settled']),
  txId: z.number().int().optional(),
  preexistingTxIds: z.array(z.number().int()).optional(),
})

export const paymentEntrySchema: z.ZodType<PaymentEntry> = z.object({
  key: z.string().min(1),
  practiceId: z.number().int(),
  archiveId: z.number().int(),
  billId: z.number().int(),
  patientId: z.number().int().optional(),
  date: z.string(),
  direction: z.literal('incoming'),
  paymentTypeId: z.number().int(),
  accountId: z.number().int(),
  relatedToInsurance: z.boolean(),
  steps: z.array(stepSchema).min(1),
  state: z.enum(['pending', 'needs-attention', 'done', 'discarded']),
  lastError: z.object({ kind: z.enum(errorKinds), message: z.string(), at: z.string() }).optional(),
  attempts: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
})

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

export type Entries = ReadonlyMap<string, PaymentEntry>

export const journalCodec: FileCodec<Entries> = {
  empty: () => new Map(),
  encode(entries) {
    const lines = [JOURNAL_HEADER]
    for (const e of entries.values()) {
      const json = JSON.stringify(e)
      lines.push(`${sha256(json)} ${json}`)
    }
    return lines.join('\n') + '\n'
  },
  decode(raw) {
    let intact = true
    let text = raw
    if (text.startsWith('\uFEFF')) {
      intact = false
      text = text.slice(1)
    }
    const lines = text.split('\n')
    // Written text always ends with a newline: anything after the last one is a cut-off (or NUL-padded) tail.
    const tail = lines.pop() ?? ''
    if (tail !== '') {
      intact = false
      lines.push(tail)
    }
    if (lines[0] === JOURNAL_HEADER) lines.shift()
    else intact = false
    const entries = new Map<string, PaymentEntry>()
    let lost = 0
    for (const line of lines) {
      const entry = decodeLine(line)
      if (entry) {
        entries.set(entry.key, entry)
        continue
      }
      intact = false
      if (line.replace(/\0/g, '').trim() !== '') lost++ // a line of NULs or nothing is padding, not an entry
    }
    if (lost > 0) intact = false
    return intact ? { value: entries, intact } : { value: entries, intact, note: `${entries.size} entries recovered, ${lost} unreadable` }
  },
}

function decodeLine(line: string): PaymentEntry | null {
  const space = line.indexOf(' ')
  if (space !== 64) return null
  const json = line.slice(space + 1)
  if (sha256(json) !== line.slice(0, space)) return null
  try {
    const parsed = paymentEntrySchema.safeParse(JSON.parse(json))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** The first journal format (one JSON document), still read once to move its entries into the new file. */
export const legacyJournalCodec: FileCodec<Entries> = {
  empty: () => new Map(),
  encode: () => {
    throw new Error('The old journal format is never written.')
  },
  decode(raw) {
    const text = raw.replace(/^\uFEFF/, '').replace(/\0+$/, '')
    const entries = new Map<string, PaymentEntry>()
    let data: unknown
    try {
      data = JSON.parse(text)
    } catch {
      // Cut off or damaged: the old writer put each entry on its own indented block ("  {" … "  }").
      let lost = 0
      for (const m of text.matchAll(/^ {2}\{\n[\s\S]*?\n {2}\}(?=,?\n)/gm)) {
        const e = parseEntry(m[0])
        if (e) entries.set(e.key, e)
        else lost++
      }
      return { value: entries, intact: false, note: `${entries.size} entries recovered, ${lost} unreadable` }
    }
    const d = data as { version?: unknown; entries?: unknown } | null
    if (d?.version !== 1 || !Array.isArray(d.entries)) return { value: entries, intact: false, note: 'unknown format' }
    let lost = 0
    for (const raw of d.entries) {
      const parsed = paymentEntrySchema.safeParse(raw)
      if (parsed.success) entries.set(parsed.data.key, parsed.data)
      else lost++
    }
    const intact = lost === 0 && text === raw
    return intact ? { value: entries, intact } : { value: entries, intact, note: `${entries.size} entries recovered, ${lost} unreadable` }
  },
}

function parseEntry(json: string): PaymentEntry | null {
  try {
    const parsed = paymentEntrySchema.safeParse(JSON.parse(json))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}
