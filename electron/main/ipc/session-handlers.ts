import type { HandlerGroup } from './handlers'

export const sessionHandlers: HandlerGroup<
  'sessionStatus' | 'sessionConnectDemo' | 'sessionConnect' | 'sessionDisconnect' | 'referenceData'
> = (s) => ({
  sessionStatus: () => s.session.status(),
  sessionConnectDemo: () => s.session.connectDemo(),
  sessionConnect: (input) => s.session.connect(input),
  sessionDisconnect: () => s.session.disconnect(),
  referenceData: async () => {
    const client = await s.session.client()
    const [chairs, colors, operators] = await Promise.all([
      client.request('chairsList'),
      client.request('colorsList'),
      client.request('operatorsList'),
    ])
    return { chairs, colors, operators }
  },
})
