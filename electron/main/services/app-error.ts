import type { ErrorKind } from '../../../shared/contract'

/** An error main raises itself (not from AlfaDocs), with a kind the UI can explain. */
export class AppError extends Error {
  override readonly name = 'AppError'
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    super(message)
  }
}
