import type { sessionChannels } from '../../../shared/contract/session'
import type { HandlerGroup } from './handlers'

export const sessionHandlers: HandlerGroup<typeof sessionChannels> = ({ session, connectivity, lock }) => ({
  sessionStatus: () => session.status(),
  sessionConnectDemo: () => session.connectDemo(),
  sessionConnect: (input) => session.connect(input),
  sessionDisconnect: () => session.disconnect(),
  sessionConnectivity: () => Promise.resolve(connectivity.snapshot()),
  sessionLockState: () => lock.state(),
  sessionLock: () => lock.lock(),
  sessionUnlock: ({ pin }) => lock.unlock(pin),
  sessionSetPin: ({ pin }) => lock.setPin(pin),
})
