import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import request from 'supertest'
import { createApp } from '../src/app.js'
import { appFor } from './helpers/kb.js'

let app: FastifyInstance
before(async () => {
  app = await appFor()
})
after(() => app.close())

/** Assert the one error shape, with its status, code and message. */
function assertError(res: request.Response, status: number, code: string, message: string | RegExp): void {
  assert.equal(res.status, status, JSON.stringify(res.body))
  assert.match(res.headers['content-type'] ?? '', /application\/json/)
  assert.equal(res.body.statusCode, status)
  assert.equal(res.body.code, code)
  if (typeof message === 'string') assert.equal(res.body.message, message)
  else assert.match(res.body.message, message)
}

describe('GET /api/search', () => {
  it('finds the IIS 6 article first for Connections_Refused', async () => {
    const res = await request(app.server).get('/api/search').query({ q: 'Connections_Refused' }).expect(200)
    assert.equal(res.body.results[0].id, 'iis6-connections-refused-nonpaged-pool')
    assert.equal(res.body.syntax, 'lunr')
    const hit = res.body.results[0]
    assert.deepEqual(Object.keys(hit).sort(), ['id', 'matchedTerms', 'products', 'score', 'snippet', 'tags', 'title'])
    assert.match(hit.snippet, /Connections_Refused/)
  })

  it('supports Lunr syntax: field scoping, required and prohibited terms', async () => {
    const scoped = await request(app.server).get('/api/search').query({ q: 'title:siteminder' }).expect(200)
    assert.ok(scoped.body.total >= 2)
    for (const r of scoped.body.results) assert.match(r.title, /SiteMinder/i)
    const without = await request(app.server).get('/api/search').query({ q: '+siteminder -llawp' }).expect(200)
    const withAll = await request(app.server).get('/api/search').query({ q: '+siteminder' }).expect(200)
    assert.ok(without.body.total < withAll.body.total, 'a prohibited term removes articles')
  })

  it('falls back to plain words for invalid syntax and says so, never a 500', async () => {
    for (const q of ['C:\\inetpub\\logs', 'title:', 'foo:bar:baz', '^^^', '~', 'error 0x80070005 ::', '+', '-', '*']) {
      const res = await request(app.server).get('/api/search').query({ q })
      assert.equal(res.status, 200, `${q}: ${JSON.stringify(res.body)}`)
      if (res.body.syntax === 'plain') assert.match(res.body.notice, /not valid search syntax/)
    }
    const res = await request(app.server).get('/api/search').query({ q: 'nonpaged:pool' }).expect(200)
    assert.equal(res.body.syntax, 'plain')
    assert.equal(res.body.results[0].id, 'iis6-connections-refused-nonpaged-pool')
  })

  it('pages and filters', async () => {
    const all = await request(app.server).get('/api/search').query({ q: 'iis', limit: 50 }).expect(200)
    const page = await request(app.server).get('/api/search').query({ q: 'iis', limit: 2, offset: 1 }).expect(200)
    assert.equal(page.body.total, all.body.total)
    assert.deepEqual(
      page.body.results.map((r: { id: string }) => r.id),
      all.body.results.slice(1, 3).map((r: { id: string }) => r.id),
    )
    const byTag = await request(app.server).get('/api/search').query({ q: 'connection', tag: 'SiteMinder' }).expect(200)
    assert.ok(byTag.body.total >= 1)
    for (const r of byTag.body.results) assert.ok(r.tags.map((t: string) => t.toLowerCase()).includes('siteminder'))
    const byProduct = await request(app.server).get('/api/search').query({ q: 'error', product: 'no such product' }).expect(200)
    assert.equal(byProduct.body.total, 0)
  })

  it('rejects bad input with a 400 that names the problem', async () => {
    assertError(await request(app.server).get('/api/search'), 400, 'KB_INVALID_REQUEST', "querystring must have required property 'q'")
    assertError(await request(app.server).get('/api/search?q='), 400, 'KB_INVALID_REQUEST', 'querystring/q must not be empty or white space only')
    assertError(await request(app.server).get('/api/search?q=%20%20'), 400, 'KB_INVALID_REQUEST', 'querystring/q must not be empty or white space only')
    assertError(await request(app.server).get('/api/search?q=x&limit=0'), 400, 'KB_INVALID_REQUEST', 'querystring/limit must be >= 1')
    assertError(await request(app.server).get('/api/search?q=x&limit=51'), 400, 'KB_INVALID_REQUEST', 'querystring/limit must be <= 50')
    assertError(await request(app.server).get('/api/search?q=x&limit=ten'), 400, 'KB_INVALID_REQUEST', 'querystring/limit must be integer')
    assertError(await request(app.server).get('/api/search?q=x&offset=-1'), 400, 'KB_INVALID_REQUEST', 'querystring/offset must be >= 0')
    assertError(
      await request(app.server).get(`/api/search?q=${'a'.repeat(1001)}`),
      400,
      'KB_INVALID_REQUEST',
      'querystring/q must NOT have more than 1000 characters',
    )
  })
})

