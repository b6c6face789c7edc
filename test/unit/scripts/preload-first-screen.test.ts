import { describe, expect, it } from 'vitest'
import { firstScreenFiles } from '../../../scripts/preload-first-screen'

const chunk = (fileName: string, facadeModuleId: string | null, imports: string[], css: string[] = []) => ({
  type: 'chunk' as const,
  fileName,
  facadeModuleId,
  imports,
  viteMetadata: { importedCss: new Set(css) },
})
const bundle = {
  'assets/index-1.js': chunk('assets/index-1.js', '/r/src/main.ts', ['assets/vue-1.js']),
  'assets/vue-1.js': chunk('assets/vue-1.js', null, []),
  'assets/AgendaView-1.js': chunk(
    'assets/AgendaView-1.js',
    '/r/src/features/agenda/AgendaView.vue',
    ['assets/vue-1.js', 'assets/Select-1.js'],
    ['assets/AgendaView-1.css'],
  ),
  'assets/Select-1.js': chunk('assets/Select-1.js', null, ['assets/Popover-1.js', 'assets/vue-1.js']),
  'assets/Popover-1.js': chunk('assets/Popover-1.js', null, ['assets/Select-1.js'], ['assets/Popover-1.css']),
  'assets/PatientView-1.js': chunk('assets/PatientView-1.js', '/r/src/features/patients/PatientView.vue', ['assets/DataTable-1.js']),
  'assets/DataTable-1.js': chunk('assets/DataTable-1.js', null, []),
  'assets/index-1.css': { type: 'asset' as const, fileName: 'assets/index-1.css' },
}
const html = '<script type="module" src="./assets/index-1.js"></script><link rel="modulepreload" href="./assets/vue-1.js">'

describe('the first screen preloaded with the entry', () => {
  it("lists the screen's chunk and everything it imports statically, once each (cycles too), with their CSS", () => {
    expect(firstScreenFiles(bundle, /AgendaView\.vue$/, html)).toEqual({
      scripts: ['assets/AgendaView-1.js', 'assets/Select-1.js', 'assets/Popover-1.js'],
      styles: ['assets/AgendaView-1.css', 'assets/Popover-1.css'],
    })
  })

  it('leaves out what the page already loads and other screens', () => {
    const { scripts } = firstScreenFiles(bundle, /AgendaView\.vue$/, html)
    expect(scripts).not.toContain('assets/vue-1.js')
    expect(scripts).not.toContain('assets/DataTable-1.js')
  })

  it('fails the build when the screen is not in the bundle (a rename would otherwise drop the preload silently)', () => {
    expect(() => firstScreenFiles(bundle, /Agenda\.vue$/, html)).toThrow(/no chunk is built from/)
  })
})
