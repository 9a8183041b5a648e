/**
 * Fuzz the API with random and hostile input on loopback: never a 5xx, never a crash, memory flat.
 * Seeded, so a failure reproduces; bounded in count and time.
 */
import assert from 'node:assert/strict'
import http from 'node:http'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { createApp } from '../src/app.js'
import { kbFrom } from './helpers/kb.js'

const ROUNDS = 700
const MAX_MS = 60_000
const BODY_LIMIT = 256 * 1024

// npm test runs node with --expose-gc (NODE_FLAGS); without it the heap is read uncollected.
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined)

let app: FastifyInstance
let port: number
before(async () => {
  app = await createApp({ kb: await kbFrom(), bodyLimit: BODY_LIMIT })
  await app.listen({ port: 0, host: '127.0.0.1' })
  port = (app.server.address() as { port: number }).port
})
after(() => app.close())

/** mulberry32: a small seeded PRNG. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const rand = prng(20261123)
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!
const int = (n: number) => Math.floor(rand() * n)

const LUNR_SPECIAL = ['*', '~', '^', ':', '+', '-', '\\', '"', '(', ')', '[', ']', '{', '}', 'title:', '~2', '^10', '*:*', '-+', '::']
const WORDS = ['Sm_AgentApi_Init', 'error', '0x80070005', '500.19', 'C:\\inetpub', 'Connections_Refused', 'the', 'a', 'é', '😀', '\u0000', '\uFFFD', '\u202E']

function randomText(max: number): string {
  switch (int(6)) {
    case 0:
      return Array.from({ length: int(max) }, () => String.fromCharCode(int(0x10000))).join('')
    case 1:
      return Array.from({ length: int(50) }, () => pick(LUNR_SPECIAL)).join(pick(['', ' ']))
    case 2:
      return `${pick(WORDS)} `.repeat(10_000)
    case 3:
      return 'x'.repeat(int(BODY_LIMIT))
    case 4:
      return Array.from({ length: int(200) }, () => `${pick(WORDS)}${pick(LUNR_SPECIAL)}`).join(' ')
    default:
      return Array.from({ length: int(300) }, () => pick(WORDS)).join(pick([' ', '\n', '\t', '_', '.']))
  }
}

function randomJson(depth = 0): unknown {
  switch (depth > 6 ? int(4) : int(7)) {
    case 0:
      return randomText(200)
    case 1:
      return rand() * 1e6 - 5e5
    case 2:
      return pick([null, true, false, -1, 0, 21, 1e308, Number.MAX_SAFE_INTEGER])
    case 3:
      return ''
    case 4:
      return Array.from({ length: int(5) }, () => randomJson(depth + 1))
    default:
      return Object.fromEntries(
        Array.from({ length: int(4) }, () => [pick(['text', 'limit', 'product', 'tag', '__proto__', 'constructor', randomText(8)]), randomJson(depth + 1)]),
      )
  }
}

/** Percent-encode text; lone surrogates (not encodable) become raw bytes, i.e. invalid UTF-8. */
function enc(text: string): string {
  try {
    return encodeURIComponent(text)
  } catch {
    return [...Buffer.from(text, 'latin1')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')
  }
}

/** Send raw bytes, so the body can be invalid UTF-8 or not JSON at all. */
function send(method: string, path: string, body?: Buffer, contentType?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: { ...(contentType ? { 'content-type': contentType } : {}), ...(body ? { 'content-length': body.length } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }))
      },
    )
    req.on('error', reject)
    if (body) req.write(body)
    req.end()
  })
}

function oneCase(): [string, string, Buffer | undefined, string | undefined] {
  switch (int(8)) {
    case 0:
      return ['GET', `/api/search?q=${enc(randomText(1200))}&limit=${pick(['1', '50', '0', '-3', 'x', '1e3', ''])}`, undefined, undefined]
    case 1:
      return [
        'GET',
        `/api/search?${Array.from({ length: int(6) }, () => `${pick(['q', 'limit', 'offset', 'product', 'tag', 'q[]', 'x'])}=${enc(randomText(30))}`).join('&')}`,
        undefined,
        undefined,
      ]
    case 2:
      return ['GET', `/api/articles/${enc(randomText(300))}`, undefined, undefined]
    case 3:
      return ['POST', '/api/match', Buffer.from(JSON.stringify({ text: randomText(20_000), limit: pick([1, 5, 20, 0, 21, '5', null]) })), 'application/json']
    case 4:
      return ['POST', '/api/match', Buffer.from(JSON.stringify(randomJson())), 'application/json']
    case 5: {
      const bytes = Buffer.from(Array.from({ length: int(4000) }, () => int(256)))
      return ['POST', '/api/match', Buffer.concat([Buffer.from('{"text":"'), bytes, Buffer.from('"}')]), 'application/json']
    }
    case 6:
      return [
        'POST',
        '/api/match',
        Buffer.from('['.repeat(int(20_000)) + ']'.repeat(int(20_000))),
        pick(['application/json', 'application/json; charset=latin1', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']),
      ]
    default:
      return [
        pick(['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'GET']),
        pick(['/api/match', '/api/search', '/api/articles', '/%', '/api/../api/search', '/api/articles/%E0%A4%A']),
        Buffer.from(randomText(100)),
        'application/json',
      ]
  }
}

it(`${ROUNDS} random and hostile requests: no 5xx, the server stays up, memory stays flat`, async () => {
  const started = Date.now()
  const heap: number[] = []
  const fivexx: string[] = []
  for (let i = 0; i < ROUNDS && Date.now() - started < MAX_MS; i++) {
    const [method, path, body, type] = oneCase()
    const res = await send(method, path, body, type)
    if (res.status >= 500 || res.status === 0) fivexx.push(`${method} ${path.slice(0, 80)} -> ${res.status} ${res.body.slice(0, 200)}`)
    else if (res.status >= 400) assert.match(res.body, /"code":"KB_[A-Z_]+"/, `${method} ${path.slice(0, 60)}: ${res.body.slice(0, 200)}`)
    if (i % 100 === 99) {
      gc()
      heap.push(process.memoryUsage().heapUsed)
    }
  }
  assert.deepEqual(fivexx, [])
  const health = await send('GET', '/healthz')
  assert.equal(health.status, 200)
  // Flat: after warm-up, the heap does not keep growing with the number of requests.
  const growthMb = (heap[heap.length - 1]! - heap[1]!) / 1e6
  assert.ok(growthMb < 40, `heap grew ${growthMb.toFixed(1)} MB over the run: ${heap.map((h) => (h / 1e6).toFixed(0)).join(', ')} MB`)
})
