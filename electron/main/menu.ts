import type { MenuItemConstructorOptions } from 'electron'

// The application menu as a plain template (no Electron here, so it is tested on its own).

export type MenuLanguage = 'it' | 'en'
export type MenuDestination = 'agenda' | 'patients' | 'billing' | 'lists'

/** The renderer's hash route of each destination of the Vai/Go menu (in the shell's tab order: Alt+1…). */
export const MENU_ROUTES: Readonly<Record<MenuDestination, string>> = {
  agenda: '#/day',
  patients: '#/patients',
  billing: '#/billing',
  lists: '#/lists/confirmations',
}

/** Italian when the system speaks it (app.getLocale(): 'it', 'it-IT', 'it-CH'…), English otherwise. */
export const menuLanguage = (locale: string): MenuLanguage => (/^it(?:$|[-_])/i.test(locale) ? 'it' : 'en')

const WORDS = {
  it: {
    file: 'File',
    quit: 'Esci',
    edit: 'Modifica',
    undo: 'Annulla',
    redo: 'Ripeti',
    cut: 'Taglia',
    copy: 'Copia',
    paste: 'Incolla',
    selectAll: 'Seleziona tutto',
    view: 'Visualizza',
    zoomIn: 'Zoom avanti',
    zoomOut: 'Zoom indietro',
    resetZoom: 'Reimposta zoom',
    fullscreen: 'Schermo intero',
    reload: 'Ricarica',
    devTools: 'Strumenti per sviluppatori',
    go: 'Vai',
    agenda: 'Agenda',
    patients: 'Pazienti',
    billing: 'Cassa',
    lists: 'Liste',
    help: 'Aiuto',
    about: 'Informazioni su Sportello',
    version: 'Versione',
    dataFolder: 'Apri la cartella dei dati',
    diagnostics: 'Diagnostica…',
    logFolder: 'Apri la cartella dei log',
  },
  en: {
    file: 'File',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select all',
    view: 'View',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    resetZoom: 'Actual size',
    fullscreen: 'Full screen',
    reload: 'Reload',
    devTools: 'Developer tools',
    go: 'Go',
    agenda: 'Agenda',
    patients: 'Patients',
    billing: 'Billing',
    lists: 'Lists',
    help: 'Help',
    about: 'About Sportello',
    version: 'Version',
    dataFolder: 'Open the data folder',
    diagnostics: 'Diagnostics…',
    logFolder: 'Open the log folder',
  },
} as const satisfies Record<MenuLanguage, Record<string, string>>

export interface MenuOptions {
  language: MenuLanguage
  /** app.isPackaged: no reload and no DevTools in a build for the desk. */
  packaged: boolean
  platform: NodeJS.Platform
  /** app.getVersion(), shown (greyed) in the Help menu. */
  version: string
  navigate(to: MenuDestination): void
  about(): void
  openDataFolder(): void
  /** The same checks as `npm run doctor`, on the connected practice. */
  diagnostics(): void
  openLogFolder(): void
}

/** The words of the about box: the app's name and version. */
export function aboutText(language: MenuLanguage, version: string): { title: string; message: string } {
  return { title: WORDS[language].about, message: language === 'it' ? `Sportello, versione ${version}` : `Sportello, version ${version}` }
}

export function menuTemplate(o: MenuOptions): MenuItemConstructorOptions[] {
  const w = WORDS[o.language]
  const sep: MenuItemConstructorOptions = { type: 'separator' }
  const mac = o.platform === 'darwin'
  const go = (to: MenuDestination, label: string, n: number): MenuItemConstructorOptions => ({
    label,
    // Shown, but the shortcut is the page's own (Alt+N): it knows when a dialog is open and leaving would lose it.
    accelerator: `Alt+${n}`,
    registerAccelerator: false,
    click: () => o.navigate(to),
  })
  const developer: MenuItemConstructorOptions[] = o.packaged
    ? []
    : [sep, { role: 'reload', label: w.reload }, { role: 'toggleDevTools', label: w.devTools }]

  return [
    mac
      ? {
          label: 'Sportello',
          submenu: [
            { label: w.about, click: () => o.about() },
            sep,
            { role: 'hide' },
            { role: 'hideOthers' },
            sep,
            { role: 'quit', label: w.quit },
          ],
        }
      : { label: w.file, submenu: [{ role: 'quit', label: w.quit }] },
    {
      label: w.edit,
      submenu: [
        { role: 'undo', label: w.undo },
        { role: 'redo', label: w.redo },
        sep,
        { role: 'cut', label: w.cut },
        { role: 'copy', label: w.copy },
        { role: 'paste', label: w.paste },
        sep,
        { role: 'selectAll', label: w.selectAll },
      ],
    },
    {
      label: w.view,
      submenu: [
        { role: 'zoomIn', label: w.zoomIn },
        { role: 'zoomOut', label: w.zoomOut },
        { role: 'resetZoom', label: w.resetZoom },
        sep,
        { role: 'togglefullscreen', label: w.fullscreen },
        ...developer,
      ],
    },
    {
      label: w.go,
      submenu: [go('agenda', w.agenda, 1), go('patients', w.patients, 2), go('billing', w.billing, 3), go('lists', w.lists, 4)],
    },
    {
      label: w.help,
      role: 'help',
      submenu: [
        { label: w.about, click: () => o.about() },
        { label: `${w.version} ${o.version}`, enabled: false },
        sep,
        { label: w.diagnostics, click: () => o.diagnostics() },
        { label: w.dataFolder, click: () => o.openDataFolder() },
        { label: w.logFolder, click: () => o.openLogFolder() },
      ],
    },
  ]
}

/** The words of Aiuto → Diagnostica: the doctor's lines (null: no practice connected to check). */
export function diagnosticsText(
  language: MenuLanguage,
  lines: ReadonlyArray<{ name: string; ok: boolean; text: string }> | null,
): { title: string; message: string; detail: string } {
  const it = language === 'it'
  const title = it ? 'Diagnostica' : 'Diagnostics'
  if (!lines) return { title, message: it ? 'Nessuno studio collegato da controllare.' : 'No practice connected to check.', detail: '' }
  const ok = lines.every((l) => l.ok)
  return {
    title,
    message: ok
      ? it
        ? 'Sportello lavora correttamente con AlfaDocs.'
        : 'Sportello works with AlfaDocs.'
      : it
        ? 'Un controllo non è riuscito: mostra questi dettagli all’assistenza.'
        : 'A check failed: show these details to support.',
    detail: lines.map((l) => `${l.ok ? '✓' : '✗'} ${l.name}: ${l.text}`).join('\n'),
  }
}
