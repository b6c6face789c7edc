import { describe, expect, it } from 'vitest'
import { PathGrants } from '../../electron/main/services/documents/path-grants'

describe('PathGrants', () => {
  it('allows a granted file and what lies inside a granted folder, nothing beside or above', () => {
    const g = new PathGrants()
    expect(g.grant('/home/desk/Scansioni')).toBe(true)
    expect(g.grant('/home/desk/referto.pdf')).toBe(true)
    expect(g.allows('/home/desk/Scansioni')).toBe(true)
    expect(g.allows('/home/desk/Scansioni/2026/cbct.dcm')).toBe(true)
    expect(g.allows('/home/desk/referto.pdf')).toBe(true)
    expect(g.allows('/home/desk/Scansioni-old/x.dcm')).toBe(false)
    expect(g.allows('/home/desk/Scansioni/../.ssh/id_rsa')).toBe(false)
    expect(g.allows('/home/desk/altro.pdf')).toBe(false)
    expect(g.allows('Scansioni/cbct.dcm')).toBe(false)
  })
  it('refuses to grant what is not an absolute path', () => {
    const g = new PathGrants()
    expect(g.grant('')).toBe(false)
    expect(g.grant('relative/file')).toBe(false)
    expect(g.allows('/')).toBe(false)
  })
})
