import { DEFAULT_BASE_URL } from '../../../../shared/contract'
import { AppError } from '../app-error'

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]', '::1'])

export function isLoopbackHost(hostname: string): boolean {
  return loopbackHosts.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname)
}

/** Normalises a user-typed base URL; https only, plain http allowed for loopback (the sandbox). */
export function normaliseBaseUrl(input: string | undefined): string {
  const raw = (input ?? '').trim() || DEFAULT_BASE_URL
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new AppError('invalid', `"${raw}" is not a valid URL.`)
  }
  if (url.username || url.password) throw new AppError('invalid', 'The base URL must not contain a user name or password.')
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new AppError('invalid', 'The base URL must use https:// (plain http is only allowed for this computer).')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AppError('invalid', 'The base URL must start with https://.')
  }
  url.search = ''
  url.hash = ''
  return url.toString().replace(/\/+$/, '')
}
