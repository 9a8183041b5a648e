import assert from 'node:assert/strict'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import request from 'supertest'
import { createApp } from '../src/app.js'
import { ARTIFACT_VERSION, writeArtifact } from '../src/build/artifact/artifact.js'
import { buildFromFolder } from '../src/build/index/build.js'
import { ARTICLES, REPO, kbFrom } from './helpers/kb.js'
import { serve, waitFor } from './helpers/server.js'
import { tempDir } from './helpers/temp.js'

describe('metrics, build header, time budget', () => {
  let app: FastifyInstance
  before(async () => {
    app = await createApp({ kb: await kbFrom(), bodyLimit: 64 * 1024 })
  })
  after(() => app.close())

  it('every API response names the build that answered it', async () => {
    const res = await request(app.server).get('/api/search?q=iis').expect(200)
    assert.equal(res.headers['x-kb-build'], app.kbState().current?.artifact.header.buildId)
  })

  it('exposes Prometheus metrics: requests and latency per route, the index, and matches with no confident answer', async () => {
    await request(app.server).get('/api/search?q=iis').expect(200)
    await request(app.server).post('/api/match').send({ text: 'hi can someone help me please' }).expect(200)
    await request(app.server).post('/api/match').send({ text: 'Sm_AgentApi_Init Failed' }).expect(200)
    const res = await request(app.server).get('/metrics').expect(200)
    assert.match(res.headers['content-type'] ?? '', /^text\/plain/)
    const text = res.text
    assert.match(text, /kb_http_requests_total\{route="\/api\/search",method="GET",status="200"\} [1-9]/)
    assert.match(text, /kb_http_request_duration_seconds_bucket\{le="0\.1",route="\/api\/match",method="POST"\} [1-9]/)
    assert.match(text, /kb_match_total\{outcome="no_confident_match"\} 1/)
    assert.match(text, /kb_match_total\{outcome="confident"\} 1/)
    assert.match(text, new RegExp(`kb_index_info\\{build_id="${app.kbState().current?.artifact.header.buildId}"\\} 1`))
    assert.match(text, /kb_index_articles \d{2}/)
    assert.match(text, /kb_process_resident_memory_bytes \d+/)
  })

  it('a match over its time budget answers with what it scored, flagged partial', async () => {
    const kb = await kbFrom()
    const r = kb.matcher.match({ text: 'HTTP Error 503. The service is unavailable. Event ID 5002', limit: 5 }, 0)
    assert.equal(r.partial, true)
    assert.equal(kb.matcher.match({ text: 'HTTP Error 503', limit: 5 }).partial, false)
  })
})

describe('rate limiting (off by default)', () => {
  it('limits /api/* per client when configured, with a 429 that says when to retry; health is never limited', async () => {
    const app = await createApp({ kb: await kbFrom(), bodyLimit: 1024, rateLimitPerMinute: 3 })
    try {
      for (let i = 0; i < 3; i++) await request(app.server).get('/api/search?q=iis').expect(200)
      const res = await request(app.server).get('/api/search?q=iis').expect(429)
      assert.equal(res.body.code, 'KB_RATE_LIMITED')
      assert.match(res.body.message, /^Rate limit of 3 requests per minute exceeded; retry in \d+ s$/)
      await request(app.server).get('/healthz').expect(200)
      await request(app.server).get('/readyz').expect(200)
    } finally {
      await app.close()
    }
    const unlimited = await createApp({ kb: await kbFrom(), bodyLimit: 1024 })
    try {
      for (let i = 0; i < 10; i++) await request(unlimited.server).get('/api/search?q=iis').expect(200)
    } finally {
      await unlimited.close()
    }
  })
})