describe('POST /api/match', () => {
  it('puts the SiteMinder article first for Sm_AgentApi_Init Failed, with the reason', async () => {
    const res = await request(app.server).post('/api/match').send({ text: 'Sm_AgentApi_Init Failed' }).expect(200)
    const top = res.body.results[0]
    assert.equal(top.id, 'siteminder-iis-agent-sm-agentapi-init-failed-stale-connections')
    assert.equal(res.body.noConfidentMatch, false)
    assert.ok(top.confidence > 0 && top.confidence <= 1)
    assert.ok(top.matchedErrorCodes.includes('sm_agentapi_init'))
    assert.match(top.matchedSymptoms[0].symptom, /Sm_AgentApi_Init Failed/)
    assert.equal(top.matchedSymptoms[0].line, 'Sm_AgentApi_Init Failed')
    assert.deepEqual(res.body.signals.errorCodes, ['sm_agentapi_init'])
  })

  it('honours limit and filters', async () => {
    const res = await request(app.server).post('/api/match').send({ text: 'HTTP Error 503. The service is unavailable.', limit: 2 }).expect(200)
    assert.ok(res.body.results.length <= 2)
    const filtered = await request(app.server).post('/api/match').send({ text: 'HTTP Error 503', product: 'no such product' }).expect(200)
    assert.deepEqual(filtered.body.results, [])
    assert.equal(filtered.body.noConfidentMatch, true)
  })

  it('rejects bad input with a 4xx JSON error naming the problem', async () => {
    const post = () => request(app.server).post('/api/match')
    assertError(await post().send({}), 400, 'KB_INVALID_REQUEST', "body must have required property 'text'")
    assertError(await post().send({ text: '' }), 400, 'KB_INVALID_REQUEST', 'body/text must not be empty or white space only')
    assertError(await post().send({ text: ' \n\t ' }), 400, 'KB_INVALID_REQUEST', 'body/text must not be empty or white space only')
    assertError(await post().send({ text: 5 }), 400, 'KB_INVALID_REQUEST', 'body/text must be string')
    assertError(await post().send({ text: 'x', limit: 0 }), 400, 'KB_INVALID_REQUEST', 'body/limit must be >= 1')
    assertError(await post().send({ text: 'x', limit: 21 }), 400, 'KB_INVALID_REQUEST', 'body/limit must be <= 20')
    assertError(await post().send({ text: 'x', limit: '3' }), 400, 'KB_INVALID_REQUEST', 'body/limit must be integer')
    assertError(await post().send({ text: 'x', colour: 'red' }), 400, 'KB_INVALID_REQUEST', 'body has an unknown field "colour"')
    assertError(await post().send([1, 2]), 400, 'KB_INVALID_REQUEST', 'body must be object')
    assertError(await post().set('content-type', 'application/json').send('{"text": '), 400, 'KB_INVALID_JSON', /not valid JSON/)
    assertError(await post().set('content-type', 'application/json').send(''), 400, 'KB_INVALID_JSON', /empty/)
    assertError(
      await post().set('content-type', 'text/plain').send('Sm_AgentApi_Init'),
      415,
      'KB_UNSUPPORTED_MEDIA_TYPE',
      /Unsupported content type "text\/plain"/,
    )
    assertError(
      await post().send({ text: 'x'.repeat(70 * 1024) }),
      413,
      'KB_BODY_TOO_LARGE',
      'Request body is larger than the limit of 65536 bytes; send a shorter excerpt around the error',
    )
  })
})

