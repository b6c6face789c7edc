import { startStoreHarness, type StoreHarness } from '../../../../../support/store-harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sessionFeature } from '../../../../../../renderer/src/features/session'
import { useDeskSettingsStore } from '../../../../../../renderer/src/features/settings/desk-store'
import { useSettingsSave } from '../../../../../../renderer/src/features/settings/use-settings-save'
import { i18n, mergeMessages } from '../../../../../../renderer/src/i18n'

// (The harness first: it installs fake-indexeddb before the cache's database is made.)
// A settings section's save against the real main handlers and settings file: no practice connected at first,
// so main refuses the practice's settings ('not-connected', code 'settings-need-practice') and takes the computer's.

describe('useSettingsSave', () => {
  let h: StoreHarness

  beforeAll(async () => {
    h = await startStoreHarness({ connect: false })
    mergeMessages(sessionFeature.messages)
  })
  afterAll(async () => {
    await h?.close()
  })

  it('a save main takes: saving only while in flight, then saved, no error, and the store shows it', async () => {
    const s = useSettingsSave()
    expect([s.saving.value, s.saved.value, s.error.value]).toEqual([false, false, null])
    const done = s.save({ lockAfterMinutes: 17 })
    expect(s.saving.value).toBe(true)
    expect(s.saved.value).toBe(false)
    expect(await done).toBe(true)
    expect([s.saving.value, s.saved.value, s.error.value]).toEqual([false, true, null])
    expect(useDeskSettingsStore().settings.lockAfterMinutes).toBe(17)
    expect((await h.invoke('settingsGet', {})).lockAfterMinutes).toBe(17)
  })

  it('a save main refuses: the refusal in words (the section’s own wording around it), not saved, nothing changed', async () => {
    const s = useSettingsSave((reason) => i18n.global.t('desk.failed', { reason }))
    const done = s.save({ practiceName: 'Studio Rossi' })
    expect(s.saving.value).toBe(true)
    expect(await done).toBe(false)
    expect(s.error.value).toBe('Non salvato: Lo studio non è collegato. Collegalo di nuovo.')
    expect([s.saving.value, s.saved.value]).toEqual([false, false])
    expect(useDeskSettingsStore().settings.practiceName).toBe('')
    // Without a wording of its own the section shows describeError's words alone.
    const plain = useSettingsSave()
    await plain.save({ followUpDays: 60 })
    expect(plain.error.value).toBe('Lo studio non è collegato. Collegalo di nuovo.')
  })

  it('each save starts clean: "Salvato" goes while the next is in flight, and a success clears the last refusal', async () => {
    const s = useSettingsSave()
    await s.save({ lockAfterMinutes: 20 })
    expect(s.saved.value).toBe(true)
    const refused = s.save({ practiceAddress: 'Via Roma 1' })
    expect([s.saving.value, s.saved.value]).toEqual([true, false])
    await refused
    expect(s.error.value).not.toBeNull()
    await h.invoke('sessionConnectDemo', {})
    const taken = s.save({ practiceAddress: 'Via Roma 1' })
    expect(s.error.value).toBeNull()
    expect(await taken).toBe(true)
    expect([s.saved.value, s.error.value]).toEqual([true, null])
    expect((await h.invoke('settingsGet', {})).practiceAddress).toBe('Via Roma 1')
  })
})
