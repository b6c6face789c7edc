import type { ErrorData } from '../../../shared/contract'
import { i18n } from './index'

/** Where the error is shown, for a wording of its own (`errors.<context>.<kind>` in the messages). */
export type ErrorContext = 'connect' | 'payment'

/** Kinds where the server's own explanation helps the desk (a field it refused, what changed). */
const WITH_DETAIL = new Set<ErrorData['kind']>(['invalid', 'conflict', 'not-found', 'damaged-file', 'storage'])

/**
 * The one place an error becomes words: a specific `code` first (`errors.code.<code>`), then the context's
 * wording of the kind, then the kind. The server's `detail` (already redacted by main) follows in brackets
 * where it helps. Never shows `message`: that is English, for logs.
 */
export function describeError(error: Pick<ErrorData, 'kind'> & Partial<ErrorData>, context?: ErrorContext): string {
  const { t, te } = i18n.global
  let text: string
  if (error.code && te(`errors.code.${error.code}`)) text = t(`errors.code.${error.code}`)
  else if (context && te(`errors.${context}.${error.kind}`)) text = t(`errors.${context}.${error.kind}`)
  else if (te(`errors.${error.kind}`)) text = t(`errors.${error.kind}`)
  else text = t('errors.internal')
  const detail = error.detail?.trim()
  return detail && WITH_DETAIL.has(error.kind) && !text.includes(detail) ? `${text} (${detail})` : text
}
