import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { channelNames, GRANT_PATH_CHANNEL, type PreloadHelpers } from '../../shared/contract'

// One function per contract channel, plus the preload-local helpers the contract lists
// (preloadHelperNames); nothing else of Electron reaches the page.
const helpers: PreloadHelpers = {
  // The renderer cannot learn a dropped file's path. Main is told (before this returns) that the user handed
  // over this path, and reads nothing else; it re-checks the file itself as well.
  pathForFile: (file) => {
    const path = webUtils.getPathForFile(file as File)
    if (path) ipcRenderer.sendSync(GRANT_PATH_CHANNEL, path)
    return path
  },
}
const api = {
  ...Object.fromEntries(channelNames.map((name) => [name, (input: unknown) => ipcRenderer.invoke(name, input ?? {})])),
  ...helpers,
}

contextBridge.exposeInMainWorld('api', Object.freeze(api))
