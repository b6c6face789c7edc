import type { sessionChannels } from '../../../shared/contract/session'
import type { HandlerGroup } from './handlers'

export const sessionHandlers: HandlerGroup<typeof sessionChannels> = ({ session, connectivity }) => ({
  sessionStatus: () => session.status(),
  sessionConnectDemo: () => session.connectDemo(),
  sessionConnect: (input) => session.connect(input),
  sessionDisconnect: () => session.disconnect(),
  sessionConnectivity: () => Promise.resolve(connectivity.snapshot()),
})
