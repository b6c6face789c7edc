import type { listsChannels } from '../../../shared/contract/lists'
import type { HandlerGroup } from './handlers'

export const listsHandlers: HandlerGroup<typeof listsChannels> = ({ lists }) => ({
  listsConfirmations: ({ date }) => lists.confirmations(date),
  listsConfirmationSet: ({ appointmentId, outcome }) => lists.setOutcome(appointmentId, outcome),
  listsFollowUps: () => lists.followUps(),
  listsFollowUpContacted: ({ patientId, contacted }) => lists.setContacted(patientId, contacted),
  listsAsap: () => lists.asap(),
  listsAsapForSlot: ({ appointmentId, ...slot }) =>
    lists.asapForSlot({ ...slot, ...(appointmentId !== undefined ? { appointmentId } : {}) }),
})