describe('GET /api/articles', () => {
  it('lists with paging and filters', async () => {
    const res = await request(app.server).get('/api/articles').query({ limit: 100 }).expect(200)
    assert.equal(res.body.total, res.body.results.length)
    assert.ok(res.body.total >= 12)
    const ids = res.body.results.map((r: { id: string }) => r.id)
    assert.deepEqual(ids, [...ids].sort(), 'listed in id order')
    const page = await request(app.server).get('/api/articles').query({ limit: 3, offset: 2 }).expect(200)
    assert.deepEqual(
      page.body.results.map((r: { id: string }) => r.id),
      ids.slice(2, 5),
    )
    const tagged = await request(app.server).get('/api/articles').query({ tag: 'siteminder' }).expect(200)
    assert.ok(tagged.body.total >= 2 && tagged.body.total < res.body.total)
    assertError(await request(app.server).get('/api/articles?limit=101'), 400, 'KB_INVALID_REQUEST', 'querystring/limit must be <= 100')
  })

  it('returns one article with Markdown and sanitized HTML', async () => {
    const res = await request(app.server).get('/api/articles/iis6-connections-refused-nonpaged-pool').expect(200)
    const a = res.body
    assert.equal(a.id, 'iis6-connections-refused-nonpaged-pool')
    assert.ok(a.symptoms.length > 0 && a.environment.length > 0)
    for (const f of ['cause', 'resolution', 'body']) {
      assert.equal(typeof a[f].markdown, 'string')
      assert.equal(typeof a[f].html, 'string')
    }
    assert.match(a.resolution.html, /<(ol|ul|p)>/)
    assert.equal(a.source, undefined, 'internal fields are not served')
  })

  it('answers an unknown id with a 404 JSON error', async () => {
    assertError(await request(app.server).get('/api/articles/no-such-article'), 404, 'KB_ARTICLE_NOT_FOUND', 'No article with id "no-such-article"')
  })
})

describe('health, OpenAPI and unknown routes', () => {
  it('reports liveness and readiness with the build id', async () => {
    const h = await request(app.server).get('/healthz').expect(200)
    assert.equal(h.body.status, 'ok')
    assert.equal(h.body.ready, true)
    assert.match(h.body.buildId, /^[0-9a-f]{16}$/)
    await request(app.server).get('/readyz').expect(200)
  })

  it('is not ready, and says so, without an index or while draining', async () => {
    const empty = await createApp({ bodyLimit: 1024 })
    try {
      const r = await request(empty.server).get('/readyz').expect(503)
      assert.equal(r.body.ready, false)
      assertError(await request(empty.server).get('/api/search?q=x'), 503, 'KB_NOT_READY', 'The index is not loaded yet')
    } finally {
      await empty.close()
    }
    app.setDraining(true)
    await request(app.server).get('/readyz').expect(503)
    app.setDraining(false)
    await request(app.server).get('/readyz').expect(200)
  })

  it('serves an OpenAPI document generated from the route schemas', async () => {
    const res = await request(app.server).get('/openapi.json').expect(200)
    assert.equal(res.body.openapi, '3.1.0')
    for (const p of ['/api/search', '/api/match', '/api/articles', '/api/articles/{id}', '/healthz', '/readyz']) assert.ok(res.body.paths[p], p)
    const match = res.body.paths['/api/match'].post
    assert.ok(match.requestBody.content['application/json'].schema.properties.text)
    assert.ok(match.responses['200'].content['application/json'].schema.properties.noConfidentMatch)
  })

  it('answers unknown routes with a JSON 404', async () => {
    assertError(await request(app.server).get('/nope?x=1'), 404, 'KB_ROUTE_NOT_FOUND', 'No route for GET /nope')
  })
})
