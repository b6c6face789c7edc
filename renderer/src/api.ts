import type { Api, ChannelInput, ChannelName, ChannelOutput, ErrorData, ErrorKind, Result } from '../../shared/contract'

/** A failed IPC call: the error data main sent, as a throwable. Stores keep it; describeError words it. */
export class ApiError extends Error {
  readonly kind: ErrorKind
  readonly code: string | undefined
  readonly detail: string | undefined
  readonly status: number | undefined

  constructor(data: ErrorData) {
    super(data.message)
    this.name = 'ApiError'
    this.kind = data.kind
    this.code = data.code
    this.detail = data.detail
    this.status = data.status
  }

  toData(): ErrorData {
    return {
      kind: this.kind,
      message: this.message,
      ...(this.code !== undefined ? { code: this.code } : {}),
      ...(this.detail !== undefined ? { detail: this.detail } : {}),
      ...(this.status !== undefined ? { status: this.status } : {}),
    }
  }
}

export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e
  return new ApiError({ kind: 'internal', message: e instanceof Error ? e.message : String(e) })
}

function getApi(): Api {
  const api = window.api
  if (!api) throw new ApiError({ kind: 'internal', message: 'window.api is not available (preload missing)' })
  return api
}

/**
 * Calls one channel; resolves with its value or throws an ApiError. Only stores (and the shared read
 * helpers in `data/`) call this: views render a store's state and call its actions.
 */
export async function call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const fn = getApi()[channel] as (i: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>
  let result: Result<ChannelOutput<C>>
  try {
    result = await fn(input)
  } catch (e) {
    throw toApiError(e)
  }
  if (result.ok) return result.value
  throw new ApiError(result.error)
}

export const isOfflineKind = (kind: ErrorKind): boolean => kind === 'offline' || kind === 'timeout'
