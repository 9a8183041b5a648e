import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import Fastify from 'fastify'
import { createApp } from '../src/app.js'
import { ApiError } from '../src/api/errors.js'
import type { KnowledgeBase } from '../src/runtime/kb.js'
import { InThreadRunner } from '../src/runtime/query/runner.js'
import { IN_FLIGHT, WorkerRunner } from '../src/runtime/query/worker-runner.js'
import { loadConfig, queryWorkerCount } from '../src/config.js'
import { search as searchOf } from '../src/core/search/search.js'
import { kbFrom } from './helpers/kb.js'
import { waitFor } from './helpers/server.js'
import { stopThread } from '../src/threads.js'
import type { Worker } from 'node:worker_threads'

describe('queries in a worker thread', () => {
  let kb: KnowledgeBase
  const worker = new WorkerRunner(Fastify({ logger: false }).log)
  const local = new InThreadRunner()
  before(async () => {
    kb = await kbFrom()
  })
  after(() => worker.close())

  it('answers from the main thread until the worker holds the build, then from the worker, with the same results', async () => {
    const search = { q: 'connection refused', limit: 5, offset: 0 }
    const paste = { text: 'Event ID: 5002\nApplication pool DefaultAppPool is being automatically disabled', limit: 3 }
    const before = await worker.search(kb, search) // not loaded yet: main thread
    assert.deepEqual(worker.answered, { worker: 0, main: 1 })
    assert.equal(await worker.load(kb.artifact.shared), true)
    assert.deepEqual(await worker.search(kb, search), await local.search(kb, search))
    assert.deepEqual(await worker.search(kb, search), before)
    assert.deepEqual(await worker.match(kb, paste, 2000), await local.match(kb, paste, 2000))
    assert.deepEqual(worker.answered, { worker: 3, main: 1 })
  })

  it('answers come serialized with the response schema: the search and match results, field for field', async () => {
    const search = { q: 'connection refused', limit: 5, offset: 0 }
    const a = await worker.search(kb, search)
    assert.deepEqual(JSON.parse(a.json), JSON.parse(JSON.stringify(searchOf(kb.artifact, search))))
    const paste = { text: 'HTTP Error 503. The service is unavailable.\nnothing else here', limit: 3 }
    const m = await worker.match(kb, paste, 2000)
    const direct = kb.matcher.match(paste, 2000)
    assert.deepEqual(JSON.parse(m.json), JSON.parse(JSON.stringify(direct)))
    assert.deepEqual([m.partial, m.noConfidentMatch, m.errorCodes], [direct.partial, direct.noConfidentMatch, direct.signals.errorCodes])
  })

  it('answers a build it no longer holds on the main thread', async () => {
    const other = await kbFrom('test/fixtures/other-kb')
    const stale: KnowledgeBase = { ...kb, artifact: { ...kb.artifact, header: { ...kb.artifact.header, buildId: 'not-loaded' } } }
    assert.equal(await worker.load(other.artifact.shared), true)
    const mainBefore = worker.answered.main
    const r = await worker.search(stale, { q: 'siteminder', limit: 3, offset: 0 })
    assert.equal(worker.answered.main, mainBefore + 1)
    assert.deepEqual(r, await local.search(stale, { q: 'siteminder', limit: 3, offset: 0 }))
    assert.ok((JSON.parse(r.json) as { results: unknown[] }).results.length > 0)
  })

  it('a query over a limit is the same 400 from the worker as on the main thread: the coded error crosses as data', async () => {
    const q = { q: 'abcdefghij~9', limit: 5, offset: 0 }
    const check = (err: unknown) => {
      assert.ok(err instanceof ApiError, String(err))
      assert.deepEqual([err.statusCode, err.code, err.message], [400, 'KB_QUERY_TOO_COMPLEX', 'Fuzzy edit distance 9 in "abcdefghij~9" is over the limit of 2'])
      return true
    }
    const before = { ...worker.answered }
    await assert.rejects(worker.search(kb, q), check)
    assert.deepEqual(worker.answered, before, 'the worker answered it, with an error')
    await assert.rejects(local.search(kb, q), check)
  })

  it('a worker handed the store before the build opens its articles from it, and answers the same', async () => {
    const runner = new WorkerRunner(Fastify({ logger: false }).log)
    try {
      const shared = kb.artifact.shared
      const stored = { buildId: shared.header.buildId, store: shared.store, layout: shared.layout, docCount: shared.index.docCount }
      assert.equal(await runner.prepare({ ...stored, docCount: stored.docCount + 1 }), undefined, 'a store that does not hold its articles is not opened')
      assert.equal(await runner.prepare(stored), kb.artifact.articles.length)
      assert.equal(await runner.load(shared), true)
      const search = { q: 'connection refused', limit: 5, offset: 0 }
      const paste = { text: 'Event ID: 5002\nApplication pool DefaultAppPool is being automatically disabled', limit: 3 }
      assert.deepEqual(await runner.search(kb, search), await local.search(kb, search))
      assert.deepEqual(await runner.match(kb, paste, 2000), await local.match(kb, paste, 2000))
      assert.deepEqual(runner.answered, { worker: 2, main: 0 })
    } finally {
      await runner.close()
    }
  })

  it('keeps answering after the worker dies', async () => {
    // It exits between two messages: terminate() could abort this process (src/threads.ts).
    await stopThread((worker as unknown as { threads: Array<{ worker: Worker }> }).threads[0]!.worker)
    const r = await worker.match(kb, { text: 'Sm_AgentApi_Init Failed', limit: 3 }, 2000)
    assert.equal((JSON.parse(r.json) as { results: Array<{ id: string }> }).results[0]?.id, 'siteminder-iis-agent-sm-agentapi-init-failed-stale-connections')
  })
})

