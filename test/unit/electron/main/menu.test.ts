import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import {
  aboutText,
  diagnosticsText,
  MENU_ROUTES,
  menuLanguage,
  menuTemplate,
  type MenuDestination,
  type MenuOptions,
} from '../../../../electron/main/menu'

const flat = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flat(i.submenu) : [])])
const build = (o: Partial<MenuOptions> = {}) => {
  const went: MenuDestination[] = []
  let abouts = 0
  const opened: string[] = []
  const template = menuTemplate({
    language: 'it',
    packaged: true,
    platform: 'linux',
    version: '1.2.3',
    navigate: (to) => went.push(to),
    about: () => abouts++,
    openDataFolder: () => opened.push('data'),
    diagnostics: () => opened.push('diagnostics'),
    openLogFolder: () => opened.push('logs'),
    ...o,
  })
  return { template, went, opened, abouts: () => abouts }
}
const click = (item: MenuItemConstructorOptions | undefined) => (item!.click as () => void)()

describe('the application menu', () => {
  it('follows the system language: Italian for it, it-IT, it_CH; English otherwise', () => {
    expect(['it', 'it-IT', 'it_CH', 'IT'].map(menuLanguage)).toEqual(['it', 'it', 'it', 'it'])
    expect(['en-US', 'de', 'item', ''].map(menuLanguage)).toEqual(['en', 'en', 'en', 'en'])
    expect(build().template.map((m) => m.label)).toEqual(['File', 'Modifica', 'Visualizza', 'Vai', 'Aiuto'])
    expect(build({ language: 'en' }).template.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Go', 'Help'])
  })

  it('has the usual editing and view roles, each labelled in the language', () => {
    const items = flat(build().template)
    const roles = Object.fromEntries(items.filter((i) => i.role).map((i) => [i.role, i.label]))
    expect(roles).toMatchObject({
      undo: 'Annulla',
      redo: 'Ripeti',
      cut: 'Taglia',
      copy: 'Copia',
      paste: 'Incolla',
      selectAll: 'Seleziona tutto',
      zoomIn: 'Zoom avanti',
      zoomOut: 'Zoom indietro',
      resetZoom: 'Reimposta zoom',
      togglefullscreen: 'Schermo intero',
      quit: 'Esci',
    })
  })

  it('offers reload and DevTools only to a build that is not packaged', () => {
    const roles = (packaged: boolean) => flat(build({ packaged }).template).map((i) => i.role)
    expect(roles(true)).not.toContain('reload')
    expect(roles(true)).not.toContain('toggleDevTools')
    expect(roles(true)).not.toContain('forceReload')
    expect(roles(false)).toContain('reload')
    expect(roles(false)).toContain('toggleDevTools')
  })

  it('goes to the agenda, patients, billing and lists with Alt+1/2/3/4 shown, and has an about box with the version', () => {
    const m = build()
    const go = m.template.find((i) => i.label === 'Vai')!.submenu as MenuItemConstructorOptions[]
    expect(go.map((i) => [i.label, i.accelerator])).toEqual([
      ['Agenda', 'Alt+1'],
      ['Pazienti', 'Alt+2'],
      ['Cassa', 'Alt+3'],
      ['Liste', 'Alt+4'],
    ])
    for (const item of go) click(item)
    expect(m.went).toEqual(['agenda', 'patients', 'billing', 'lists'])
    expect(Object.values(MENU_ROUTES)).toEqual(['#/day', '#/patients', '#/billing', '#/lists/confirmations'])
    click(flat(m.template).find((i) => i.label === 'Informazioni su Sportello'))
    expect(m.abouts()).toBe(1)
    expect(aboutText('it', '1.2.3')).toEqual({ title: 'Informazioni su Sportello', message: 'Sportello, versione 1.2.3' })
    expect(aboutText('en', '1.2.3').message).toBe('Sportello, version 1.2.3')
  })

  it('Aiuto / Help: about, the version, diagnostics, the data folder and the log folder, in both languages', () => {
    const help = (language: 'it' | 'en') => {
      const m = build({ language })
      const items = m.template.at(-1)!.submenu as MenuItemConstructorOptions[]
      for (const i of items) if (i.click) click(i)
      return {
        labels: items.filter((i) => i.label).map((i) => i.label),
        opened: m.opened,
        version: items.find((i) => i.enabled === false)?.label,
      }
    }
    expect(help('it')).toEqual({
      labels: ['Informazioni su Sportello', 'Versione 1.2.3', 'Diagnostica…', 'Apri la cartella dei dati', 'Apri la cartella dei log'],
      opened: ['diagnostics', 'data', 'logs'],
      version: 'Versione 1.2.3',
    })
    expect(help('en').labels).toEqual(['About Sportello', 'Version 1.2.3', 'Diagnostics…', 'Open the data folder', 'Open the log folder'])
  })

  it('words the diagnostics of the connected practice, a failed check, and no practice at all', () => {
    const ok = diagnosticsText('it', [{ name: '/me', ok: true, text: 'practice X' }])
    expect(ok).toEqual({ title: 'Diagnostica', message: 'Sportello lavora correttamente con AlfaDocs.', detail: '✓ /me: practice X' })
    const failed = diagnosticsText('en', [
      { name: '/me', ok: true, text: 'practice X' },
      { name: 'chairs', ok: false, text: 'AlfaDocs could not be reached' },
    ])
    expect(failed.message).toMatch(/check failed/)
    expect(failed.detail).toBe('✓ /me: practice X\n✗ chairs: AlfaDocs could not be reached')
    expect(diagnosticsText('it', null).message).toBe('Nessuno studio collegato da controllare.')
  })

  it('puts about and quit in the app menu on macOS', () => {
    const first = build({ platform: 'darwin' }).template[0]!
    expect(first.label).toBe('Sportello')
    expect((first.submenu as MenuItemConstructorOptions[]).map((i) => i.role ?? i.label)).toContain('quit')
  })
})
