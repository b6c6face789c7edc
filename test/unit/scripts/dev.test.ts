import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

describe('npm run dev without the Electron binary', () => {
  it('says what happened and what to do, in Italian and English, and exits 1 without starting anything', () => {
    // An empty Electron dist folder: as on a machine where the download failed.
    const empty = mkdtempSync(join(tmpdir(), 'sportello-no-electron-'))
    const r = spawnSync(process.execPath, ['scripts/dev.mjs'], {
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty },
    })
    expect(r.status).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain('npm run dev non può partire')
    expect(r.stderr).toContain('npm run dev cannot start')
    expect(r.stderr.match(/node node_modules\/electron\/install\.js/g)).toHaveLength(2)
    expect(r.stderr).toMatch(/Senza Electron funzionano comunque: npm run build, npm test/)
    expect(r.stderr).toMatch(/Without Electron these still work: npm run build, npm test/)
  })
})
