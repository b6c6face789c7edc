import { join } from 'node:path'
import { writeFileAtomic } from '../../storage/atomic-write'
import { nodeFs, type Fs } from '../../storage/fs-layer'
import { errnoOf } from '../../storage/storage-error'

export const DISCONNECT_MARKER_FILE = 'session-disconnected.json'

/**
 * "The desk disconnected but the keychain kept the key": a small file in the data folder, so that the next
 * start does not reconnect with a key the user asked to remove. Written only when the keychain refused the
 * delete (and the overwrite); removed once the key is gone or another one is stored.
 */
export class DisconnectMarker {
  private readonly path: string

  constructor(
    dataDir: string,
    private readonly fs: Fs = nodeFs,
  ) {
    this.path = join(dataDir, DISCONNECT_MARKER_FILE)
  }

  async isSet(): Promise<boolean> {
    try {
      await this.fs.readFile(this.path)
      return true
    } catch (e) {
      // Unreadable for another reason (permissions): err on the side of not reconnecting.
      return errnoOf(e) !== 'ENOENT'
    }
  }

  set(at: Date): Promise<void> {
    return writeFileAtomic(this.path, JSON.stringify({ disconnectedAt: at.toISOString(), keyRemoved: false }), this.fs)
  }

  clear(): Promise<void> {
    return this.fs.rm(this.path)
  }
}
