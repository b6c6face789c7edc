import keytar from 'keytar'
import { KeychainError, type SecretStore } from './secret-store'

export const KEYCHAIN_SERVICE = 'Sportello'

/** The OS keychain (Secret Service on Linux, Keychain on macOS, Credential Vault on Windows). */
export class KeytarSecretStore implements SecretStore {
  constructor(private readonly service = KEYCHAIN_SERVICE) {}

  async get(account: string): Promise<string | null> {
    return this.wrap('read', () => keytar.getPassword(this.service, account))
  }

  async set(account: string, secret: string): Promise<void> {
    await this.wrap('write', () => keytar.setPassword(this.service, account, secret))
  }

  async delete(account: string): Promise<boolean> {
    return this.wrap('delete', () => keytar.deletePassword(this.service, account))
  }

  private async wrap<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn()
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e)
      throw new KeychainError(`Could not ${what} the OS keychain: ${reason}`)
    }
  }
}
