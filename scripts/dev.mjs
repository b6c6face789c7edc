// `npm run dev`: electron-vite's dev server and Electron. Where the Electron binary could not be downloaded
// (no internet at install, a proxy, ELECTRON_SKIP_BINARY_DOWNLOAD), electron-vite alone ends in a bare
// "Electron uninstall"; this says what happened and what to do, in Italian and English, before trying.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const require = createRequire(import.meta.url)

/** The Electron binary's path, or why there is none. */
export function findElectron(env = process.env) {
  let dir
  try {
    dir = dirname(require.resolve('electron/package.json'))
  } catch {
    return { ok: false, reason: 'package' }
  }
  const pathFile = join(dir, 'path.txt')
  if (!existsSync(pathFile)) return { ok: false, reason: 'binary', dir }
  const binary = env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(env.ELECTRON_OVERRIDE_DIST_PATH, readFileSync(pathFile, 'utf8'))
    : join(dir, 'dist', readFileSync(pathFile, 'utf8'))
  return existsSync(binary) ? { ok: true, binary } : { ok: false, reason: 'binary', dir }
}

export function explainMissing(reason) {
  const what =
    reason === 'package'
      ? ['Il pacchetto electron non è installato.', 'The electron package is not installed.']
      : [
          "Il programma Electron non è stato scaricato durante l'installazione (rete assente o bloccata).",
          'The Electron binary was not downloaded at install time (no network, or it was blocked).',
        ]
  const install = reason === 'package' ? 'npm install' : 'node node_modules/electron/install.js'
  return [
    `sportello: npm run dev non può partire. ${what[0]}`,
    `  Dove il download funziona, esegui:  ${install}   (poi di nuovo npm run dev)`,
    '  Senza Electron funzionano comunque: npm run build, npm test, npm run doctor, npm run day-sheet, npm run sandbox.',
    '',
    `sportello: npm run dev cannot start. ${what[1]}`,
    `  Where the download works, run:  ${install}   (then npm run dev again)`,
    '  Without Electron these still work: npm run build, npm test, npm run doctor, npm run day-sheet, npm run sandbox.',
  ].join('\n')
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href
if (isMain) {
  const found = findElectron()
  if (!found.ok) {
    console.error(explainMissing(found.reason))
    process.exit(1)
  }
  const bin = join(dirname(require.resolve('electron-vite/package.json')), 'bin/electron-vite.js')
  const child = spawn(process.execPath, [bin, 'dev', ...process.argv.slice(2)], { stdio: 'inherit' })
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)))
}
