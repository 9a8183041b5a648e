/**
 * Soak: mixed search and match traffic on loopback while the index is swapped several times.
 * Bounded in count and time. Every request must succeed and be answered wholly by one build.
 */
import assert from 'node:assert/strict'
import path from 'node:path'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { createApp } from '../src/app.js'
import type { KnowledgeBase } from '../src/runtime/kb.js'
import { REPO, kbFrom } from './helpers/kb.js'

const REQUESTS = 900
const CONCURRENCY = 16
const MAX_MS = 30_000
const SWAPS = 6

let app: FastifyInstance
let base: string
let kbA: KnowledgeBase
let kbB: KnowledgeBase
before(async () => {
  kbA = await kbFrom()
  kbB = await kbFrom(path.join(REPO, 'test', 'fixtures', 'other-kb'))
  app = await createApp({ kb: kbA, bodyLimit: 256 * 1024 })
  await app.listen({ port: 0, host: '127.0.0.1' })
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`
})
after(() => app.close())

const PASTES = [
  'Sm_AgentApi_Init Failed',
  '2011-06-02 04:17:33 - - - - - - - - - 12_Connections_Refused -',
  'getaddrinfo ENOTFOUND db.internal',
  `${'2025-01-01 10:00:00 INFO polled 250 items\n'.repeat(900)}ERROR write failed: ENOSPC: no space left on device, write\n`,
  'HTTP Error 503. The service is unavailable.',
]
const QUERIES = ['Connections_Refused', 'title:siteminder', 'NXDOMAIN', 'C:\\inetpub\\logs', 'timeout~1', '+tls -iis', 'disk full']

it(`${REQUESTS} mixed requests across ${SWAPS} index swaps: none fails, each answered by one build`, async () => {
  const builds = new Map([kbA, kbB].map((kb) => [kb.artifact.header.buildId, kb]))
  const started = Date.now()
  let sent = 0
  let failures = 0
  const seen = new Map<string, number>()
  const problems: string[] = []

  const swapper = (async () => {
    for (let i = 0; i < SWAPS && Date.now() - started < MAX_MS; i++) {
      await new Promise((r) => setTimeout(r, 150))
      app.swapKb(i % 2 === 0 ? kbB : kbA)
    }
  })()

  const worker = async (w: number) => {
    while (sent < REQUESTS && Date.now() - started < MAX_MS) {
      const n = sent++
      const isMatch = (n + w) % 2 === 0
      const res = isMatch
        ? await fetch(`${base}/api/match`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ text: PASTES[n % PASTES.length] }),
          })
        : await fetch(`${base}/api/search?q=${encodeURIComponent(QUERIES[n % QUERIES.length]!)}`)
      const build = res.headers.get('x-kb-build') ?? ''
      const body = (await res.json()) as { results?: Array<{ id: string }> }
      if (res.status !== 200) {
        failures++
        problems.push(`${res.status} ${JSON.stringify(body)}`)
        continue
      }
      const kb = builds.get(build)
      if (!kb) problems.push(`unknown build ${build}`)
      for (const r of body.results ?? []) if (kb && !kb.artifact.byId.has(r.id)) problems.push(`${r.id} is not in build ${build}`)
      seen.set(build, (seen.get(build) ?? 0) + 1)
    }
  }
  await Promise.all([swapper, ...Array.from({ length: CONCURRENCY }, (_, w) => worker(w))])

  assert.equal(failures, 0, problems.slice(0, 5).join('\n'))
  assert.deepEqual(problems.slice(0, 5), [])
  assert.ok(sent >= REQUESTS, `sent ${sent} requests in ${MAX_MS} ms`)
  assert.equal(seen.size, 2, `both builds answered: ${JSON.stringify([...seen])}`)
})