describe('queries in several worker threads', () => {
  let kb: KnowledgeBase
  const runner = new WorkerRunner(Fastify({ logger: false }).log, 2)
  const local = new InThreadRunner()
  const threads = () => (runner as unknown as { threads: Array<{ owed: number; worker?: Worker }> }).threads
  before(async () => {
    kb = await kbFrom()
  })
  after(() => runner.close())

  it('every worker loads the build; concurrent matches are spread over them, each answer the same as on the main thread', async () => {
    assert.equal(await runner.load(kb.artifact.shared), true)
    const pastes = [
      'Sm_AgentApi_Init Failed',
      'HTTP Error 503. The service is unavailable.',
      'Event ID: 5002 application pool disabled',
      'ECONNREFUSED 127.0.0.1:6379',
    ]
    const owed: number[][] = []
    const answers = pastes.map((text) => {
      const p = runner.match(kb, { text, limit: 3 }, 2000)
      owed.push(threads().map((t) => t.owed))
      return p
    })
    assert.deepEqual(owed.at(-1), [2, 2], 'four matches in flight, two per worker')
    for (const [i, text] of pastes.entries()) assert.deepEqual(await answers[i], await local.match(kb, { text, limit: 3 }, 2000))
    assert.equal(runner.answered.worker, 4)
  })

  it('sends each worker at most IN_FLIGHT queries; the rest wait on the main thread, then go to the first worker with room', async () => {
    const pastes = [
      'Sm_AgentApi_Init Failed',
      'HTTP Error 503. The service is unavailable.',
      'Event ID: 5002 application pool disabled',
      'ECONNREFUSED 127.0.0.1:6379',
      'Connections_Refused',
      'w3wp.exe crashed',
      'HTTP 500.19 config error',
    ]
    const before = runner.answered.worker
    const answers = pastes.map((text) => runner.match(kb, { text, limit: 3 }, 2000))
    assert.deepEqual(
      threads().map((t) => t.owed),
      [IN_FLIGHT, IN_FLIGHT],
    )
    assert.equal(runner.depth, pastes.length, 'all counted: in flight and waiting')
    for (const [i, text] of pastes.entries()) assert.deepEqual(await answers[i], await local.match(kb, { text, limit: 3 }, 2000))
    assert.equal(runner.answered.worker, before + pastes.length)
    assert.equal(runner.depth, 0)
  })

  it('keeps answering from the other worker when one dies', async () => {
    await stopThread(threads()[0]!.worker!)
    const before = runner.answered.worker
    const r = await runner.search(kb, { q: 'siteminder', limit: 3, offset: 0 })
    assert.deepEqual(r, await local.search(kb, { q: 'siteminder', limit: 3, offset: 0 }))
    assert.equal(runner.answered.worker, before + 1, 'answered by the surviving worker')
  })
})

describe('a query that kills its worker', () => {
  /** The search helpers/dying-worker.ts runs out of memory on. */
  const KILL_QUERY = 'allocate until the worker dies'
  let kb: KnowledgeBase
  // A small heap, so the runaway query dies quickly.
  const runner = new WorkerRunner(Fastify({ logger: false }).log, 1, { heapMb: 96, entry: new URL('./helpers/dying-worker.ts', import.meta.url) })
  const thread = () => (runner as unknown as { threads: Array<{ holds(b: string): boolean }> }).threads[0]!
  before(async () => {
    kb = await kbFrom()
  })
  after(() => runner.close())

  it('answers 503 KB_QUERY_FAILED, is never run again, and the restarted worker answers the next query', async () => {
    const app = await createApp({ kb, bodyLimit: 64 * 1024, queries: runner })
    try {
      assert.equal(await runner.load(kb.artifact.shared), true)
      const mainBefore = runner.answered.main
      const res = await app.inject({ method: 'GET', url: '/api/search', query: { q: KILL_QUERY } })
      assert.equal(res.statusCode, 503, res.body)
      assert.deepEqual(res.json(), {
        statusCode: 503,
        code: 'KB_QUERY_FAILED',
        error: 'Service Unavailable',
        message: 'The query stopped the worker answering it and was not retried; the worker is restarting. Send a simpler query.',
      })
      assert.equal(runner.answered.main, mainBefore, 'not run again on the main thread')
      await waitFor(async () => thread().holds(kb.artifact.header.buildId) || undefined, 20_000)
      const workerBefore = runner.answered.worker
      const ok = await app.inject({ method: 'GET', url: '/api/search', query: { q: 'siteminder' } })
      assert.equal(ok.statusCode, 200)
      assert.equal(runner.answered.worker, workerBefore + 1, 'answered by the restarted worker')
      assert.equal(runner.answered.main, mainBefore)
    } finally {
      await app.close()
    }
  })
})

describe('how many query workers', () => {
  it('one per core, at least one and at most four, unless configured', () => {
    assert.deepEqual(
      [1, 2, 3, 8, 64].map((cores) => queryWorkerCount(0, cores)),
      [1, 2, 3, 4, 4],
    )
    assert.equal(queryWorkerCount(3, 2), 3)
    assert.equal(loadConfig({ KB_QUERY_WORKERS: '2' }).KB_QUERY_WORKERS, 2)
    assert.throws(() => loadConfig({ KB_QUERY_WORKERS: '-1' }), /KB_QUERY_WORKERS/)
    // Each worker's heap limit: 0 (the default) is WORKER_HEAP_MB.
    assert.equal(loadConfig({}).KB_QUERY_WORKER_HEAP_MB, 0)
    assert.equal(loadConfig({ KB_QUERY_WORKER_HEAP_MB: '256' }).KB_QUERY_WORKER_HEAP_MB, 256)
  })
})
