import type { HandlerGroup } from './handlers'

export const sessionHandlers: HandlerGroup<
  'sessionStatus' | 'sessionConnectDemo' | 'sessionConnect' | 'sessionDisconnect'
> = (s) => ({
  sessionStatus: () => s.session.status(),
  sessionConnectDemo: () => s.session.connectDemo(),
  sessionConnect: (input) => s.session.connect(input),
  sessionDisconnect: () => s.session.disconnect(),
})
