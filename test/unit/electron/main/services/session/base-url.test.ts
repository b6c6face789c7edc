import { describe, expect, it } from 'vitest'
import { normaliseBaseUrl } from '../../../../../../electron/main/services/session/base-url'

describe('normaliseBaseUrl', () => {
  it('defaults to AlfaDocs and drops trailing slashes', () => {
    expect(normaliseBaseUrl(undefined)).toBe('https://app.alfadocs.com/api/v1')
    expect(normaliseBaseUrl('  ')).toBe('https://app.alfadocs.com/api/v1')
    expect(normaliseBaseUrl('https://app.alfadocs.com/api/v1/')).toBe('https://app.alfadocs.com/api/v1')
  })
  it('allows plain http only for this computer', () => {
    expect(normaliseBaseUrl('http://127.0.0.1:4010/api/v1')).toBe('http://127.0.0.1:4010/api/v1')
    expect(normaliseBaseUrl('http://localhost:4010/api/v1')).toBe('http://localhost:4010/api/v1')
    expect(() => normaliseBaseUrl('http://app.alfadocs.com/api/v1')).toThrow(/https/)
    expect(() => normaliseBaseUrl('http://192.168.1.10/api/v1')).toThrow(/https/)
  })
  it('refuses what is not a URL, other schemes and embedded credentials', () => {
    expect(() => normaliseBaseUrl('app.alfadocs.com')).toThrow(/not a valid URL/)
    expect(() => normaliseBaseUrl('ftp://app.alfadocs.com')).toThrow(/https/)
    expect(() => normaliseBaseUrl('https://user:pw@app.alfadocs.com')).toThrow(/user name/)
  })
})
