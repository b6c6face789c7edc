import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { channelNames, GRANT_PATH_CHANNEL, preloadHelperNames } from '../../shared/contract'
import { loadWithStandIn } from '../support/electron-stub'

const bundle = 'out/preload/index.js'

describe('the built preload, loaded with a stand-in contextBridge', () => {
  it('exposes exactly the contract channels and the listed preload helpers on window.api', async () => {
    if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build first`)
    const exposed = new Map<string, any>()
    const invoked: Array<[string, unknown]> = []
    const asked: unknown[] = []
    const granted: Array<[string, unknown]> = []
    const { required } = loadWithStandIn(bundle, {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
      webUtils: {
        getPathForFile: (f: unknown) => {
          asked.push(f)
          return '/dropped/x-ray.dcm'
        },
      },
      ipcRenderer: {
        sendSync: (ch: string, path: unknown) => {
          granted.push([ch, path])
          return true
        },
        invoke: (ch: string, input: unknown) => {
          invoked.push([ch, input])
          return Promise.resolve({ ok: true, value: ch })
        },
      },
    })
    expect([...exposed.keys()]).toEqual(['api'])
    const api = exposed.get('api')
    expect(Object.keys(api).sort()).toEqual([...channelNames, ...preloadHelperNames].sort())
    for (const name of [...channelNames, ...preloadHelperNames]) expect(typeof api[name]).toBe('function')
    expect(Object.isFrozen(api)).toBe(true)
    await expect(api.sessionStatus({})).resolves.toEqual({ ok: true, value: 'sessionStatus' })
    expect(invoked).toEqual([['sessionStatus', {}]])
    // pathForFile: webUtils answers in the preload, and main is told (synchronously) that this path was handed over.
    const file = { name: 'x-ray.dcm' }
    expect(api.pathForFile(file)).toBe('/dropped/x-ray.dcm')
    expect(asked).toEqual([file])
    expect(granted).toEqual([[GRANT_PATH_CHANNEL, '/dropped/x-ray.dcm']])
    expect(invoked).toHaveLength(1)
    // A sandboxed preload can only require electron: everything else must be bundled in.
    expect(required.filter((r) => r !== 'electron')).toEqual([])
  })
})
