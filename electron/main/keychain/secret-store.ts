/** Where main keeps secrets. Only keytar-store.ts talks to the OS keychain; everything else uses this. */
export interface SecretStore {
  get(account: string): Promise<string | null>
  set(account: string, secret: string): Promise<void>
  /** true when something was removed */
  delete(account: string): Promise<boolean>
}

export class KeychainError extends Error {
  override readonly name = 'KeychainError'
}
