import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import request from 'supertest'
import { createApp } from '../src/app.js'
import type { KnowledgeBase } from '../src/runtime/kb.js'
import type { Answer } from '../src/runtime/query/answers.js'
import { SearchCache, searchKey } from '../src/runtime/query/cache.js'
import type { SearchParams } from '../src/core/search/search.js'
import { kbFrom } from './helpers/kb.js'

/** The cache's counts as /metrics reports them. */
async function cacheCounts(app: FastifyInstance): Promise<Record<string, number>> {
  const text = (await request(app.server).get('/metrics').expect(200)).text
  const out: Record<string, number> = {}
  for (const m of text.matchAll(/^kb_search_cache_total\{result="(\w+)"\} (\d+)$/gm)) out[m[1]!] = Number(m[2])
  return out
}

/** An answer's body without its queryId, which is new for every request (kept answers too). */
const answer = (text: string): string => text.replace(/^\{"queryId":"[0-9a-f-]{36}",/, '{')

describe('search answers kept by build and query', () => {
  let kbA: KnowledgeBase
  let kbB: KnowledgeBase
  let app: FastifyInstance
  let uncached: FastifyInstance
  before(async () => {
    kbA = await kbFrom()
    kbB = await kbFrom('test/fixtures/other-kb')
    app = await createApp({ kb: kbA, bodyLimit: 64 * 1024, searchCacheBytes: 1 << 20 })
    uncached = await createApp({ kb: kbA, bodyLimit: 64 * 1024 })
  })
  after(async () => {
    await app.close()
    await uncached.close()
  })

  it('answers a repeated search from the cache with the same body, and Cache-Control: no-cache runs it again', async () => {
    const q = { q: 'connection refused', limit: 5 }
    const first = await request(app.server).get('/api/search').query(q).expect(200)
    const again = await request(app.server).get('/api/search').query(q).expect(200)
    const fresh = await request(app.server).get('/api/search').query(q).set('cache-control', 'max-age=0, no-cache').expect(200)
    const direct = await request(uncached.server).get('/api/search').query(q).expect(200)
    assert.deepEqual([first.headers['x-kb-cache'], again.headers['x-kb-cache'], fresh.headers['x-kb-cache']], ['miss', 'hit', 'bypass'])
    assert.ok(JSON.parse(direct.text).results.length > 0)
    for (const r of [first, again, fresh]) {
      assert.equal(answer(r.text), answer(direct.text))
      assert.match(r.headers['content-type']!, /^application\/json/)
      assert.equal(r.headers['x-kb-build'], kbA.artifact.header.buildId)
    }
    assert.deepEqual(await cacheCounts(app), { hit: 1, miss: 1, bypass: 1 })
  })

  it('keys answers by every parameter that changes them, and by build: a swapped index is never answered from the old one', async () => {
    const page1 = await request(app.server).get('/api/search').query({ q: 'error', limit: 2 }).expect(200)
    const page2 = await request(app.server).get('/api/search').query({ q: 'error', limit: 2, offset: 2 }).expect(200)
    assert.equal(page2.headers['x-kb-cache'], 'miss')
    assert.notEqual(answer(page1.text), answer(page2.text))
    // Filters compare case-insensitively, so they share a key.
    await request(app.server).get('/api/search').query({ q: 'error', product: 'IIS' }).expect(200)
    const lower = await request(app.server).get('/api/search').query({ q: 'error', product: 'iis' }).expect(200)
    assert.equal(lower.headers['x-kb-cache'], 'hit')

    const q = { q: 'siteminder agent', limit: 3 }
    const onA = await request(app.server).get('/api/search').query(q).expect(200)
    app.swapKb(kbB)
    try {
      const onB = await request(app.server).get('/api/search').query(q).expect(200)
      assert.equal(onB.headers['x-kb-cache'], 'miss')
      assert.equal(onB.headers['x-kb-build'], kbB.artifact.header.buildId)
      uncached.swapKb(kbB)
      assert.equal(answer(onB.text), answer((await request(uncached.server).get('/api/search').query(q).expect(200)).text))
      assert.notEqual(answer(onB.text), answer(onA.text))
    } finally {
      app.swapKb(kbA)
      uncached.swapKb(kbA)
    }
    assert.equal((await request(app.server).get('/api/search').query(q).expect(200)).headers['x-kb-cache'], 'hit')
  })

  it('runs a search once for identical requests arriving together', async () => {
    const cache = new SearchCache(1 << 20)
    let runs = 0
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const run = async (): Promise<Answer> => {
      runs++
      await gate
      return { json: '{"total":0}', resultIds: [], partial: false }
    }
    const params: SearchParams = { q: 'x', limit: 10, offset: 0 }
    const all = Promise.all(Array.from({ length: 5 }, () => cache.answer(kbA, params, false, run)))
    release()
    const answers = await all
    assert.equal(runs, 1)
    assert.deepEqual(
      answers.map((a) => a.outcome),
      ['miss', 'hit', 'hit', 'hit', 'hit'],
    )
    // A search that fails is not kept: the next one runs again.
    await assert.rejects(
      cache.answer(kbA, { ...params, q: 'y' }, false, () => Promise.reject(new Error('boom'))),
      /boom/,
    )
    assert.equal((await cache.answer(kbA, { ...params, q: 'y' }, false, run)).outcome, 'miss')
  })

  it('stays within its size bound, dropping the least recently used answers', async () => {
    const cache = new SearchCache(64 * 1024)
    const big = (): Promise<Answer> => Promise.resolve({ json: 'x'.repeat(4000), resultIds: [], partial: false })
    for (let i = 0; i < 100; i++) await cache.answer(kbA, { q: `q${i}`, limit: 10, offset: 0 }, false, big)
    assert.ok(cache.size.bytes <= 64 * 1024, `${cache.size.bytes} bytes kept`)
    assert.ok(cache.size.entries >= 6 && cache.size.entries < 10, `${cache.size.entries} entries kept`)
    assert.equal((await cache.answer(kbA, { q: 'q99', limit: 10, offset: 0 }, false, big)).outcome, 'hit')
    assert.equal((await cache.answer(kbA, { q: 'q0', limit: 10, offset: 0 }, false, big)).outcome, 'miss')
    // Off: every search runs.
    const off = new SearchCache(0)
    for (let i = 0; i < 2; i++) assert.equal((await off.answer(kbA, { q: 'a', limit: 10, offset: 0 }, false, big)).outcome, 'miss')
    assert.deepEqual(off.size, { entries: 0, bytes: 0 })
  })

  it('tells apart keys whose parts would run together', () => {
    const p = { q: 'a', limit: 10, offset: 0 }
    assert.notEqual(searchKey('b1', { ...p, product: 'x', tag: '' }), searchKey('b1', { ...p, product: '', tag: 'x' }))
    assert.notEqual(searchKey('b1', { ...p, q: 'a"' }), searchKey('b1', { ...p, q: 'a', product: '"' }))
    assert.equal(searchKey('b1', { ...p, product: ' IIS ' }), searchKey('b1', { ...p, product: 'iis' }))
  })
})
