import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { channelNames, GRANT_PATH_CHANNEL, type Result } from '../../shared/contract'
import type { MainApp } from './app'

type Sender = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>

/** Registers one handler per contract channel, and the preload's path grants; anything but our window is refused. */
export function registerIpc(ipcMain: IpcMain, main: Pick<MainApp, 'invoke' | 'grantPath'>, isTrustedSender: (e: Sender) => boolean): void {
  ipcMain.on(GRANT_PATH_CHANNEL, (event, path: unknown) => {
    event.returnValue = isTrustedSender(event) && typeof path === 'string' ? main.grantPath(path) : false
  })
  for (const name of channelNames) {
    ipcMain.handle(name, async (event, input: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event)) {
        return { ok: false, error: { kind: 'invalid', message: 'This request did not come from the Sportello window.' } }
      }
      return main.invoke(name, input)
    })
  }
}
