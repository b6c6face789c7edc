import { computed, shallowRef } from 'vue'
import type { Appointment } from '../../../../shared/alfadocs/schemas'

/**
 * The appointment a block's menu is open for, as the menu shows it: the agenda's copy while it holds one (a
 * refresh landing meanwhile brings the newer one), else the one the menu was opened on. An action picked from
 * the menu then acts on what the desk saw, even when the agenda replaced its appointments in between.
 */
export function useMenuTarget(byId: () => ReadonlyMap<number, Appointment>) {
  const id = shallowRef<number | null>(null)
  const held = shallowRef<Appointment | null>(null)
  const appointment = computed<Appointment | null>(() => {
    if (id.value === null) return null
    return byId().get(id.value) ?? (held.value?.id === id.value ? held.value : null)
  })
  function open(appointmentId: number): void {
    id.value = appointmentId
    held.value = byId().get(appointmentId) ?? null
  }
  return { appointment, open }
}
