import { describe, expect, it } from 'vitest'
import { AlfaDocsError, kindForStatus, redact, serverExplanation } from '../../../../../electron/main/alfadocs/errors'
import { buildQuery, buildUrl, normaliseBaseUrl, parseRetryAfter } from '../../../../../electron/main/alfadocs/url'

describe('URL building', () => {
  it('joins arrays with literal commas, booleans as true/false, skips undefined', () => {
    expect(buildQuery({ operatorIds: [1, 2, 3], ignoreDeleted: true, allDay: false, x: undefined, duration: 30 })).toBe(
      '?operatorIds=1,2,3&ignoreDeleted=true&allDay=false&duration=30',
    )
  })

  it('encodes values but keeps the comma separators', () => {
    expect(buildQuery({ startDate: '2026-03-10 08:00:00', lastName: "D'Amico & C", tags: ['a b', 'c,d'] })).toBe(
      "?startDate=2026-03-10%2008%3A00%3A00&lastName=D'Amico%20%26%20C&tags=a%20b,c%2Cd",
    )
    expect(buildQuery({})).toBe('')
    expect(buildQuery(undefined)).toBe('')
  })

  it('builds base + path + query', () => {
    expect(buildUrl('https://app.alfadocs.com/api/v1', '/practices/1/archives/2/chairs', { a: 1 })).toBe(
      'https://app.alfadocs.com/api/v1/practices/1/archives/2/chairs?a=1',
    )
  })

  it('normalises the base URL and allows http only on loopback', () => {
    expect(normaliseBaseUrl('https://app.alfadocs.com/api/v1/')).toBe('https://app.alfadocs.com/api/v1')
    expect(normaliseBaseUrl('http://127.0.0.1:4010/api/v1')).toBe('http://127.0.0.1:4010/api/v1')
    expect(normaliseBaseUrl('http://localhost:4010/api/v1//')).toBe('http://localhost:4010/api/v1')
    for (const bad of ['http://app.alfadocs.com/api/v1', 'not a url', 'ftp://127.0.0.1/x', 'https://u:p@host/api']) {
      const e = (() => {
        try {
          normaliseBaseUrl(bad)
        } catch (err) {
          return err
        }
      })()
      expect(e).toBeInstanceOf(AlfaDocsError)
      expect((e as AlfaDocsError).kind).toBe('invalid')
    }
  })
})

describe('Retry-After', () => {
  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('2')).toBe(2000)
    expect(parseRetryAfter('0')).toBe(0)
    const now = Date.parse('2026-03-10T10:00:00Z')
    expect(parseRetryAfter('Tue, 10 Mar 2026 10:00:05 GMT', now)).toBe(5000)
    expect(parseRetryAfter('Tue, 10 Mar 2026 09:00:00 GMT', now)).toBe(0)
    expect(parseRetryAfter(null)).toBeUndefined()
    expect(parseRetryAfter('soon')).toBeUndefined()
  })
})

describe('error mapping helpers', () => {
  it('maps statuses to kinds', () => {
    expect([401, 403, 404, 400, 409, 422, 429, 500, 502, 503, 504].map(kindForStatus)).toEqual([
      'auth',
      'auth',
      'not-found',
      'invalid',
      'invalid',
      'invalid',
      'rate-limited',
      'server',
      'server',
      'server',
      'server',
    ])
  })

  it('extracts the server explanation from OAuth-style, plain and HTML bodies', () => {
    expect(serverExplanation('', { error: 'invalid_request', error_description: 'colorId is required' })).toBe(
      'invalid_request: colorId is required',
    )
    expect(serverExplanation('Invalid access token', undefined)).toBe('Invalid access token')
    expect(serverExplanation('<html><body><h1>Bad Gateway</h1></body></html>', undefined)).toBe('Bad Gateway')
    expect(serverExplanation('x'.repeat(500), undefined).length).toBeLessThanOrEqual(200)
  })

  it('redacts secrets', () => {
    expect(redact('key sk-live-123456 leaked twice: sk-live-123456', ['sk-live-123456'])).toBe('key *** leaked twice: ***')
  })
})
