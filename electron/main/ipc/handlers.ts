import type { z } from 'zod'
import type { ChannelDef, ChannelName, Contract } from '../../../shared/contract'
import type { AppServices } from '../app-services'
import { agendaHandlers } from './agenda-handlers'
import { billingHandlers } from './billing-handlers'
import { documentsHandlers } from './documents-handlers'
import { listsHandlers } from './lists-handlers'
import { patientsHandlers } from './patients-handlers'
import { printHandlers } from './print-handlers'
import { sessionHandlers } from './session-handlers'
import { settingsHandlers } from './settings-handlers'

/** A handler gets the input as the door parsed it (defaults applied) and answers what the contract promises. */
export type Handler<D extends ChannelDef> = (input: z.output<D['input']>) => Promise<z.output<D['output']>>
export type Handlers = { [C in ChannelName]: Handler<Contract[C]> }
/** The handlers of one feature, typed by its channel object (e.g. `HandlerGroup<typeof agendaChannels>`). */
export type HandlerGroup<Channels extends Record<string, ChannelDef>> = (s: AppServices) => { [C in keyof Channels]: Handler<Channels[C]> }

/** Every channel of the contract gets exactly one plain async handler; Electron and the tests call these. */
export function createHandlers(s: AppServices): Handlers {
  return {
    ...sessionHandlers(s),
    ...patientsHandlers(s),
    ...documentsHandlers(s),
    ...agendaHandlers(s),
    ...billingHandlers(s),
    ...settingsHandlers(s),
    ...printHandlers(s),
    ...listsHandlers(s),
  }
}
