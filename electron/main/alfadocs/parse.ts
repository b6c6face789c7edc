import { z } from 'zod'
import type { RouteDef } from '../../../shared/alfadocs/routes'
import { optNum } from '../../../shared/alfadocs/lenient'
import { AlfaDocsError } from './errors'

// Turns a 2xx JSON body into what the route promises, per its envelope (see shared/alfadocs/routes.ts).
// Anything that does not fit is a 'bad-response' error naming the route and the field path: never a
// crash, never a silently dropped record.

export interface PageOf<T> {
  total: number
  offset: number
  limit: number
  results: T[]
  next: string | null
}

const MAX_ISSUES_IN_MESSAGE = 3

function pathText(path: ReadonlyArray<PropertyKey>): string {
  if (path.length === 0) return '(root)'
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('')
}

function issuesText(error: z.ZodError, prefix: ReadonlyArray<PropertyKey> = []): string {
  return error.issues
    .slice(0, MAX_ISSUES_IN_MESSAGE)
    .map((i) => `field "${pathText([...prefix, ...i.path])}": ${i.message}`)
    .join('; ')
}

function bad(name: string, status: number, message: string): AlfaDocsError {
  return new AlfaDocsError('bad-response', message, { route: name, status })
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function describeId(item: unknown): string {
  if (!isObject(item)) return ''
  const id = item.id ?? item.entryId
  return typeof id === 'string' || typeof id === 'number' ? ` (id ${id})` : ''
}

/** Parses every item; if any fails, one error lists how many and the first few field paths. */
export function parseItems(name: string, status: number, schema: z.ZodType, items: unknown[], where: string): unknown[] {
  const out: unknown[] = []
  const failures: string[] = []
  let failed = 0
  items.forEach((item, index) => {
    const r = schema.safeParse(item)
    if (r.success) out.push(r.data)
    else {
      failed++
      if (failures.length < MAX_ISSUES_IN_MESSAGE)
        failures.push(`item ${index}${describeId(item)}: ${issuesText(r.error, where ? [where, index] : [index])}`)
    }
  })
  if (failed > 0) {
    throw bad(
      name,
      status,
      `AlfaDocs answered ${name} with ${failed} of ${items.length} items in an unexpected shape: ${failures.join(' | ')}${failed > failures.length ? ' | …' : ''}.`,
    )
  }
  return out
}

const pageMeta = z.looseObject({ total: optNum, offset: optNum, limit: optNum })

function nextLink(body: Record<string, unknown>): string | null {
  const links = body.links
  if (!isObject(links)) return null
  const next = links.next
  if (typeof next === 'string' && next !== '') return next
  // HAL style: { next: { href } }
  if (isObject(next) && typeof next.href === 'string' && next.href !== '') return next.href
  return null
}

/** `json` is the parsed body; `undefined` means an empty body. */
export function parseEnvelope(name: string, route: RouteDef, status: number, json: unknown): unknown {
  const schema = route.schema
  const needSchema = (): z.ZodType => {
    if (!schema) throw new Error(`route ${name} has no schema for envelope "${route.envelope}"`)
    return schema
  }

  switch (route.envelope) {
    case 'empty':
      return undefined

    case 'status': {
      if (json === undefined) return { status: 'success' }
      if (!isObject(json)) throw bad(name, status, `AlfaDocs answered ${name} with a body that is not an object.`)
      return { ...json, status: typeof json.status === 'string' ? json.status : 'success' }
    }

    case 'list': {
      // One public caller saw a bare array; accept it as well as { status, count, data: [...] }. `count` is ignored.
      const data = Array.isArray(json) ? json : isObject(json) ? json.data : undefined
      if (!Array.isArray(data)) throw bad(name, status, `AlfaDocs answered ${name} without a "data" list.`)
      return parseItems(name, status, needSchema(), data, Array.isArray(json) ? '' : 'data')
    }

    case 'item': {
      if (!isObject(json) || !isObject(json.data)) throw bad(name, status, `AlfaDocs answered ${name} without a "data" object.`)
      const r = needSchema().safeParse(json.data)
      if (!r.success) throw bad(name, status, `AlfaDocs answered ${name} with an unexpected shape: ${issuesText(r.error, ['data'])}.`)
      return r.data
    }

    case 'top':
    case 'file': {
      if (!isObject(json)) throw bad(name, status, `AlfaDocs answered ${name} with a body that is not an object.`)
      const r = needSchema().safeParse(json)
      if (!r.success) throw bad(name, status, `AlfaDocs answered ${name} with an unexpected shape: ${issuesText(r.error)}.`)
      if (route.envelope === 'file') return { file: (r.data as { file: string }).file }
      return r.data
    }

    case 'page': {
      if (!isObject(json) || !Array.isArray(json.results)) throw bad(name, status, `AlfaDocs answered ${name} without a "results" list.`)
      const meta = pageMeta.safeParse(json)
      if (!meta.success) throw bad(name, status, `AlfaDocs answered ${name} with unexpected paging fields: ${issuesText(meta.error)}.`)
      const results = parseItems(name, status, needSchema(), json.results, 'results')
      const page: PageOf<unknown> = {
        total: meta.data.total ?? results.length,
        offset: meta.data.offset ?? 0,
        limit: meta.data.limit ?? results.length,
        results,
        next: nextLink(json),
      }
      return page
    }
  }
}
