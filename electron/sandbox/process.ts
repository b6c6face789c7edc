import { spawn, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'

// The demo sandbox as a real process of its own (soak scripts, offline tests): started through its CLI,
// killed like a server that goes away, started again on the same port like one that comes back.

const ROOT = resolve(__filename, '../../..')

export interface SandboxProcessOptions {
  apiKey: string
  today?: string
  seed?: number
  /** 0 (default): a free port; restart() keeps the port the first start got. */
  port?: number
  rateLimit?: boolean
  latencyMs?: number
}

export interface SandboxProcess {
  readonly baseUrl: string
  readonly apiKey: string
  /** http://127.0.0.1:PORT, for the control routes under /__sandbox/. */
  readonly root: string
  readonly child: ChildProcess
  /** Calls a control route (/__sandbox/<path>) with the key. */
  control(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown>
  /** SIGKILL: the server vanishes mid-flight, as when the network drops. */
  kill(): Promise<void>
  /** A fresh process on the same port (seeded state again). */
  restart(): Promise<void>
  stop(): Promise<void>
}

function argsOf(o: SandboxProcessOptions, port: number): string[] {
  const args = [
    '--import',
    'tsx',
    'electron/sandbox/cli.ts',
    '--port',
    String(port),
    '--host',
    '127.0.0.1',
    '--api-key',
    o.apiKey,
    '--quiet',
  ]
  if (o.today) args.push('--today', o.today)
  if (o.seed !== undefined) args.push('--seed', String(o.seed))
  if (o.latencyMs !== undefined) args.push('--latency', String(o.latencyMs))
  if (o.rateLimit === false) args.push('--no-rate-limit')
  return args
}

async function launch(o: SandboxProcessOptions, port: number): Promise<{ child: ChildProcess; baseUrl: string }> {
  const child = spawn(process.execPath, argsOf(o, port), { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()))
  const baseUrl = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`sandbox did not start within 30 s: ${err}`)), 30_000)
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /base URL:\s*(\S+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        ok(m[1]!)
      }
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      fail(new Error(`sandbox exited (${code}): ${err}`))
    })
  })
  return { child, baseUrl }
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((ok) => child.once('exit', () => ok()))

export async function startSandboxProcess(o: SandboxProcessOptions): Promise<SandboxProcess> {
  let { child, baseUrl } = await launch(o, o.port ?? 0)
  const port = Number(new URL(baseUrl).port)
  const root = baseUrl.replace(/\/api\/v1\/?$/, '')
  const sp: SandboxProcess = {
    get baseUrl() {
      return baseUrl
    },
    apiKey: o.apiKey,
    root,
    get child() {
      return child
    },
    async control(method, path, body) {
      const res = await fetch(`${root}/__sandbox/${path}`, {
        method,
        headers: { 'X-Api-Key': o.apiKey, 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
      const text = await res.text()
      if (!res.ok) throw new Error(`sandbox control ${path}: HTTP ${res.status} ${text}`)
      return text ? (JSON.parse(text) as unknown) : null
    },
    async kill() {
      child.kill('SIGKILL')
      await exited(child)
    },
    async restart() {
      if (child.exitCode === null && child.signalCode === null) await sp.kill()
      ;({ child, baseUrl } = await launch(o, port))
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
        await exited(child)
      }
    },
  }
  return sp
}
