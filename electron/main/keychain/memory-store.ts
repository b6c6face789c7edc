import type { SecretStore } from './secret-store'

/** An in-memory SecretStore for tests and the e2e harness. */
export class MemorySecretStore implements SecretStore {
  private readonly items = new Map<string, string>()
  async get(account: string) {
    return this.items.get(account) ?? null
  }
  async set(account: string, secret: string) {
    this.items.set(account, secret)
  }
  async delete(account: string) {
    return this.items.delete(account)
  }
  get size() {
    return this.items.size
  }
}
