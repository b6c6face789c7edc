// When the privacy lock closes by itself: after the setting's idle minutes, and when the OS locks the screen.

export interface IdleWatchOptions {
  /** powerMonitor.getSystemIdleTime(): seconds since the last keyboard or mouse input, system-wide. */
  idleSeconds: () => number
  /** The lockAfterMinutes setting (read at each check, so a change applies at once). */
  lockAfterMinutes: () => Promise<number>
  lock: () => unknown
  /** Subscribes to the OS lock-screen event (powerMonitor 'lock-screen'). */
  onLockScreen: (fn: () => void) => void
  everyMs?: number
}

export const IDLE_CHECK_MS = 15_000

/** Starts watching; returns the stop. */
export function watchIdle(o: IdleWatchOptions): () => void {
  o.onLockScreen(() => void o.lock())
  const timer = setInterval(() => {
    void o
      .lockAfterMinutes()
      .then((minutes) => {
        if (o.idleSeconds() >= minutes * 60) return o.lock()
      })
      .catch(() => undefined)
  }, o.everyMs ?? IDLE_CHECK_MS)
  timer.unref?.()
  return () => clearInterval(timer)
}
