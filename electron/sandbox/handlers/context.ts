import type { RouteName } from '../../../shared/alfadocs/routes'
import type { SandboxState } from '../state'
import { notFound } from '../validate'

export interface Ctx {
  state: SandboxState
  params: Record<string, string>
  query: URLSearchParams
  body: unknown
  /** e.g. http://127.0.0.1:4010/api/v1/practices/1/archives/2 (for absolute links) */
  scopeUrl: string
  /** the request URL, absolute */
  url: URL
}

/**
 * A handler returns the payload; the server wraps it in the route's envelope:
 * item/list → `data`, top → spread next to status, file → the base64 string, page → as is,
 * status/empty → ignored.
 */
export type Handler = (ctx: Ctx) => unknown
export type Handlers = Partial<Record<RouteName, Handler>>

export function nextId(state: SandboxState): number {
  return state.nextId++
}

export function param(ctx: Ctx, name: string): number {
  const v = ctx.params[name]
  if (v === undefined || !/^\d+$/.test(v)) throw notFound(name.replace(/Id$/, ''))
  return Number(v)
}

/** The record `id` of `list` (given `belongs`, only one it accepts, e.g. of the parent in the path); else a 404 naming `what`. */
export function find<T extends { id: number }>(list: T[], id: number, what: string, belongs: (x: T) => boolean = () => true): T {
  const x = list.find((r) => r.id === id && belongs(r))
  if (!x) throw notFound(what)
  return x
}

export const nowWall = () => new Date().toISOString().slice(0, 19).replace('T', ' ')
