import { describe, expect, it } from 'vitest'
import type { PaymentView } from '../../../../shared/contract/billing'
import { arrivalNotice, createNotifier, Notices, watchUnfinishedPayments } from '../../../../electron/main/notifications'

const settings = (s: { notifications: boolean; arrivalsNotice: boolean }) => () => Promise.resolve(s)
const payment = (key: string, running = false) => ({ key, running }) as PaymentView

describe('system notifications', () => {
  it('are all off with the notifications setting; arrivals also with arrivalsNotice', async () => {
    const shown: string[] = []
    const show = (n: { title: string }) => void shown.push(n.title)
    const pay = { kind: 'payment' as const, title: 'p', body: '' }
    expect(await createNotifier({ show, settings: settings({ notifications: false, arrivalsNotice: true }) }).notify(pay)).toBe(false)
    const onNoArrivals = createNotifier({ show, settings: settings({ notifications: true, arrivalsNotice: false }) })
    expect(await onNoArrivals.notify(arrivalNotice('it', 'Mario Rossi'))).toBe(false)
    expect(await onNoArrivals.notify(pay)).toBe(true)
    const on = createNotifier({ show, settings: settings({ notifications: true, arrivalsNotice: true }) })
    expect(await on.notify(arrivalNotice('en', 'Mario Rossi'))).toBe(true)
    expect(shown).toEqual(['p', 'Patient arrived'])
  })

  it("tell of each unfinished payment once, not of one a call is working on, and reach main's code through Notices", async () => {
    const bodies: string[] = []
    const notifier = createNotifier({
      show: (n) => void bodies.push(n.body),
      settings: settings({ notifications: true, arrivalsNotice: true }),
    })
    let payments = [payment('a'), payment('b', true)]
    const watch = watchUnfinishedPayments({ unfinished: async () => ({ payments, notices: [] }), notifier, language: 'it' })
    expect(await watch.check()).toBe(true)
    expect(await watch.check()).toBe(false)
    payments = [payment('a'), payment('b'), payment('c')]
    expect(await watch.check()).toBe(true)
    expect(bodies).toEqual([expect.stringMatching(/^Un pagamento/), expect.stringMatching(/^2 pagamenti/)])

    const hub = new Notices()
    const heard: string[] = []
    const stop = hub.subscribe((n) => void notifier.notify(n).then(() => heard.push(n.kind)))
    hub.publish(arrivalNotice('it', 'Mario Rossi, 10:30'))
    stop()
    hub.publish(arrivalNotice('it', 'nobody listens'))
    await new Promise((ok) => setTimeout(ok, 0))
    expect(heard).toEqual(['arrival'])
    expect(bodies.at(-1)).toBe('Mario Rossi, 10:30')
  })
})
