/**
 * Issue 14, the HTTP side: every request a client can send gets a 4xx or an answer, never a 5xx;
 * the rate limit sees the path the router sees; a client always receives its 413.
 */
import assert from 'node:assert/strict'
import { connect } from 'node:net'
import path from 'node:path'
import { Readable } from 'node:stream'
import { after, before, describe, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { createApp } from '../src/app.js'
import { loadConfig, parseCorsOrigins } from '../src/config.js'
import { drainBody } from '../src/http/drain.js'
import { writeArtifact } from '../src/build/artifact/artifact.js'
import { buildFromFolder } from '../src/build/index/build.js'
import { ARTICLES, kbFrom } from './helpers/kb.js'
import { type ServerProcess, serve, waitFor } from './helpers/server.js'
import { tempDir } from './helpers/temp.js'

/** A listening app on a loopback port. */
async function listening(opts: { rateLimitPerMinute?: number; bodyLimit?: number } = {}): Promise<{ app: FastifyInstance; port: number }> {
  const app = await createApp({ kb: await kbFrom(), bodyLimit: opts.bodyLimit ?? 64 * 1024, rateLimitPerMinute: opts.rateLimitPerMinute })
  await app.listen({ port: 0, host: '127.0.0.1' })
  return { app, port: (app.server.address() as { port: number }).port }
}

/** Send one raw HTTP/1.1 request (as written, request target and all) and read the whole response. */
function raw(port: number, head: string, body = ''): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let text = ''
    socket.setEncoding('utf8')
    socket.on('data', (d: string) => (text += d))
    socket.on('error', reject)
    socket.on('end', () => {
      const split = text.indexOf('\r\n\r\n')
      resolve({ status: Number(text.slice(9, 12)), headers: text.slice(0, split), body: text.slice(split + 4) })
    })
    const length = body ? `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` : ''
    socket.write(`${head}\r\nHost: localhost:${port}\r\n${length}Connection: close\r\n\r\n${body}`)
  })
}

describe('encoded paths and absolute-form targets are routed, hooked and limited as one path', () => {
  let app: FastifyInstance
  let port: number
  before(async () => ({ app, port } = await listening()))
  after(() => app.close())

  it('answers them as their plain form, never a 500', async () => {
    const id = 'iis6-connections-refused-nonpaged-pool'
    const match = JSON.stringify({ text: 'Sm_AgentApi_Init Failed' })
    const cases: Array<[string, string, number]> = [
      ['GET /%61pi/search?q=iis HTTP/1.1', '', 200],
      ['GET /%61pi/articles HTTP/1.1', '', 200],
      [`GET /%61pi/articles/${id} HTTP/1.1`, '', 200],
      [`GET /api/%61rticles/${id} HTTP/1.1`, '', 200],
      ['POST /%61pi/match HTTP/1.1', match, 200],
      [`GET http://localhost:${port}/api/search?q=iis HTTP/1.1`, '', 200],
      [`GET http://localhost:${port}/%61pi/articles/${id} HTTP/1.1`, '', 200],
      [`POST http://localhost:${port}/api/match HTTP/1.1`, match, 200],
      [`GET http://localhost:${port}/api/articles/no-such-article HTTP/1.1`, '', 404],
      [`GET http://localhost:${port}/api/nothing-here HTTP/1.1`, '', 404],
      ['GET /%61pi/nothing-here HTTP/1.1', '', 404],
    ]
    for (const [head, body, status] of cases) {
      const res = await raw(port, head, body)
      assert.equal(res.status, status, `${head}: ${res.body}`)
      if (status === 200) assert.match(res.headers, /\r\nx-kb-build: [0-9a-f]{16}\r\n/i, head)
    }
  })

  it('counts them against the rate limit', async () => {
    const limited = await listening({ rateLimitPerMinute: 3 })
    try {
      for (const head of [
        'GET /api/search?q=iis HTTP/1.1',
        'GET /%61pi/search?q=iis HTTP/1.1',
        `GET http://localhost:${limited.port}/api/search?q=iis HTTP/1.1`,
      ]) {
        assert.equal((await raw(limited.port, head)).status, 200, head)
      }
      for (const head of ['GET /%61pi/search?q=iis HTTP/1.1', `GET http://localhost:${limited.port}/api/articles HTTP/1.1`, 'GET /api/search?q=iis HTTP/1.1']) {
        const res = await raw(limited.port, head)
        assert.equal(res.status, 429, head)
        assert.equal(JSON.parse(res.body).code, 'KB_RATE_LIMITED')
      }
      assert.equal((await raw(limited.port, 'GET /healthz HTTP/1.1')).status, 200)
    } finally {
      await limited.app.close()
    }
  })
})

