import type { ConnectivitySnapshotData } from '../../../shared/contract'
import type { ReadState } from '../data/read'
import { isOfflineKind } from '../api'
import { describeError } from '../i18n/describe-error'
import { i18n } from '../i18n'
import { clockTime, dayMonth } from './format'

export type Freshness = Pick<ReadState<unknown>, 'status' | 'syncedAt' | 'error' | 'refreshing'>

/**
 * How fresh what a screen shows is, in words, or null when there is nothing to say (nothing asked yet, or an
 * error with nothing to show: the screen shows that error itself). `offline` marks the line as a warning.
 * `link` is the app's connectivity: while AlfaDocs cannot be reached or refuses the key, what was answered
 * earlier is marked with its time, not "Aggiornato".
 */
export function freshnessOf(
  read: Freshness,
  now = Date.now(),
  link: ConnectivitySnapshotData['state'] = 'online',
): { text: string; offline: boolean } | null {
  const { t } = i18n.global
  const time = read.syncedAt != null ? dataAt(read.syncedAt, now) : null
  if (link !== 'online' && time && (read.status === 'fresh' || read.status === 'cached')) {
    return { text: t(link === 'offline' ? 'freshness.offline' : 'freshness.authRefused', { at: time }), offline: true }
  }
  switch (read.status) {
    case 'loading':
      return { text: t('freshness.loading'), offline: false }
    case 'fresh':
      return read.syncedAt != null ? { text: t('freshness.fresh', { time: clockTime(read.syncedAt) }), offline: false } : null
    case 'offline':
      return { text: t('freshness.offlineNoData'), offline: true }
    case 'cached': {
      if (!time) return null
      if (!read.error) return { text: t('freshness.refreshing', { at: time }), offline: false }
      if (isOfflineKind(read.error.kind)) return { text: t('freshness.offline', { at: time }), offline: true }
      return { text: t('freshness.stale', { at: time, reason: describeError(read.error) }), offline: true }
    }
    default:
      return null
  }
}

/** "delle 10:40" today, "del 10/03 alle 10:40" another day (Italian needs the article to agree). */
function dataAt(ms: number, now: number): string {
  const { t } = i18n.global
  if (new Date(now).toDateString() === new Date(ms).toDateString()) return t('freshness.atTime', { time: clockTime(ms) })
  return t('freshness.atDay', { day: dayMonth(ms), time: clockTime(ms) })
}
