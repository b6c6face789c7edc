import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { aboutText, MENU_ROUTES, menuLanguage, menuTemplate, type MenuDestination, type MenuOptions } from '../../../../electron/main/menu'

const flat = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flat(i.submenu) : [])])
const build = (o: Partial<MenuOptions> = {}) => {
  const went: MenuDestination[] = []
  let abouts = 0
  const template = menuTemplate({
    language: 'it',
    packaged: true,
    platform: 'linux',
    navigate: (to) => went.push(to),
    about: () => abouts++,
    ...o,
  })
  return { template, went, abouts: () => abouts }
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

  it('goes to the agenda, patients and billing with Alt+1/2/3 shown, and has an about box with the version', () => {
    const m = build()
    const go = m.template.find((i) => i.label === 'Vai')!.submenu as MenuItemConstructorOptions[]
    expect(go.map((i) => [i.label, i.accelerator])).toEqual([
      ['Agenda', 'Alt+1'],
      ['Pazienti', 'Alt+2'],
      ['Cassa', 'Alt+3'],
    ])
    for (const item of go) click(item)
    expect(m.went).toEqual(['agenda', 'patients', 'billing'])
    expect(Object.values(MENU_ROUTES)).toEqual(['#/day', '#/patients', '#/billing'])
    click(flat(m.template).find((i) => i.label === 'Informazioni su Sportello'))
    expect(m.abouts()).toBe(1)
    expect(aboutText('it', '1.2.3')).toEqual({ title: 'Informazioni su Sportello', message: 'Sportello, versione 1.2.3' })
    expect(aboutText('en', '1.2.3').message).toBe('Sportello, version 1.2.3')
  })

  it('puts about and quit in the app menu on macOS', () => {
    const first = build({ platform: 'darwin' }).template[0]!
    expect(first.label).toBe('Sportello')
    expect((first.submenu as MenuItemConstructorOptions[]).map((i) => i.role ?? i.label)).toContain('quit')
  })
})
