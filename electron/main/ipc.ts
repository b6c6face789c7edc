import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { channelNames, type Result } from '../../shared/contract'
import type { Invoke } from './ipc/invoke'

/** Registers one handler per contract channel; calls from anything but our window are refused. */
export function registerIpc(ipcMain: IpcMain, invoke: Invoke, isTrustedSender: (e: IpcMainInvokeEvent) => boolean): void {
  for (const name of channelNames) {
    ipcMain.handle(name, async (event, input: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event)) {
        return { ok: false, error: { kind: 'invalid', message: 'This request did not come from the Sportello window.' } }
      }
      return invoke(name, input)
    })
  }
}
