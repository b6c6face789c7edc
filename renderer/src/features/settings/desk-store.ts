import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { COMPUTER_DEFAULTS, PRACTICE_DEFAULTS } from '../../../../shared/contract/values'
import type { DeskSettings } from '../../../../shared/contract/settings'
import { call, toApiError, type ApiError } from '../../api'

/**
 * The desk's settings as main keeps them (this computer's and the connected practice's). Until main answers,
 * the defaults; `update` shows a change only once main has it on disk.
 */
export const useDeskSettingsStore = defineStore('desk-settings', () => {
  const settings = shallowRef<DeskSettings>({ ...COMPUTER_DEFAULTS, ...PRACTICE_DEFAULTS })
  const loaded = ref(false)
  const error = shallowRef<ApiError | null>(null)
  let loading: Promise<void> | null = null

  function load(): Promise<void> {
    loading ??= call('settingsGet', {})
      .then((s) => {
        settings.value = s
        loaded.value = true
        error.value = null
      })
      .catch((e: unknown) => {
        error.value = toApiError(e)
      })
      .finally(() => (loading = null))
    return loading
  }

  /** Throws the refusal (a failed write changes nothing); the caller words it with describeError. */
  async function update(patch: Partial<DeskSettings>): Promise<DeskSettings> {
    const next = await call('settingsUpdate', patch)
    settings.value = next
    loaded.value = true
    return next
  }

  function reset(): void {
    settings.value = { ...COMPUTER_DEFAULTS, ...PRACTICE_DEFAULTS }
    loaded.value = false
    error.value = null
  }

  return { settings, loaded, error, load, update, reset }
})