describe('the server process: reload on SIGHUP, drain on SIGTERM', () => {
  it('swaps in a new artifact, refuses a broken one and keeps serving, then closes cleanly', async () => {
    const dir = await tempDir('kb-ops-')
    const file = path.join(dir, 'kb.json')
    const a = await buildFromFolder(ARTICLES)
    const b = await buildFromFolder(path.join(REPO, 'test', 'fixtures', 'other-kb'))
    await writeArtifact(file, a.bytes)
    const idOf = (bytes: Buffer) => (JSON.parse(bytes.subarray(0, bytes.indexOf(0x0a)).toString()) as { buildId: string }).buildId
    const { proc: server, port, log, exited } = await serve(file)
    const build = async () => ((await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { buildId: string }).buildId
    try {
      assert.equal(await waitFor(build), idOf(a.bytes))

      await writeArtifact(file, b.bytes)
      server.kill('SIGHUP')
      await waitFor(async () => ((await build()) === idOf(b.bytes) ? true : undefined))
      const hit = (await (await fetch(`http://127.0.0.1:${port}/api/search?q=NXDOMAIN`)).json()) as { results: Array<{ id: string }> }
      assert.equal(hit.results[0]?.id, 'dns-nxdomain')

      await writeFile(file, `{"format":"kb-search-artifact","version":"${ARTIFACT_VERSION}"}\n{"broken"`)
      server.kill('SIGHUP')
      await waitFor(async () => (log().includes('index reload refused') ? true : undefined))
      assert.match(log(), /"reason":"Cannot load index artifact .*corrupt/)
      assert.equal(await build(), idOf(b.bytes), 'the previous index keeps serving')

      server.kill('SIGTERM')
      assert.equal(await exited, 0)
      assert.match(log(), /draining, then closing/)
    } finally {
      server.kill('SIGKILL')
    }
  })

  it('is ready once a query worker holds the index: /readyz answers 503 "starting" until the log says one does', async () => {
    const dir = await tempDir('kb-ops-')
    const file = path.join(dir, 'kb.json')
    await writeArtifact(file, (await buildFromFolder(ARTICLES)).bytes)
    const { proc: server, port, log, exited } = await serve(file, 'info', { KB_QUERY_WORKERS: '2' })
    try {
      const seen: string[] = []
      await waitFor(async () => {
        const res = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined)
        if (!res) return undefined
        const body = (await res.json()) as { status: string }
        // Each answer, with whether the workers held the index when it was given.
        seen.push(`${res.status} ${body.status} ${log().includes('a query worker holds the index; ready')}`)
        return res.ok ? true : undefined
      })
      assert.ok(
        seen.every((s) => s === '503 starting false' || s === '200 ok true'),
        seen.join(', '),
      )
      assert.equal(seen.at(-1), '200 ok true')
      server.kill('SIGTERM')
      assert.equal(await exited, 0)
    } finally {
      server.kill('SIGKILL')
    }
  })

  it('a request in flight when SIGTERM arrives still gets its answer', async () => {
    const dir = await tempDir('kb-ops-')
    const file = path.join(dir, 'kb.json')
    await writeArtifact(file, (await buildFromFolder(ARTICLES)).bytes)
    const { proc: server, port, log, exited } = await serve(file)
    try {
      await waitFor(async () => ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok ? true : undefined))
      // A 200 KB paste takes the matcher long enough to still be running when the signal lands.
      const big = `${'2025-01-01 10:00:00 INFO worker polled 250 items from queue orders\n'.repeat(3000)}Sm_AgentApi_Init Failed\n`
      const inFlight = fetch(`http://127.0.0.1:${port}/api/match`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: big.slice(-200_000) }),
      })
      // Signal only once the server has the request (its log says so), so it is truly in flight.
      await waitFor(async () => (/"url":"\/api\/match"[^\n]*"msg":"incoming request"/.test(log()) ? true : undefined))
      server.kill('SIGTERM')
      const res = await inFlight
      assert.equal(res.status, 200)
      assert.ok(((await res.json()) as { results: unknown[] }).results.length > 0)
      assert.equal(await exited, 0)
    } finally {
      server.kill('SIGKILL')
    }
  })
})
