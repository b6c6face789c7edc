import { onBeforeUnmount, onMounted, ref } from 'vue'
import { whenTrue } from './when-true'

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
  return whenTrue(() => contentPainted.value)
}

/**
 * In a component's setup: `fn` runs once the component is mounted and the screen's own content painted, unless
 * the component is gone by then (for what asks main, which is no part of that paint).
 */
export function onMountedAfterPaint(fn: () => void): void {
  let mounted = false
  onMounted(() => {
    mounted = true
    void afterContentPainted().then(() => mounted && fn())
  })
  onBeforeUnmount(() => (mounted = false))
}
