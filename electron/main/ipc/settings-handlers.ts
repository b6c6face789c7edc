import type { settingsChannels } from '../../../shared/contract/settings'
import type { HandlerGroup } from './handlers'

export const settingsHandlers: HandlerGroup<typeof settingsChannels> = ({ settings }) => ({
  settingsGet: () => settings.get(),
  settingsUpdate: (patch) => settings.update(patch),
})