describe('a body over the limit', () => {
  const limit = 256 * 1024 // KB_MAX_BODY_BYTES's default
  let server: ServerProcess
  before(async () => {
    const dir = await tempDir('kb-413-')
    const file = path.join(dir, 'kb.json')
    await writeArtifact(file, (await buildFromFolder(ARTICLES)).bytes)
    // A server process of its own: with the client in the same process the race rarely shows.
    server = await serve(file, 'warn')
    await waitFor(async () => ((await fetch(`http://127.0.0.1:${server.port}/readyz`)).ok ? true : undefined))
  })
  after(() => server.proc.kill('SIGKILL'))
  const message = `Request body is larger than the limit of ${limit} bytes; send a shorter excerpt around the error`

  it('reaches a fetch client as the 413 JSON, every time (the body is read before the connection closes)', async () => {
    const paste = JSON.stringify({ text: 'x'.repeat(3 * 1024 * 1024) })
    const outcomes: string[] = []
    for (let i = 0; i < 20; i++) {
      try {
        const res = await fetch(`http://127.0.0.1:${server.port}/api/match`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: paste })
        const body = (await res.json()) as { code: string; message: string }
        outcomes.push(`${res.status} ${body.code} ${body.message}`)
      } catch (err) {
        outcomes.push(`${(err as Error).message}: ${((err as Error).cause as Error | undefined)?.message}`)
      }
    }
    assert.deepEqual(outcomes, Array(20).fill(`413 KB_BODY_TOO_LARGE ${message}`))
  })

  it('also when it is sent chunked, with no length announced', async () => {
    const chunks = Array.from({ length: 48 }, () => Buffer.alloc(64 * 1024, 'x'))
    const res = await fetch(`http://127.0.0.1:${server.port}/api/match`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Readable.toWeb(Readable.from(chunks)) as ReadableStream,
      duplex: 'half',
    } as RequestInit)
    assert.equal(res.status, 413)
    assert.equal(((await res.json()) as { message: string }).message, message)
  })
})

describe('draining a body', () => {
  it('stops at a byte cap and a time cap', async () => {
    const endless = (chunk: number) =>
      new Readable({
        read() {
          this.push(Buffer.alloc(chunk))
        },
      })
    assert.deepEqual(await drainBody(Readable.from([Buffer.alloc(10), Buffer.alloc(10)]), { maxBytes: 100, maxMs: 1000 }), { drained: true, bytes: 20 })
    const capped = await drainBody(endless(64), { maxBytes: 1000, maxMs: 5000 })
    assert.equal(capped.drained, false)
    assert.ok(capped.bytes > 1000 && capped.bytes <= 1064, String(capped.bytes))
    const stalled = new Readable({ read() {} })
    const started = Date.now()
    assert.deepEqual(await drainBody(stalled, { maxBytes: 1000, maxMs: 100 }), { drained: false, bytes: 0 })
    assert.ok(Date.now() - started < 1100)
  })
})

describe('KB_CORS_ORIGINS', () => {
  it('refuses a wildcard origin at start, saying to list the origins', () => {
    const wildcard =
      /^Error: "https:\/\/\*\.example\.com" is not an origin like https:\/\/portal\.example\.com: wildcards are not supported; list each origin, comma-separated$/
    assert.throws(() => parseCorsOrigins('https://*.example.com'), wildcard)
    assert.throws(() => parseCorsOrigins('https://a.example.com, https://*.example.com'), wildcard)
    assert.throws(
      () => parseCorsOrigins('*'),
      /^Error: "\*" is not an origin like https:\/\/portal\.example\.com: wildcards are not supported; list each origin, comma-separated$/,
    )
    assert.throws(
      () => loadConfig({ KB_CORS_ORIGINS: 'https://*.example.com' }),
      /^ConfigError: Invalid configuration: KB_CORS_ORIGINS "https:\/\/\*\.example\.com" is not an origin like https:\/\/portal\.example\.com: wildcards are not supported/,
    )
  })
})
