import type { listsChannels } from '../../../shared/contract/lists'
import type { HandlerGroup } from './handlers'

const withSeconds = (d: string) => (d.length === 16 ? `${d}:00` : d)

export const listsHandlers: HandlerGroup<typeof listsChannels> = ({ lists }) => ({
  listsConfirmations: ({ date }) => lists.confirmations(date),
  listsConfirmationSet: ({ appointmentId, outcome }) => lists.setOutcome(appointmentId, outcome),
  listsFollowUps: ({ now }) => lists.followUps(withSeconds(now)),
  listsFollowUpContacted: ({ patientId, contacted }) => lists.setContacted(patientId, contacted),
  listsAsap: ({ now }) => lists.asap(withSeconds(now)),
  listsAsapForSlot: ({ now, date, duration, operatorId, appointmentId }) =>
    lists.asapForSlot(withSeconds(now), {
      date: withSeconds(date),
      duration,
      operatorId,
      ...(appointmentId !== undefined ? { appointmentId } : {}),
    }),
})
