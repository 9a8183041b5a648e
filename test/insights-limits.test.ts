/**
 * Insights under hostile or heavy use: windows out of range, verdicts and opens repeated, forged or
 * on articles never shown, rows standing for many questions, concurrent reads (one at a time, a few
 * waiting, answers kept a while), and the HTTP errors around them (a bare CORS OPTIONS, a path over
 * the router's limit) and the admin token's configuration. Every case goes through real requests
 * on PGlite, as test/insights.test.ts does.
 */
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { rm } from 'node:fs/promises'
import { after, before, describe, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import request from 'supertest'
import { createApp } from '../src/app.js'
import type { Gap } from '../src/core/insights/gaps.js'
import { loadConfig } from '../src/config.js'
import { INSIGHTS_CACHE_MS, InsightsReads, keepMs } from '../src/http/routes/insights.js'
import type { EventDb } from '../src/runtime/events/db.js'
import { readSearchFigures } from '../src/runtime/events/insights.js'
import { EventStore } from '../src/runtime/events/store.js'
import { kbFrom } from './helpers/kb.js'
import { tempDir } from './helpers/temp.js'

const TOKEN = 'test-admin-token-0123456789'
const auth = { authorization: `Bearer ${TOKEN}` }
const IIS6 = 'iis6-connections-refused-nonpaged-pool'
const PORTAL = 'https://portal.example.com'

/** A PGlite store in memory that writes only when flushed, and an app on it. */
async function appOnStore(): Promise<{ app: FastifyInstance; store: EventStore; close: () => Promise<void> }> {
  const store = new EventStore({ dataDir: 'memory://', replica: 'test', retentionDays: 90, flushMs: 60_000 })
  await store.ready
  const app = await createApp({ kb: await kbFrom(), bodyLimit: 64 * 1024, events: store, adminToken: TOKEN, corsOrigins: [PORTAL] })
  return {
    app,
    store,
    close: async () => {
      await app.close()
      await store.close()
    },
  }
}

type Figures = Record<string, number | null> & { id: string }
const figuresOf = async (app: FastifyInstance, since: string): Promise<Map<string, Figures>> => {
  const res = await request(app.server).get('/api/insights/articles').query({ since }).set(auth).expect(200)
  return new Map((res.body.articles as Figures[]).map((a) => [a.id, a]))
}
const gapsOf = async (app: FastifyInstance, since: string) => (await request(app.server).get('/api/insights/gaps').query({ since }).set(auth).expect(200)).body

describe('insights windows out of range are a 400, never a 503', () => {
  let env: Awaited<ReturnType<typeof appOnStore>>
  before(async () => (env = await appOnStore()))
  after(() => env.close())

  it('refuses a since before ten years ago or after now, and moments PostgreSQL cannot store, naming the range', async () => {
    const range = 'at most ten years (3650d) before now, and not after now'
    for (const since of ['0000-01-01', '0000-01-01T00:00:00+01:00', '9999-12-31T23:59:59-23:59', '1970-01-01', '3651d', '999999w', '2999-01-01']) {
      for (const path of ['/api/insights/gaps', '/api/insights/articles', '/api/insights/searches', '/api/insights/gaps/0123456789abcdef/draft']) {
        const res = await request(env.app.server).get(path).query({ since }).set(auth).expect(400)
        assert.deepEqual(res.body, {
          statusCode: 400,
          code: 'KB_INVALID_REQUEST',
          error: 'Bad Request',
          message: `querystring/since must be ${range}, got "${since}"`,
        })
      }
    }
    // A date-time that does not exist is refused in every form, not rolled over.
    for (const since of ['2026-02-30T08:00:00Z', '2026-11-01T24:00:00Z', '2026-11-01T08:00:00+24:00']) {
      const res = await request(env.app.server).get('/api/insights/searches').query({ since }).set(auth).expect(400)
      assert.match(res.body.message, /^querystring\/since must be a date \(2026-11-01\)/)
    }
    const now = new Date()
    const res = await request(env.app.server).get('/api/insights/searches').query({ since: '3650d' }).set(auth).expect(200)
    assert.ok(Math.abs(Date.parse(res.body.window.since) - (now.getTime() - 3650 * 86_400_000)) < 60_000)
  })

  it('deletes before any moment from 1970 to 9999, a future one included (everything written so far)', async () => {
    for (const before of ['0000-01-01', '9999-12-31T23:59:59-23:59', '1969-12-31T23:59:59Z', '999999w']) {
      const res = await request(env.app.server).delete('/api/insights/events').query({ before }).set(auth).expect(400)
      assert.equal(res.body.message, `querystring/before must be from 1970-01-01 to 9999-12-31 (UTC), got "${before}"`)
    }
    await request(env.app.server).get('/api/search').query({ q: 'nonpaged pool' }).expect(200)
    await env.store.flush()
    const all = await request(env.app.server).delete('/api/insights/events').query({ before: '9999-12-31' }).set(auth).expect(200)
    assert.deepEqual(all.body, { before: '9999-12-31T00:00:00.000Z', deleted: 1 })
    const old = await request(env.app.server).delete('/api/insights/events').query({ before: '1970-01-01' }).set(auth).expect(200)
    assert.equal(old.body.deleted, 0)
  })
})

describe('insights count each answer once, and only answers on record', () => {
  let env: Awaited<ReturnType<typeof appOnStore>>
  before(async () => (env = await appOnStore()))
  after(() => env.close())
  const post = (path: string, body: object) => request(env.app.server).post(path).send(body).expect(202)

  it('counts repeated verdicts and opens of one answer once, the latest verdict winning; CTR at most 1', async () => {
    const s = await request(env.app.server).get('/api/search').query({ q: 'connections refused nonpaged pool' }).expect(200)
    assert.equal(s.body.results[0].id, IIS6)
    for (let i = 0; i < 5; i++) {
      await post('/api/feedback', { queryId: s.body.queryId, articleId: IIS6, verdict: 'not-related' })
      await post('/api/events/open', { queryId: s.body.queryId, articleId: IIS6, position: 1 })
    }
    // A link followed outside any answer: counted as it is, but not in the CTR.
    await post('/api/events/open', { articleId: IIS6 })
    await env.store.flush()
    const first = (await figuresOf(env.app, '1d')).get(IIS6)!
    assert.deepEqual(
      { impressions: first.impressions, opens: first.opens, ctr: first.ctr, notRelated: first.notRelated, solved: first.solved },
      { impressions: 1, opens: 2, ctr: 1, notRelated: 1, solved: 0 },
    )
    await post('/api/feedback', { queryId: s.body.queryId, articleId: IIS6, verdict: 'solved' })
    await env.store.flush()
    const latest = (await figuresOf(env.app, '2d')).get(IIS6)!
    assert.deepEqual({ notRelated: latest.notRelated, solved: latest.solved, helpfulRatio: latest.helpfulRatio }, { notRelated: 0, solved: 1, helpfulRatio: 1 })
  })

  it('ignores verdicts and opens on articles the answer did not show, or with a queryId of no question', async () => {
    const s = await request(env.app.server).get('/api/search').query({ q: 'HTTP Error 503 service unavailable' }).expect(200)
    const shown = new Set((s.body.results as Array<{ id: string }>).map((r) => r.id))
    const notShown = (await kbFrom()).artifact.articles.map((a) => a.id).find((id) => !shown.has(id))!
    await post('/api/feedback', { queryId: s.body.queryId, articleId: notShown, verdict: 'not-related' })
    await post('/api/events/open', { queryId: s.body.queryId, articleId: notShown, position: 1 })
    for (let i = 0; i < 3; i++) await post('/api/feedback', { queryId: `aaaaaaaa-bbbb-4ccc-8ddd-00000000000${i}`, articleId: notShown, verdict: 'not-related' })
    await env.store.flush()
    const f = (await figuresOf(env.app, '3d')).get(notShown)!
    assert.deepEqual({ notRelated: f.notRelated, opens: f.opens, oftenRejected: f.oftenRejected }, { notRelated: 0, opens: 0, oftenRejected: false })
  })

  it('keeps a gap that a stray "solved" on an article never shown would have removed', async () => {
    const m = await request(env.app.server).post('/api/match').send({ text: 'zzqx quantum flux capacitor overheated code 998877' }).expect(200)
    assert.equal(m.body.noConfidentMatch, true)
    const shown = new Set((m.body.results as Array<{ id: string }>).map((r) => r.id))
    const notShown = (await kbFrom()).artifact.articles.map((a) => a.id).find((id) => !shown.has(id))!
    await post('/api/feedback', { queryId: m.body.queryId, articleId: notShown, verdict: 'solved' })
    await env.store.flush()
    const { gaps } = (await gapsOf(env.app, '4d')) as { gaps: Gap[] }
    assert.ok(
      gaps.some((g) => g.template.includes('quantum flux')),
      JSON.stringify(gaps.map((g) => g.template)),
    )
  })

  it("caps a row's rejections at its count: sibling queryIds forged from one answer count once", async () => {
    const m = await request(env.app.server).post('/api/match').send({ text: 'HTTP Error 503. The service is unavailable.' }).expect(200)
    const articleId = m.body.results[0].id as string
    const row = (m.body.queryId as string).slice(0, 24)
    for (let i = 0; i < 10; i++) await post('/api/feedback', { queryId: row + i.toString(16).padStart(12, '0'), articleId, verdict: 'not-related' })
    await env.store.flush()
    const gap = ((await gapsOf(env.app, '5d')).gaps as Gap[]).find((g) => g.template.startsWith('HTTP Error 503'))!
    assert.deepEqual({ count: gap.count, rejected: gap.rejected }, { count: 1, rejected: 1 })
    assert.equal((await figuresOf(env.app, '5d')).get(articleId)!.notRelated, 1)
  })
})

describe('gaps count questions with their rows’ counts', () => {
  let env: Awaited<ReturnType<typeof appOnStore>>
  before(async () => (env = await appOnStore()))
  after(() => env.close())

  it('reports 40 questions for a row of 40, and counts questions stored empty in the overflow', async () => {
    for (let i = 0; i < 40; i++) await request(env.app.server).get('/api/search').query({ q: 'zzqx flux capacitor' }).expect(200)
    // Stored empty: a timestamp is all there is, and timestamps are normalized away; no result, so a gap question.
    for (let i = 0; i < 2; i++) await request(env.app.server).post('/api/match').send({ text: '2026-11-01 08:00:00' }).expect(200)
    await env.store.flush()
    const rows = await env.store.database()!.query<{ text: string; n: number }>('SELECT text, n FROM kb_queries ORDER BY text')
    assert.deepEqual(rows.rows, [
      { text: '', n: 2 },
      { text: 'zzqx flux capacitor', n: 40 },
    ])
    const body = await gapsOf(env.app, '30d')
    assert.deepEqual(
      { questions: body.questions, overflow: body.overflow, total: body.total, count: body.gaps[0].count },
      { questions: 42, overflow: 2, total: 1, count: 40 },
    )
  })
})

describe('insights reads: one at a time, a few waiting, answers kept a while', () => {
  let env: Awaited<ReturnType<typeof appOnStore>>
  let release: () => void = () => undefined
  let hold: Promise<void> | undefined
  let statements = 0
  before(async () => {
    env = await appOnStore()
    const db = env.store.database()!
    // The events database as the routes see it, counting statements and holding them while asked to.
    const held: EventDb = {
      ...db,
      query: async (sql, params) => {
        statements++
        await hold
        return db.query(sql, params)
      },
    }
    env.store.database = () => held
  })
  after(() => env.close())
  const searches = (since: string) => env.app.inject({ method: 'GET', url: `/api/insights/searches?since=${since}`, headers: auth })

  it('answers 503 KB_INSIGHTS_BUSY with Retry-After past the reads waiting, then serves them all', async () => {
    hold = new Promise<void>((resolve) => (release = resolve))
    const running = searches('1d')
    while (statements === 0) await new Promise((resolve) => setTimeout(resolve, 5))
    const waiting = ['2d', '3d', '4d'].map((since) => searches(since))
    await new Promise((resolve) => setTimeout(resolve, 200))
    const refused = await searches('5d')
    assert.equal(refused.statusCode, 503)
    assert.match(refused.headers['content-type'] as string, /^application\/json/)
    assert.match(refused.headers['retry-after'] as string, /^[1-9]\d*$/)
    const body = refused.json()
    assert.equal(body.code, 'KB_INSIGHTS_BUSY')
    assert.equal(
      body.message,
      `Insights are busy: this server reads them one at a time and others are already waiting; retry in ${refused.headers['retry-after']} s`,
    )
    assert.equal(statements, 1, 'one read at a time: the others have not reached the database')
    hold = undefined
    release()
    for (const res of await Promise.all([running, ...waiting])) assert.equal(res.statusCode, 200, res.body)
  })

  it('reuses an answer for the same route and window while it is fresh, until events are deleted', async () => {
    // A read held 300 ms is kept ten times as long: 3 s.
    hold = new Promise<void>((resolve) => setTimeout(resolve, 300))
    const start = statements
    await searches('6d')
    hold = undefined
    const read = statements
    assert.ok(read > start)
    const [a, b] = await Promise.all([searches('6d'), env.app.inject({ method: 'GET', url: '/api/insights/gaps?since=6d', headers: auth })])
    assert.equal(statements - read, 1, 'the searches answer is reused; the gaps of the same window are another read')
    assert.deepEqual([a.statusCode, b.statusCode], [200, 200])
    await env.app.inject({ method: 'DELETE', url: '/api/insights/events?before=1970-01-02', headers: auth })
    const deleted = statements
    await searches('6d')
    assert.ok(statements > deleted, 'read again after a DELETE')
  })

  it('keeps an answer ten times as long as it took to read, from 1 s to 30 s, and a bounded number of them', async () => {
    let now = 0
    let reads = 0
    const cache = new InsightsReads({ waiting: 1, cacheMs: INSIGHTS_CACHE_MS, entries: 2, busy: () => new Error('busy'), clock: () => now })
    const read = (ms: number) => async () => {
      now += ms
      return ++reads
    }
    assert.equal(await cache.get('a', read(20)), 1)
    now += 999
    assert.equal(await cache.get('a', read(20)), 1, 'a read of 20 ms is kept 1 s')
    now += 1
    assert.equal(await cache.get('a', read(2000)), 2)
    now += 19_999
    assert.equal(await cache.get('a', read(20)), 2, 'a read of 2 s is kept 20 s')
    assert.equal(keepMs(60_000, INSIGHTS_CACHE_MS), 30_000)
    await cache.get('b', read(20))
    await cache.get('c', read(20))
    assert.equal(await cache.get('a', read(20)), 5, 'the oldest of three was dropped')
  })
})

describe('HTTP errors around the insights keep the JSON shape', () => {
  let env: Awaited<ReturnType<typeof appOnStore>>
  before(async () => (env = await appOnStore()))
  after(() => env.close())

  it('answers an OPTIONS without Access-Control-Request-Method like any OPTIONS: a JSON 404, whatever the origin', async () => {
    for (const origin of [PORTAL, 'https://elsewhere.example.com']) {
      const res = await request(env.app.server).options('/api/feedback').set('origin', origin).expect(404)
      assert.match(res.headers['content-type']!, /^application\/json/)
      assert.deepEqual(res.body, { statusCode: 404, code: 'KB_ROUTE_NOT_FOUND', error: 'Not Found', message: 'No route for OPTIONS /api/feedback' })
    }
    // A real preflight is still answered.
    const ok = await request(env.app.server).options('/api/feedback').set({ origin: PORTAL, 'access-control-request-method': 'POST' }).expect(204)
    assert.equal(ok.headers['access-control-allow-origin'], PORTAL)
  })

  it('answers a path segment over the limit 414 KB_URL_TOO_LONG, without the URL', async () => {
    for (const path of [`/api/insights/gaps/${'1'.repeat(10_000)}/draft`, `/api/articles/${'a'.repeat(101)}`]) {
      const res = await request(env.app.server).get(path).set(auth).expect(414)
      assert.deepEqual(res.body, {
        statusCode: 414,
        code: 'KB_URL_TOO_LONG',
        error: 'URI Too Long',
        message: 'A segment of the URL path is over 100 characters, the longest id; the URL is not repeated here',
      })
    }
  })
})

describe('KB_ADMIN_TOKEN', () => {
  it('drops surrounding whitespace, as a secrets file ends with a newline', () => {
    assert.equal(loadConfig({ KB_ADMIN_TOKEN: '  s3cret-token-0123456789\n' }).KB_ADMIN_TOKEN, 's3cret-token-0123456789')
    assert.equal(loadConfig({}).KB_ADMIN_TOKEN, '')
  })

  it('refuses at start a token that could never match or is short, without showing it', () => {
    const cases: Array<[string, string]> = [
      ['s3cret token 0123456789', 'must be printable ASCII with no space inside: it is sent as Authorization: Bearer <token>'],
      ['s3cret\ttoken\u00e90123456789', 'must be printable ASCII with no space inside: it is sent as Authorization: Bearer <token>'],
      ['short-token', 'must be at least 16 characters, it has 11; make one with openssl rand -hex 32'],
      ['\n', 'is blank: set a secret of at least 16 characters, or leave it unset to turn insights off'],
    ]
    for (const [value, message] of cases) {
      assert.throws(
        () => loadConfig({ KB_ADMIN_TOKEN: value }),
        { name: 'ConfigError', message: `Invalid configuration: KB_ADMIN_TOKEN ${message} (the value is not shown: it is a secret)` },
        JSON.stringify(value),
      )
    }
  })
})

describe('a verdict counts the questions it answers, however the writer grouped them', () => {
  /** Ask `text` ten times, written as one row of 10 (`grouped`) or as ten rows; then one verdict on one answer. */
  const askTenThenJudge = async (text: string, grouped: boolean, verdict: 'solved' | 'not-related') => {
    const env = await appOnStore()
    try {
      const answers = []
      for (let i = 0; i < 10; i++) {
        answers.push((await request(env.app.server).post('/api/match').send({ text }).expect(200)).body)
        if (!grouped) await env.store.flush()
      }
      await env.store.flush()
      const rows = await env.store.database()!.query<{ n: number }>('SELECT n FROM kb_queries')
      assert.deepEqual(
        rows.rows.map((r) => r.n),
        grouped ? [10] : Array<number>(10).fill(1),
      )
      await request(env.app.server).post('/api/feedback').send({ queryId: answers[3].queryId, articleId: answers[3].results[0].id, verdict }).expect(202)
      await env.store.flush()
      return { noConfidentMatch: answers[0].noConfidentMatch as boolean, gaps: (await gapsOf(env.app, '1d')).gaps as Gap[] }
    } finally {
      await env.close()
    }
  }

  it('a confident answer rejected once is one gap question, not the row of ten', async () => {
    for (const grouped of [true, false]) {
      const { noConfidentMatch, gaps } = await askTenThenJudge('Sm_AgentApi_Init Failed', grouped, 'not-related')
      assert.equal(noConfidentMatch, false)
      assert.deepEqual(
        gaps.map((g) => ({ count: g.count, rejected: g.rejected })),
        [{ count: 1, rejected: 1 }],
        `grouped: ${grouped}`,
      )
    }
  })

  it('an unanswered question solved once leaves nine, not none', async () => {
    for (const grouped of [true, false]) {
      const { noConfidentMatch, gaps } = await askTenThenJudge('zzqx quantum flux capacitor overheated code 998877 in HTTP.SYS', grouped, 'solved')
      assert.equal(noConfidentMatch, true)
      assert.deepEqual(
        gaps.map((g) => ({ count: g.count, rejected: g.rejected })),
        [{ count: 9, rejected: 0 }],
        `grouped: ${grouped}`,
      )
    }
  })
})

describe('article figures the client cannot skew', () => {
  let env: Awaited<ReturnType<typeof appOnStore>>
  before(async () => (env = await appOnStore()))
  after(() => env.close())
  const post = (path: string, body: object) => request(env.app.server).post(path).send(body).expect(202)

  it('takes an answer’s open position from where the answer showed the article, not from the client', async () => {
    const s = await request(env.app.server).get('/api/search').query({ q: 'connections refused nonpaged pool' }).expect(200)
    const second = s.body.results[1].id as string
    await post('/api/events/open', { queryId: s.body.queryId, articleId: second, position: 2 })
    for (let i = 0; i < 9; i++) await post('/api/events/open', { queryId: s.body.queryId, articleId: second, position: 1000 })
    await env.store.flush()
    const f = (await figuresOf(env.app, '1d')).get(second)!
    assert.deepEqual({ opens: f.opens, meanPosition: f.meanPosition }, { opens: 1, meanPosition: 2 })
  })

  it('counts each ticket once however often it is posted; redacted references each count', async () => {
    for (const ticket of ['INC-20931', 'INC-20931', 'INC-20931', 'INC-20932', 'mail from ops@example.com', 'mail from dev@example.com']) {
      await post(`/api/articles/${IIS6}/uses`, { ticket })
    }
    await env.store.flush()
    assert.equal((await figuresOf(env.app, '2d')).get(IIS6)!.uses, 4) // 2d: the 1d answer is kept a while
  })
})

describe('the searches series with a replica whose clock runs ahead', () => {
  it('counts rows stamped after the reader’s now in the total and the series, up to tomorrow', async () => {
    const store = new EventStore({ dataDir: 'memory://', replica: 'test', retentionDays: 90, flushMs: 60_000 })
    await store.ready
    try {
      const db = store.database()!
      const insert = (at: string, n: number) =>
        db.query(
          `INSERT INTO kb_queries (id, at, last_at, kind, text, result_ids, no_confident_match, partial, build_id, replica, n)
           VALUES (gen_random_uuid(), $1, $1, 'search', 'iis reset', '{}', true, false, 'b', 'r', $2)`,
          [at, n],
        )
      await insert('2026-11-30T12:00:00Z', 5)
      await insert('2026-12-01T00:00:10Z', 5) // the other replica, 40 s ahead
      await insert('2027-06-01T00:00:00Z', 1) // a clock months ahead: in the total, not a series of months
      const read = await readSearchFigures(db, new Date('2026-11-29T00:00:00Z'), new Date('2026-11-30T23:59:30Z'))
      assert.equal(read.total, 11)
      assert.equal(read.top[0]!.count, 11)
      assert.deepEqual(
        read.daily.map((d) => [d.day, d.questions]),
        [
          ['2026-11-30', 5],
          ['2026-12-01', 5],
        ],
      )
    } finally {
      await store.close()
    }
  })
})

describe('the events database failing under the insights', () => {
  it('answers 503 with its own words, the database’s only in the log', async () => {
    const env = await appOnStore()
    try {
      await env.store.database()!.close()
      const res = await request(env.app.server).get('/api/insights/searches').set(auth).expect(503)
      assert.deepEqual(
        { code: res.body.code, message: res.body.message },
        { code: 'KB_EVENTS_UNAVAILABLE', message: "The events database cannot be read now (a read failed; the server's log says why); try again shortly" },
      )
    } finally {
      await env.close()
    }
  })

  it('keeps recording when the retention run at start fails, and says so once in the log', async () => {
    const dataDir = await tempDir('kb-retention-')
    try {
      const first = new EventStore({ dataDir, replica: 'test', retentionDays: 90, flushMs: 60_000 })
      await first.ready
      // A real failure of the DELETE, from the database itself: a trigger that refuses it.
      const db = first.database()!
      await db.query(`CREATE FUNCTION kb_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'deletes refused by test'; END $$`)
      await db.query('CREATE TRIGGER kb_refuse BEFORE DELETE ON kb_queries FOR EACH ROW EXECUTE FUNCTION kb_refuse()')
      await db.query(
        `INSERT INTO kb_queries (id, at, last_at, kind, text, result_ids, no_confident_match, partial, build_id, replica)
         VALUES (gen_random_uuid(), now() - interval '200 days', now() - interval '200 days', 'search', 'old', '{}', true, false, 'b', 'r')`,
      )
      await first.close()
      const warnings: string[] = []
      const infos: string[] = []
      const store = new EventStore({ dataDir, replica: 'test', retentionDays: 30, flushMs: 60_000, warn: (m) => warnings.push(m), info: (m) => infos.push(m) })
      await store.ready
      try {
        assert.equal(store.error, undefined)
        assert.equal(store.record({ type: 'use', id: randomUUID(), articleId: IIS6, ticket: 'INC-1', at: new Date() }), true)
        await store.flush()
        assert.equal((await store.database()!.query<{ n: number }>('SELECT count(*)::int AS n FROM kb_uses')).rows[0]!.n, 1)
        assert.equal(warnings.length, 1)
        assert.match(warnings[0]!, /^events retention could not run \(.*deletes refused by test.*\); it runs again in a day$/)
        assert.deepEqual(
          infos.filter((m) => /opened after/.test(m)),
          [],
        )
      } finally {
        await store.close()
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true })
    }
  })
})
