import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { channelNames, GRANT_PATH_CHANNEL, type Result } from '../../shared/contract'
import type { MainApp } from './app'

type Sender = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>

export interface IpcHooks {
  /**
   * After a successful disconnect, before the page hears of it: wipe what the window's Chromium keeps
   * (IndexedDB, localStorage, caches…), so nothing of the practice that was left stays on this computer.
   */
  afterDisconnect?: () => Promise<void>
  log?: (msg: string, e: unknown) => void
}

/** Registers one handler per contract channel, and the preload's path grants; anything but our window is refused. */
export function registerIpc(
  ipcMain: IpcMain,
  main: Pick<MainApp, 'invoke' | 'grantPath'>,
  isTrustedSender: (e: Sender) => boolean,
  hooks: IpcHooks = {},
): void {
  const log = hooks.log ?? ((msg, e) => console.error(`[sportello] ${msg}`, e))
  ipcMain.on(GRANT_PATH_CHANNEL, (event, path: unknown) => {
    event.returnValue = isTrustedSender(event) && typeof path === 'string' ? main.grantPath(path) : false
  })
  for (const name of channelNames) {
    ipcMain.handle(name, async (event, input: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event)) {
        return { ok: false, error: { kind: 'invalid', message: 'This request did not come from the Sportello window.' } }
      }
      const result = await main.invoke(name, input)
      if (name === 'sessionDisconnect' && result.ok && hooks.afterDisconnect) {
        // The practice is disconnected either way; the page also forgets its own data. A failure here is logged.
        await hooks.afterDisconnect().catch((e: unknown) => log('could not clear the window storage after disconnect', e))
      }
      return result
    })
  }
}
