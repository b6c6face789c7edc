import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { channelNames, type PreloadHelpers } from '../../shared/contract'

// One function per contract channel, plus the preload-local helpers the contract lists
// (preloadHelperNames); nothing else of Electron reaches the page.
const helpers: PreloadHelpers = {
  // The renderer cannot learn a dropped file's path; main re-checks whatever path it is given.
  pathForFile: (file) => webUtils.getPathForFile(file as File),
}
const api = {
  ...Object.fromEntries(channelNames.map((name) => [name, (input: unknown) => ipcRenderer.invoke(name, input ?? {})])),
  ...helpers,
}

contextBridge.exposeInMainWorld('api', Object.freeze(api))
