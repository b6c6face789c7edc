import { HttpError } from './validate'

// The sandbox answers only requests addressed to it on this computer: the Host header must name a
// loopback address with the sandbox's port. A page on another site that a DNS-rebinding trick pointed
// at 127.0.0.1 sends its own site name as Host, and is refused even with the right key.

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]']
const WILDCARDS = new Set(['0.0.0.0', '::', '[::]', ''])

/** Host values accepted for a sandbox listening on `listenHost`:`port`. */
export function allowedHosts(port: number, listenHost?: string): Set<string> {
  const names = [...LOOPBACK_NAMES]
  if (listenHost && !WILDCARDS.has(listenHost))
    names.push(listenHost.includes(':') && !listenHost.startsWith('[') ? `[${listenHost}]` : listenHost)
  return new Set(names.map((n) => `${n.toLowerCase()}:${port}`))
}

/**
 * The request's URL, or the HttpError to answer with: 400 for a missing or malformed Host or target,
 * 403 for a well-formed Host that is not this sandbox. Never throws anything else.
 */
export function requestTarget(rawUrl: string | undefined, rawHost: string | undefined, allowed: ReadonlySet<string>): URL | HttpError {
  if (rawHost === undefined || rawHost === '') return new HttpError(400, 'Missing Host header')
  const host = rawHost.trim().toLowerCase()
  if (!/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/.test(host)) return new HttpError(400, 'Malformed Host header')
  if (!allowed.has(host)) return new HttpError(403, 'Host not allowed: the sandbox answers only on this computer')
  // Origin-form only ("/path?query"): no absolute URLs (proxy style) and no "//other-host" paths.
  if (rawUrl === undefined || !rawUrl.startsWith('/') || rawUrl.startsWith('//')) return new HttpError(400, 'Malformed request target')
  let url: URL
  try {
    url = new URL(rawUrl, `http://${host}`)
  } catch {
    return new HttpError(400, 'Malformed request target')
  }
  try {
    decodeURIComponent(url.pathname)
  } catch {
    return new HttpError(400, 'Malformed percent-encoding in the path')
  }
  return url
}
