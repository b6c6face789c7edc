import { describe, expect, it } from 'vitest'
import { AlfaDocsError } from '../../../../../electron/main/alfadocs/errors'
import type { Handlers } from '../../../../../electron/main/ipc/handlers'
import { createInvoke } from '../../../../../electron/main/ipc/invoke'
import { AppError } from '../../../../../electron/main/services/app-error'

const connected = {
  state: 'connected' as const,
  mode: 'demo' as const,
  baseUrl: 'http://127.0.0.1:1/api/v1',
  practiceId: 1,
  archiveId: 2,
  practiceName: 'Demo',
  userEmail: null,
}

function handlers(over: Partial<Handlers>): Handlers {
  return new Proxy(over as Handlers, {
    get: (t, k) =>
      (t as any)[k] ??
      (async () => {
        throw new Error(`unexpected call ${String(k)}`)
      }),
  })
}

describe('createInvoke', () => {
  const log: unknown[] = []
  const invoke = createInvoke(
    handlers({
      sessionStatus: async () => connected,
      sessionConnect: async ({ apiKey }) => {
        if (apiKey === 'bad') throw new AlfaDocsError('auth', 'The API key was refused.', { status: 401 })
        if (apiKey === 'keychain') throw new AppError('keychain', 'No keychain')
        if (apiKey === 'bug') throw new TypeError('x is undefined\n    at secret/path.ts:1:1')
        return { ...connected, practiceId: 'not a number' } as never
      },
    }),
    (msg, e) => log.push([msg, e]),
  )

  it('returns the handler value validated against the contract', async () => {
    expect(await invoke('sessionStatus', {})).toEqual({ ok: true, value: connected })
  })

  it('refuses unknown channels and invalid input as data', async () => {
    expect(await invoke('nope', {})).toMatchObject({ ok: false, error: { kind: 'invalid' } })
    const r = await invoke('sessionConnect', { apiKey: '' })
    expect(r).toMatchObject({ ok: false, error: { kind: 'invalid' } })
    expect(await invoke('sessionStatus', { extra: 1 })).toMatchObject({ ok: false, error: { kind: 'invalid' } })
  })

  it('maps API and app errors to their kinds, and hides unexpected ones behind a plain message', async () => {
    expect(await invoke('sessionConnect', { apiKey: 'bad' })).toEqual({
      ok: false,
      error: { kind: 'auth', message: 'The API key was refused.', status: 401 },
    })
    expect(await invoke('sessionConnect', { apiKey: 'keychain' })).toEqual({
      ok: false,
      error: { kind: 'keychain', message: 'No keychain' },
    })
    const bug = await invoke('sessionConnect', { apiKey: 'bug' })
    expect(bug).toEqual({ ok: false, error: { kind: 'internal', message: 'Something went wrong inside Sportello. Please try again.' } })
    expect(JSON.stringify(bug)).not.toContain('secret/path')
  })

  it('refuses a handler answer that breaks the contract', async () => {
    const r = await invoke('sessionConnect', { apiKey: 'ok' })
    expect(r).toMatchObject({ ok: false, error: { kind: 'internal' } })
    expect(log.length).toBeGreaterThan(0)
  })
})
