import { contextBridge, ipcRenderer } from 'electron'
import { channelNames } from '../../shared/contract'

// Exactly one function per contract channel; nothing else of Electron reaches the page.
const api = Object.fromEntries(channelNames.map((name) => [name, (input: unknown) => ipcRenderer.invoke(name, input ?? {})]))

contextBridge.exposeInMainWorld('api', Object.freeze(api))
