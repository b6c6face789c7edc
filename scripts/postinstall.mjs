// Runs after `npm install` / `npm ci`. The two dependencies with native install steps are denied their own
// scripts in package.json ("allowScripts") and set up here instead, because their defaults fail the whole
// install on a machine that cannot download binaries or Node headers:
//  - keytar (required: the OS keychain): a prebuilt binary if one can be fetched, else compiled with
//    node-gyp against the headers of the Node that runs this (no header download needed).
//  - electron (only `npm run dev` needs its binary): downloaded if possible; a failure only warns.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
const dirOf = (pkg) => {
  try {
    return dirname(require.resolve(`${pkg}/package.json`))
  } catch {
    return null
  }
}

function setUpKeytar() {
  const dir = dirOf('keytar')
  if (!dir || existsSync(join(dir, 'build/Release/keytar.node'))) return
  const env = { ...process.env }
  const nodePrefix = dirname(dirname(process.execPath))
  if (!env.npm_config_nodedir && existsSync(join(nodePrefix, 'include/node/node_api.h'))) env.npm_config_nodedir = nodePrefix
  const prebuilt = spawnSync('prebuild-install', [], { cwd: dir, env, shell: true, stdio: 'ignore', timeout: 60_000 })
  if (prebuilt.status === 0 && existsSync(join(dir, 'build/Release/keytar.node'))) return
  console.log('sportello: compiling keytar (the OS keychain module)…')
  const built = spawnSync('node-gyp', ['rebuild'], { cwd: dir, env, shell: true, stdio: 'inherit' })
  if (built.status !== 0 || !existsSync(join(dir, 'build/Release/keytar.node'))) {
    console.error(
      '\nsportello: keytar could not be built. On Debian/Ubuntu: apt-get install libsecret-1-dev pkg-config g++ make\n' +
        '  (Fedora: libsecret-devel). Then run npm install again.\n',
    )
    process.exit(1)
  }
}

function setUpElectron() {
  const dir = dirOf('electron')
  if (!dir) return // production install without devDependencies
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    console.log('sportello: ELECTRON_SKIP_BINARY_DOWNLOAD is set, so the Electron binary was not downloaded (npm run dev needs it).')
    return
  }
  if (existsSync(join(dir, 'path.txt'))) return
  const r = spawnSync(process.execPath, [join(dir, 'install.js')], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' })
  if (r.status !== 0) {
    const reason = (r.stderr || '').split('\n').find((l) => /Error|ENOTFOUND|EAI_AGAIN|ECONN/.test(l)) ?? 'unknown error'
    console.warn(
      `\nsportello: the Electron binary could not be downloaded (${reason.trim()}).\n` +
        '  `npm run dev` needs it: run `node node_modules/electron/install.js` where the download works.\n' +
        '  Everything else (npm run build, npm test, the headless commands) works without it.\n',
    )
  }
}

setUpKeytar()
setUpElectron()
