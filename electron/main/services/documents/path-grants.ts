import { realpathSync } from 'node:fs'
import { isAbsolute, relative, resolve } from 'node:path'

interface Grant {
  /** The path as it was handed over (lexically normalised): only used to word a refusal. */
  given: string
  /** Where it really is (links resolved by the kernel), or null if it could not be resolved. */
  real: string | null
}

const inside = (root: string, p: string) => {
  if (p === root) return true
  const rel = relative(root, p)
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)
}

/**
 * The paths the user handed to Sportello by dropping or picking them (the preload reports each one as it
 * resolves it). Main reads files only whose real path lies under the real path of one of these, so a
 * compromised page cannot make it read, say, ~/.ssh/id_rsa by naming it, nor through a link inside a
 * dropped folder. A dropped link is granted as what it points to (the user handed over that file).
 */
export class PathGrants {
  private readonly granted: Grant[] = []
  private static readonly MAX = 10_000

  grant(path: string): boolean {
    if (typeof path !== 'string' || path.length === 0 || path.length > 4096 || !isAbsolute(path) || path.includes('\0')) return false
    let real: string | null
    try {
      // The native realpath resolves `link/..` as the kernel does (the JS one normalises `..` first).
      real = realpathSync.native(path)
    } catch {
      real = null
    }
    if (this.granted.length >= PathGrants.MAX) this.granted.splice(0, this.granted.length)
    this.granted.push({ given: resolve(path), real })
    return true
  }

  /** A real path (already resolved) lies in what was handed over. */
  allowsReal(real: string): boolean {
    return isAbsolute(real) && this.granted.some((g) => g.real !== null && inside(g.real, real))
  }

  /** The path, as written, names something under what was handed over (says nothing about where it leads). */
  wasGiven(path: string): boolean {
    return isAbsolute(path) && this.granted.some((g) => inside(g.given, resolve(path)))
  }
}
