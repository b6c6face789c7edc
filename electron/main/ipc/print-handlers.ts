import type { printChannels } from '../../../shared/contract/print'
import type { HandlerGroup } from './handlers'

export const printHandlers: HandlerGroup<typeof printChannels> = ({ print }) => ({
  printPreview: () => print.preview(),
  printPrint: () => print.print(),
  printSave: (input) => print.save(input),
})
