import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import Fastify from 'fastify'
import type { KnowledgeBase } from '../src/kb.js'
import { InThreadRunner } from '../src/query/runner.js'
import { WorkerRunner } from '../src/query/worker-runner.js'
import { kbFrom } from './helpers/kb.js'

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
    assert.equal(await worker.load(kb), true)
    assert.deepEqual(await worker.search(kb, search), await local.search(kb, search))
    assert.deepEqual(await worker.search(kb, search), before)
    assert.deepEqual(await worker.match(kb, paste, 2000), await local.match(kb, paste, 2000))
    assert.deepEqual(worker.answered, { worker: 3, main: 1 })
  })

  it('answers a build it no longer holds on the main thread', async () => {
    const other = await kbFrom('test/fixtures/other-kb')
    const stale: KnowledgeBase = { ...kb, artifact: { ...kb.artifact, header: { ...kb.artifact.header, buildId: 'not-loaded' } } }
    assert.equal(await worker.load(other), true)
    const mainBefore = worker.answered.main
    const r = await worker.search(stale, { q: 'siteminder', limit: 3, offset: 0 })
    assert.equal(worker.answered.main, mainBefore + 1)
    assert.deepEqual(r, await local.search(stale, { q: 'siteminder', limit: 3, offset: 0 }))
    assert.ok(r.results.length > 0)
  })

  it('keeps answering after the worker dies', async () => {
    await (worker as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate()
    const r = await worker.match(kb, { text: 'Sm_AgentApi_Init Failed', limit: 3 }, 2000)
    assert.equal(r.results[0]?.id, 'siteminder-iis-agent-sm-agentapi-init-failed-stale-connections')
  })
})
