import { computed, shallowReactive } from 'vue'

// When the data the current screen shows was last answered by AlfaDocs: every freshness line on screen reports
// its read's sync time here while mounted, and the shell's offline line says the oldest ("dati delle 10:40").

const shown = shallowReactive(new Map<symbol, number | null>())

/** A freshness line's slot: set its sync time as it changes, drop it on unmount. */
export function shownDataSlot(): { set(syncedAt: number | null): void; drop(): void } {
  const id = Symbol('freshness')
  return {
    set: (syncedAt) => void shown.set(id, syncedAt),
    drop: () => void shown.delete(id),
  }
}

/** The oldest sync time among what is on screen, null when nothing on screen has one. */
export const shownSyncedAt = computed<number | null>(() => {
  let oldest: number | null = null
  for (const at of shown.values()) if (at != null && (oldest === null || at < oldest)) oldest = at
  return oldest
})
