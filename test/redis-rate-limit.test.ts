/**
 * Rate limits shared through Redis (KB_REDIS_URL, issue 19): two `kb serve` processes of the bundled
 * CLI given one Redis (Debian's redis-server, the test's own process on loopback) count one budget
 * per client together; with Redis down, requests are still answered (without a limit), and when it
 * is back the limit counts again. `npm test` builds the bundle first; .ci/run installs redis-server.
 */
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { after, before, describe, it } from 'node:test'
import { ConfigError, loadConfig } from '../src/config.js'
import { NODE_FLAGS } from '../src/runtime/memory.js'
import { ARTICLES } from './helpers/kb.js'
import { startRedis, type TestRedis } from './helpers/redis.js'
import { CLI, serve, type ServerProcess, waitFor } from './helpers/server.js'

const TEST = { timeout: 60_000 }
const LIMIT = 10

let root: string
let redis: TestRedis
const servers: ServerProcess[] = []

before(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'kb-redis-limit-'))
  const index = path.join(root, 'kb-index')
  await promisify(execFile)(process.execPath, [...NODE_FLAGS, CLI, 'build', '--articles', ARTICLES, '--out', index], { timeout: 60_000 })
  redis = await startRedis()
  for (let i = 0; i < 2; i++) {
    servers.push(await serve(index, 'info', { KB_RATE_LIMIT_PER_MINUTE: String(LIMIT), KB_REDIS_URL: redis.url, KB_QUERY_WORKER: '0' }))
  }
  for (const s of servers) await waitFor(async () => ((await fetch(`http://127.0.0.1:${s.port}/readyz`)).ok ? true : undefined), 30_000)
  // Both servers hold a connection before anything is counted (until then a request passes uncounted).
  await waitFor(async () => ((await redis.command('CLIENT LIST')).match(/^id=/gm)?.length === servers.length + 1 ? true : undefined), 10_000)
})

after(async () => {
  for (const s of servers) s.proc.kill('SIGKILL')
  await redis?.close()
  if (root) await rm(root, { recursive: true, force: true })
})

/** One search on server `i`, never left hanging. */
const search = (i: number) => fetch(`http://127.0.0.1:${servers[i]!.port}/api/search?q=timeout`, { signal: AbortSignal.timeout(10_000) })

describe('rate limits shared through Redis', () => {
  it(`two replicas count one budget: requests alternated between them, the ${LIMIT + 1}th is a 429`, TEST, async () => {
    for (let n = 0; n < LIMIT; n++) {
      const res = await search(n % 2)
      assert.equal(res.status, 200, `request ${n + 1}`)
      assert.equal(res.headers.get('x-ratelimit-remaining'), String(LIMIT - n - 1), `request ${n + 1}: counted with the other replica's`)
      await res.arrayBuffer()
    }
    for (const i of [0, 1]) {
      const res = await search(i)
      assert.equal(res.status, 429)
      const body = (await res.json()) as Record<string, unknown>
      assert.deepEqual(Object.keys(body).sort(), ['code', 'error', 'message', 'statusCode'])
      assert.equal(body.code, 'KB_RATE_LIMITED')
      assert.equal(body.error, 'Too Many Requests')
      assert.match(String(body.message), new RegExp(`^Rate limit of ${LIMIT} requests per minute exceeded; retry in \\d+ s$`))
    }
    // Liveness and readiness are never limited (the balancer's checks must get through).
    assert.equal((await fetch(`http://127.0.0.1:${servers[0]!.port}/readyz`)).status, 200)
  })

  it('with Redis down requests are still answered, and when it is back the limit counts again', TEST, async () => {
    await redis.stop()
    for (let n = 0; n < 2 * LIMIT; n++) {
      const res = await search(n % 2)
      const body = await res.text()
      assert.equal(res.status, 200, `request ${n + 1} with Redis down: ${body}`)
    }
    for (const s of servers) await waitFor(async () => (s.log().includes('rate limit store (Redis) unreachable') ? true : undefined), 10_000)

    await redis.start() // empty: nothing was saved
    for (const s of servers) await waitFor(async () => (s.log().includes('rate limit store (Redis) reachable again') ? true : undefined), 15_000)
    const res = await search(0)
    assert.equal(res.status, 200)
    assert.equal(res.headers.get('x-ratelimit-remaining'), String(LIMIT - 1), 'counted in Redis again')
  })

  it('KB_REDIS_URL must be a redis:// or rediss:// URL, and a bad one is not echoed (it may hold a password)', () => {
    assert.equal(loadConfig({ KB_REDIS_URL: 'rediss://user:pw@cache.internal:6380/0' }).KB_REDIS_URL, 'rediss://user:pw@cache.internal:6380/0')
    assert.throws(
      () => loadConfig({ KB_REDIS_URL: 'cache.internal:s3cret' }),
      (err: Error) =>
        err instanceof ConfigError && /^Invalid configuration: KB_REDIS_URL must be a URL like redis:/.test(err.message) && !err.message.includes('s3cret'),
    )
  })
})
