import type { Plugin } from 'vite'

// The app opens on the agenda, whose screen is a lazy chunk: without help the browser learns of it only once
// the entry has run (a second round of requests before the day can paint). These links let it fetch and compile
// the screen's chunk graph alongside the entry's.

interface ChunkLike {
  type: 'chunk'
  fileName: string
  facadeModuleId: string | null
  imports: string[]
  viteMetadata?: { importedCss: Set<string> }
}
type BundleLike = Record<string, ChunkLike | { type: 'asset'; fileName: string }>

/** The files the chunk built from `module` needs (itself, what it imports statically, their CSS), not already in `html`. */
export function firstScreenFiles(bundle: BundleLike, module: RegExp, html: string): { scripts: string[]; styles: string[] } {
  const chunks = Object.values(bundle).filter((c): c is ChunkLike => c.type === 'chunk')
  const first = chunks.find((c) => c.facadeModuleId != null && module.test(c.facadeModuleId))
  if (!first) throw new Error(`preload-first-screen: no chunk is built from ${module}`)
  const scripts: string[] = []
  const styles = new Set<string>()
  const seen = new Set<string>()
  const walk = (fileName: string) => {
    if (seen.has(fileName)) return
    seen.add(fileName)
    const c = bundle[fileName]
    if (!c || c.type !== 'chunk') return
    if (!html.includes(fileName)) scripts.push(fileName)
    for (const css of c.viteMetadata?.importedCss ?? []) if (!html.includes(css)) styles.add(css)
    c.imports.forEach(walk)
  }
  walk(first.fileName)
  return { scripts, styles: [...styles] }
}

export function preloadFirstScreen(module: RegExp): Plugin {
  return {
    name: 'sportello:preload-first-screen',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle) return html
        const { scripts, styles } = firstScreenFiles(ctx.bundle as unknown as BundleLike, module, html)
        return [
          ...styles.map((href) => ({
            tag: 'link',
            attrs: { rel: 'stylesheet', crossorigin: true, href: `./${href}` },
            injectTo: 'head' as const,
          })),
          ...scripts.map((href) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${href}` },
            injectTo: 'head' as const,
          })),
        ]
      },
    },
  }
}
