import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { channelNames } from '../../shared/contract'
import { loadWithStandIn } from '../support/electron-stub'

const bundle = 'out/preload/index.js'

describe('the built preload, loaded with a stand-in contextBridge', () => {
  it('exposes exactly the contract channels on window.api, forwarding to ipcRenderer.invoke', async () => {
    if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build first`)
    const exposed = new Map<string, any>()
    const invoked: Array<[string, unknown]> = []
    const { required } = loadWithStandIn(bundle, {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
      ipcRenderer: {
        invoke: (ch: string, input: unknown) => {
          invoked.push([ch, input])
          return Promise.resolve({ ok: true, value: ch })
        },
      },
    })
    expect([...exposed.keys()]).toEqual(['api'])
    const api = exposed.get('api')
    expect(Object.keys(api).sort()).toEqual([...channelNames].sort())
    for (const name of channelNames) expect(typeof api[name]).toBe('function')
    expect(Object.isFrozen(api)).toBe(true)
    await expect(api.sessionStatus({})).resolves.toEqual({ ok: true, value: 'sessionStatus' })
    expect(invoked).toEqual([['sessionStatus', {}]])
    // A sandboxed preload can only require electron: everything else must be bundled in.
    expect(required.filter((r) => r !== 'electron')).toEqual([])
  })
})
