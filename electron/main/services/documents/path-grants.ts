import { isAbsolute, relative, resolve } from 'node:path'

/**
 * The paths the user handed to Sportello by dropping or picking them (the preload reports each one as it
 * resolves it). Main reads files only under these, so a compromised page cannot make it read, say,
 * ~/.ssh/id_rsa by naming it.
 */
export class PathGrants {
  private readonly granted = new Set<string>()
  private static readonly MAX = 10_000

  grant(path: string): boolean {
    if (typeof path !== 'string' || path.length === 0 || path.length > 4096 || !isAbsolute(path)) return false
    if (this.granted.size >= PathGrants.MAX) this.granted.clear()
    this.granted.add(resolve(path))
    return true
  }

  /** The path itself was granted, or it lies inside a granted folder. */
  allows(path: string): boolean {
    if (!isAbsolute(path)) return false
    const p = resolve(path)
    for (const g of this.granted) {
      if (p === g) return true
      const rel = relative(g, p)
      if (rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)) return true
    }
    return false
  }
}
