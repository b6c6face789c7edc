import type { z } from 'zod'
import type { ChannelDef, Result } from './core'
import { agendaChannels } from './agenda'
import { billingChannels } from './billing'
import { documentsChannels } from './documents'
import { listsChannels } from './lists'
import { patientsChannels } from './patients'
import { printChannels } from './print'
import { sessionChannels } from './session'
import { settingsChannels } from './settings'

export * from './core'
export * from './session'
export * from './settings'
export { GRANT_PATH_CHANNEL, preloadHelperNames, type PreloadHelpers } from './documents'

/** Every IPC channel: name → zod input and output. Main registers handlers from it, preload exposes it. */
export const contract = {
  ...sessionChannels,
  ...patientsChannels,
  ...documentsChannels,
  ...agendaChannels,
  ...billingChannels,
  ...settingsChannels,
  ...listsChannels,
  ...printChannels,
} satisfies Record<string, ChannelDef>

export type Contract = typeof contract
export type ChannelName = keyof Contract
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>
/** The input after the door parsed it (defaults applied, text trimmed): what a handler receives. */
export type ChannelParsed<C extends ChannelName> = z.output<Contract[C]['input']>
export type ChannelOutput<C extends ChannelName> = z.output<Contract[C]['output']>

/** What the preload puts on `window.api`: one function per channel, errors returned as data. */
export type Api = { [C in ChannelName]: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>> }

export const channelNames = Object.keys(contract) as ChannelName[]
