import type { ChannelInput, ChannelName, ChannelOutput } from '../../../shared/contract'
import type { AppServices } from '../app-services'
import { agendaHandlers } from './agenda-handlers'
import { billingHandlers } from './billing-handlers'
import { documentsHandlers } from './documents-handlers'
import { patientsHandlers } from './patients-handlers'
import { sessionHandlers } from './session-handlers'

export type Handler<C extends ChannelName> = (input: ChannelInput<C>) => Promise<ChannelOutput<C>>
export type Handlers = { [C in ChannelName]: Handler<C> }
export type HandlerGroup<K extends ChannelName> = (s: AppServices) => { [C in K]: Handler<C> }

/** Every channel of the contract gets exactly one plain async handler; Electron and the tests call these. */
export function createHandlers(s: AppServices): Handlers {
  return {
    ...sessionHandlers(s),
    ...patientsHandlers(s),
    ...documentsHandlers(s),
    ...agendaHandlers(s),
    ...billingHandlers(s),
  }
}
