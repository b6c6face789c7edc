import type { ErrorKind } from '../../../shared/contract'

export interface AppErrorInit {
  /** A specific refusal the renderer words on its own (see describeError). */
  code?: string
  /** An explanation safe to show (no secrets, no paths the page was not given). */
  detail?: string
  cause?: unknown
}

/** An error main raises itself (not from AlfaDocs), with a kind the UI can explain. */
export class AppError extends Error {
  override readonly name = 'AppError'
  readonly code: string | undefined
  readonly detail: string | undefined
  constructor(
    readonly kind: ErrorKind,
    message: string,
    init: AppErrorInit = {},
  ) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause })
    this.code = init.code
    this.detail = init.detail
  }
}
