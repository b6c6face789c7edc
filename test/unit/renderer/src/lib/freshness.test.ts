import { beforeAll, describe, expect, it } from 'vitest'
import { sessionFeature } from '../../../../../renderer/src/features/session'
import { i18n, mergeMessages } from '../../../../../renderer/src/i18n'
import { freshnessOf } from '../../../../../renderer/src/lib/freshness'

// A screen's freshness line with the app's connectivity: while AlfaDocs cannot be reached, or refuses the key,
// what was answered earlier says how old it is, never "Aggiornato".

const at = new Date(2026, 2, 11, 10, 40).getTime()
const now = new Date(2026, 2, 11, 10, 45).getTime()
const fresh = { status: 'fresh' as const, syncedAt: at, error: null, refreshing: false }

describe('freshnessOf with connectivity', () => {
  beforeAll(() => {
    mergeMessages(sessionFeature.messages)
    i18n.global.locale.value = 'it'
  })

  it('online: a fresh read is up to date', () => {
    expect(freshnessOf(fresh, now)).toEqual({ text: 'Aggiornato alle 10:40', offline: false })
    expect(freshnessOf(fresh, now, 'online')).toEqual({ text: 'Aggiornato alle 10:40', offline: false })
  })

  it('offline or with a refused key: the same read is marked with its time, as a warning', () => {
    expect(freshnessOf(fresh, now, 'offline')).toEqual({ text: 'Offline — dati delle 10:40', offline: true })
    expect(freshnessOf(fresh, now, 'auth-refused')).toEqual({ text: 'Chiave API rifiutata — dati delle 10:40', offline: true })
    const cached = { ...fresh, status: 'cached' as const, error: { kind: 'auth' as const, message: 'refused' } }
    expect(freshnessOf(cached, now, 'auth-refused')?.text).toMatch(/^Chiave API rifiutata/)
  })

  it('says "delle" for a time today and "del … alle" for another day, in Italian; English alike', () => {
    const yesterday = {
      ...fresh,
      status: 'cached' as const,
      syncedAt: new Date(2026, 2, 10, 18, 5).getTime(),
      error: { kind: 'offline' as const, message: 'down' },
    }
    expect(freshnessOf(yesterday, now)?.text).toBe('Offline — dati del 10/03 alle 18:05')
    i18n.global.locale.value = 'en'
    try {
      expect(freshnessOf(yesterday, now)?.text).toBe('Offline — data from 10/03, 18:05')
      expect(freshnessOf(fresh, now, 'offline')?.text).toBe('Offline — data from 10:40')
    } finally {
      i18n.global.locale.value = 'it'
    }
  })

  it('nothing shown stays worded as before (loading, offline without data)', () => {
    expect(freshnessOf({ status: 'loading', syncedAt: null, error: null, refreshing: true }, now, 'offline')?.text).toBe('Caricamento…')
    expect(freshnessOf({ status: 'offline', syncedAt: null, error: null, refreshing: false }, now, 'offline')?.text).toBe(
      'Offline — nessun dato salvato',
    )
  })
})
