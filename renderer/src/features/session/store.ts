import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { SessionStatus } from '../../../../shared/contract'
import { ApiError, call, toApiError } from '../../api'

type Connected = Extract<SessionStatus, { state: 'connected' }>
export type SessionAction = 'demo' | 'practice' | 'status' | 'disconnect'

/**
 * Whether a practice is connected, and the actions that change it. Errors are kept as data (`error`, and
 * `failed`: the action they belong to); the Connect screen words them with describeError.
 */
export const useSessionStore = defineStore('session', () => {
  /** null until the first sessionStatus answer. */
  const status = ref<SessionStatus | null>(null)
  const busy = ref<'demo' | 'practice' | 'disconnect' | null>(null)
  const error = ref<ApiError | null>(null)
  /** Which action the error belongs to, so the screen can show it next to that action. */
  const failed = ref<SessionAction | null>(null)

  const connected = computed<Connected | null>(() => (status.value?.state === 'connected' ? status.value : null))

  async function check(): Promise<SessionStatus> {
    try {
      status.value = await call('sessionStatus', {})
    } catch (e) {
      // Without a status we cannot show the day: fall back to the Connect screen with the reason.
      fail('status', e)
      status.value = { state: 'disconnected' }
    }
    return status.value
  }

  async function run(kind: 'demo' | 'practice', op: () => Promise<SessionStatus>): Promise<boolean> {
    busy.value = kind
    clearError()
    try {
      status.value = await op()
      return status.value.state === 'connected'
    } catch (e) {
      fail(kind, e)
      return false
    } finally {
      busy.value = null
    }
  }

  function fail(action: SessionAction, e: unknown): void {
    error.value = toApiError(e)
    failed.value = action
  }

  function clearError(): void {
    error.value = null
    failed.value = null
  }

  const connectDemo = () => run('demo', () => call('sessionConnectDemo', {}))

  const connect = (apiKey: string, baseUrl?: string) =>
    run('practice', () => call('sessionConnect', baseUrl ? { apiKey, baseUrl } : { apiKey }))

  /**
   * Forget the key (main). The session ends here even if main fails; what the renderer holds of the practice
   * (stores, IndexedDB) is forgotten by `forgetPractice` in features/index.ts, once Connect is on screen.
   */
  async function disconnect(): Promise<void> {
    busy.value = 'disconnect'
    clearError()
    try {
      status.value = await call('sessionDisconnect', {})
    } catch (e) {
      fail('disconnect', e)
      status.value = { state: 'disconnected' }
    } finally {
      busy.value = null
    }
  }

  return { status, busy, error, failed, connected, check, connectDemo, connect, disconnect, clearError }
})
