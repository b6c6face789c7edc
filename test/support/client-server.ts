import http from 'node:http'
import type { AddressInfo } from 'node:net'

// A tiny real HTTP server for the API client's unit tests: canned answers per request, every request
// recorded. Real HTTP end to end; fetch itself is never mocked.

export interface SeenRequest {
  method: string
  url: string
  path: string
  query: URLSearchParams
  headers: http.IncomingHttpHeaders
  body: string
}

export type Canned =
  | { status?: number; body?: unknown; raw?: string; headers?: Record<string, string> }
  | 'drop' // destroy the socket without answering
  | 'hang' // never answer

export type Handler = (req: SeenRequest, index: number) => Canned | Promise<Canned>

export interface CannedServer {
  baseUrl: string
  requests: SeenRequest[]
  /** Requests whose path ends with `suffix` (the scope prefix varies). */
  hits(suffix: string): SeenRequest[]
  close(): Promise<void>
}

export const ME = { status: 'success', data: { practiceId: 7, archiveId: 9, userId: 1, userEmail: 'front@studio.it' } }
export const SCOPE = '/api/v1/practices/7/archives/9'

/** Answers GET /me itself; everything else goes to `handler`. */
export async function startCanned(handler: Handler): Promise<CannedServer> {
  const requests: SeenRequest[] = []
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://x')
      const seen: SeenRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        path: u.pathname,
        query: u.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      }
      const index = requests.push(seen) - 1
      void Promise.resolve(seen.path === '/api/v1/me' ? ({ body: ME } as Canned) : handler(seen, index)).then((c) => {
        if (c === 'hang') return
        if (c === 'drop') {
          req.socket.destroy()
          return
        }
        const status = c.status ?? 200
        const text = c.raw ?? (c.body === undefined ? '' : JSON.stringify(c.body))
        res.writeHead(status, { 'Content-Type': c.raw === undefined ? 'application/json' : 'text/plain', ...c.headers })
        res.end(text)
      })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    baseUrl: `http://127.0.0.1:${port}/api/v1`,
    requests,
    hits: (suffix) => requests.filter((r) => r.path.endsWith(suffix)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export const list = (data: unknown[], count = data.length) => ({ status: 'success', count, data })
export const item = (data: unknown) => ({ status: 'success', data })
