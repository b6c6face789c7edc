import Module from 'node:module'
import { resolve } from 'node:path'

// Loads a *built* bundle with a stand-in for the `electron` module (and, optionally, other modules such as
// the native keychain binding), recording what the bundle asks of it.

type LoadFn = (request: string, parent: unknown, isMain: boolean) => unknown

export function loadWithStandIn(
  bundle: string,
  electron: Record<string, unknown>,
  others: Record<string, unknown> = {},
): { required: string[] } {
  const mod = Module as unknown as { _load: LoadFn }
  const original = mod._load
  const required: string[] = []
  const path = resolve(bundle)
  mod._load = function (request, parent, isMain) {
    if (request !== path) required.push(request)
    if (request === 'electron') return electron
    if (Object.hasOwn(others, request)) return others[request]
    return original.call(this, request, parent, isMain)
  }
  try {
    const req = Module.createRequire(path)
    delete req.cache[path]
    req(path)
  } finally {
    mod._load = original
  }
  return { required }
}
