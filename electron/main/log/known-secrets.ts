import type { SecretStore } from '../keychain/secret-store'

/**
 * A SecretStore that remembers every secret it hands out or stores (and the API key inside the stored
 * credentials), so the log can hide them wherever they appear. Nothing is written anywhere.
 */
export function rememberingSecrets(inner: SecretStore): { store: SecretStore; secrets: () => readonly string[] } {
  const seen = new Set<string>()
  const note = (value: string | null) => {
    if (!value) return
    seen.add(value)
    try {
      const parsed = JSON.parse(value) as { apiKey?: unknown }
      if (typeof parsed?.apiKey === 'string') seen.add(parsed.apiKey)
    } catch {
      // not JSON: the value itself is the secret
    }
  }
  const store: SecretStore = {
    get: async (account) => {
      const v = await inner.get(account)
      note(v)
      return v
    },
    set: async (account, secret) => {
      note(secret)
      await inner.set(account, secret)
    },
    delete: (account) => inner.delete(account),
  }
  return { store, secrets: () => [...seen] }
}
