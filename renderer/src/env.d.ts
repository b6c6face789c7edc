/// <reference types="vite/client" />
import type { Api } from '../../shared/contract'

declare global {
  interface Window {
    /** Installed by the preload (or the e2e harness): one function per IPC channel. */
    api?: Api
  }
}

export {}
