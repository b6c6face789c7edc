import type { UnfinishedPayments } from '../../shared/contract/billing'
import type { ComputerSettings } from '../../shared/contract/settings'
import type { MenuLanguage } from './menu'

// System notifications (Electron's Notification, shown by the OS): unfinished payments, and arrivals marked
// at other desks (for the code that learns of them). All off with the `notifications` setting; arrivals
// also with `arrivalsNotice`.

export type NoticeKind = 'payment' | 'arrival'
export interface Notice {
  kind: NoticeKind
  title: string
  body: string
}

export interface NotifierOptions {
  /** new Notification({ title, body }).show() where the OS supports it. */
  show: (n: { title: string; body: string }) => void
  settings: () => Promise<Pick<ComputerSettings, 'notifications' | 'arrivalsNotice'>>
}

export interface Notifier {
  /** Shows a notice unless the settings say no; answers whether it was shown. */
  notify(n: Notice): Promise<boolean>
}

export function createNotifier(o: NotifierOptions): Notifier {
  return {
    async notify(n) {
      const s = await o.settings().catch(() => null)
      if (!s?.notifications || (n.kind === 'arrival' && !s.arrivalsNotice)) return false
      o.show({ title: n.title, body: n.body })
      return true
    },
  }
}

const WORDS = {
  it: {
    title: 'Pagamento non concluso',
    one: 'Un pagamento non è stato registrato del tutto in AlfaDocs: apri Cassa per riprovare.',
    many: (n: number) => `${n} pagamenti non sono stati registrati del tutto in AlfaDocs: apri Cassa per riprovare.`,
    arrivalTitle: 'Paziente arrivato',
  },
  en: {
    title: 'Payment not finished',
    one: 'A payment was not fully recorded in AlfaDocs: open Billing to retry.',
    many: (n: number) => `${n} payments were not fully recorded in AlfaDocs: open Billing to retry.`,
    arrivalTitle: 'Patient arrived',
  },
} as const

/** The words of an arrival notice (the caller knows who arrived and for what). */
export const arrivalNotice = (language: MenuLanguage, body: string): Notice => ({
  kind: 'arrival',
  title: WORDS[language].arrivalTitle,
  body,
})

/**
 * Watches the unfinished payments: each one that no call is working on is announced once (per key), in one
 * notice for all the new ones. Call `check()` at start and then every minute or so.
 */
export function watchUnfinishedPayments(o: { unfinished: () => Promise<UnfinishedPayments>; notifier: Notifier; language: MenuLanguage }) {
  const told = new Set<string>()
  return {
    async check(): Promise<boolean> {
      const list = await o.unfinished().catch(() => null)
      if (!list) return false
      const fresh = list.payments.filter((p) => !p.running && !told.has(p.key))
      if (fresh.length === 0) return false
      const w = WORDS[o.language]
      const shown = await o.notifier.notify({ kind: 'payment', title: w.title, body: fresh.length === 1 ? w.one : w.many(fresh.length) })
      // Announced (or silenced by the setting): not again for these; a notice turned on later tells of new ones.
      for (const p of fresh) told.add(p.key)
      return shown
    },
  }
}

/**
 * Where main's own code announces things for a system notification (e.g. a patient marked arrived at another
 * desk: `notices.publish(arrivalNotice(language, 'Mario Rossi, 10:30'))`). The Electron glue shows them
 * through the notifier, which applies the settings; without a listener (tests, headless) nothing is shown.
 */
export class Notices {
  private readonly listeners = new Set<(n: Notice) => void>()
  publish(n: Notice): void {
    for (const l of this.listeners) l(n)
  }
  subscribe(fn: (n: Notice) => void): () => void {
    this.listeners.add(fn)
    return () => this.listeners.delete(fn)
  }
}
