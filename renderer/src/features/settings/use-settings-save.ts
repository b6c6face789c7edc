import { ref } from 'vue'
import type { DeskSettings } from '../../../../shared/contract/settings'
import { toApiError } from '../../api'
import { describeError } from '../../i18n/describe-error'
import { useDeskSettingsStore } from './desk-store'

/**
 * A settings section's save: the patch goes to main (useDeskSettingsStore().update); `saved` once main has it
 * on disk, `error` the refusal in words (describeError, then the section's own `failed` wording when given),
 * `saving` while main has not answered. Each save starts clean.
 */
export function useSettingsSave(failed: (reason: string) => string = (reason) => reason) {
  const desk = useDeskSettingsStore()
  const saving = ref(false)
  const error = ref<string | null>(null)
  const saved = ref(false)

  /** True once main has the patch; a refusal is kept in `error`, never thrown. */
  async function save(patch: Partial<DeskSettings>): Promise<boolean> {
    saving.value = true
    error.value = null
    saved.value = false
    try {
      await desk.update(patch)
      saved.value = true
      return true
    } catch (e) {
      error.value = failed(describeError(toApiError(e).toData()))
      return false
    } finally {
      saving.value = false
    }
  }

  return { saving, error, saved, save }
}
