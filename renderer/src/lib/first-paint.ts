import { ref, watch } from 'vue'

/**
 * Set once the screen's own content has been painted. The bars' naive-ui widgets (costly to mount) wait
 * for it, in reserved space, so they never delay the first paint of what the desk opened the screen for.
 */
export const contentPainted = ref(false)

export function markContentPainted(): void {
  contentPainted.value = true
}

/** For screens that do not mark it themselves: after the next frame is painted (a task queued from rAF). */
export function markAfterNextPaint(): void {
  requestAnimationFrame(() => setTimeout(markContentPainted, 0))
}

/** Resolves once the screen's own content has been painted (at once if it has). */
export function afterContentPainted(): Promise<void> {
  if (contentPainted.value) return Promise.resolve()
  return new Promise((ok) => {
    const stop = watch(contentPainted, (v) => {
      if (!v) return
      stop()
      ok()
    })
  })
}
