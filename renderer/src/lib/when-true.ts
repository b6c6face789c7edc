import { watch } from 'vue'

/** Resolves once the reactive `cond` holds (at once if it does). */
export function whenTrue(cond: () => boolean): Promise<void> {
  if (cond()) return Promise.resolve()
  return new Promise((ok) => {
    const stop = watch(cond, (v) => {
      if (!v) return
      stop()
      ok()
    })
  })
}
