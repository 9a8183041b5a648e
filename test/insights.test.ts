/**
 * Insights (issue 17): template mining of gap questions (Drain), the time windows, the draft
 * article, and every /api/insights route on PGlite with events made by real requests through
 * /api/match, /api/search, /api/events/open and /api/feedback, including auth (401, 404 when off).
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import request from 'supertest'
import { createApp } from '../src/app.js'
import { parseArticle } from '../src/build/content/load.js'
import { DRAFT_TODO, draftArticle, draftSlug } from '../src/core/insights/draft.js'
import { type Gap, groupGaps } from '../src/core/insights/gaps.js'
import { daysBetween, parseBefore, parseMoment, parseSince } from '../src/core/insights/since.js'
import { mineTemplates } from '../src/core/insights/templates.js'
import { bearerMatches } from '../src/http/routes/insights.js'
import { EventStore } from '../src/runtime/events/store.js'
import { kbFrom } from './helpers/kb.js'
import { startPostgres } from './helpers/postgres.js'

const templatesOf = (lines: string[]) => mineTemplates(lines.map((text) => ({ text }))).groups.map((g) => [g.template, g.members])

describe('template mining (Drain)', () => {
  it('one error with different values is one template, with <*> where they differ', () => {
    assert.deepEqual(
      templatesOf([
        'psql: error: connection to server at "db-prod-3.internal" (<ip>), port 5432 failed: FATAL: database "orders_2024" does not exist',
        'psql: error: connection to server at "db-stage-1.internal" (<ip>), port 5433 failed: FATAL: database "billing" does not exist',
        'psql: error: connection to server at "pg.example.net" (<ip>), port 5432 failed: FATAL: database "crm" does not exist',
      ]),
      [['psql: error: connection to server at <*> (<ip>), port <*> failed: FATAL: database <*> does not exist', [0, 1, 2]]],
    )
    assert.deepEqual(
      templatesOf([
        'java.io.FileNotFoundException: /opt/tomcat/webapps/app-1734/WEB-INF/web.xml (No such file or directory)',
        "Login failed for user '<user>'. Reason: Password did not match. [CLIENT: <ip>]",
        'java.io.FileNotFoundException: /srv/tomcat9/webapps/ROOT/WEB-INF/web.xml (No such file or directory)',
        'Error response from daemon: pull access denied for registry.example.com/team/api-7, repository does not exist',
        "Login failed for user '<user>'. Reason: Password did not match. [CLIENT: <ip>]",
        'Error response from daemon: pull access denied for <host>/ops/worker, repository does not exist',
      ]),
      [
        ['java.io.FileNotFoundException: <*> (No such file or directory)', [0, 2]],
        ["Login failed for user '<user>'. Reason: Password did not match. [CLIENT: <ip>]", [1, 4]],
        ['Error response from daemon: pull access denied for <*> repository does not exist', [3, 5]],
      ],
    )
  })

  it('different errors stay apart: other words, another length, other codes', () => {
    const { groups } = mineTemplates([
      { text: 'dial tcp <ip>:6379: connect: connection refused' },
      { text: 'dial tcp <ip>:6379: connect: connection reset' },
      { text: 'dial tcp <ip>:6379: i/o timeout' },
      { text: 'HRESULT: 0x80070005 Access is denied.', key: '0x80070005' },
      { text: 'HRESULT: 0x80070002 Access is denied.', key: '0x80070002' },
    ])
    assert.equal(groups.length, 5)
  })

  it('is deterministic and bounded', () => {
    const lines = Array.from({ length: 2000 }, (_, i) => ({ text: `worker ${i % 7} failed: job ${i} exited with code ${i % 3} after ${i} ms` }))
    const a = mineTemplates(lines)
    assert.deepEqual(a, mineTemplates(lines))
    assert.equal(a.groups.length, 1)
    assert.equal(a.groups[0]!.template, 'worker <*> failed: job <*> exited with code <*> after <*> ms')
    assert.match(a.groups[0]!.id, /^[0-9a-f]{16}$/)
    // A leaf full of groups counts the rest as overflow instead of growing.
    const bounded = mineTemplates(
      Array.from({ length: 30 }, (_, i) => ({ text: `alpha beta ${'abcdefghijklmnopqrstuvwxyz'[i % 26]!.repeat(i + 1)} word${'z'.repeat(i)}` })),
      { maxGroupsPerLeaf: 10 },
    )
    assert.equal(bounded.groups.length, 10)
    assert.equal(bounded.overflow, 20)
  })

  it('groups gap questions with counts, dates, codes, products and rejections', () => {
    const at = (d: string) => new Date(`2026-11-${d}T10:00:00Z`)
    const { gaps } = groupGaps(
      [
        { at: at('03'), kind: 'match', text: 'Error 0x80070005 opening C:\\Users\\<user>\\app.config\nsecond line', codes: ['0x80070005'], rejected: false },
        { at: at('01'), kind: 'match', text: 'Error 0x80070005 opening D:\\data\\x.config', codes: ['0x80070005'], rejected: true },
        { at: at('02'), kind: 'search', text: 'printer offline', codes: [], rejected: false },
      ],
      (code) => (code === '0x80070005' ? ['Windows Server'] : []),
    )
    assert.deepEqual(gaps, [
      {
        id: gaps[0]!.id,
        template: 'Error 0x80070005 opening <*>',
        count: 2,
        firstSeen: '2026-11-01T10:00:00.000Z',
        lastSeen: '2026-11-03T10:00:00.000Z',
        example: 'Error 0x80070005 opening C:\\Users\\<user>\\app.config\nsecond line',
        codes: ['0x80070005'],
        products: ['Windows Server'],
        rejected: 1,
      },
      {
        id: gaps[1]!.id,
        template: 'printer offline',
        count: 1,
        firstSeen: '2026-11-02T10:00:00.000Z',
        lastSeen: '2026-11-02T10:00:00.000Z',
        example: 'printer offline',
        codes: [],
        products: [],
        rejected: 0,
      },
    ])
  })
})

describe('time windows', () => {
  const now = new Date('2026-12-01T12:00:00Z')
  it('reads spans, dates and ISO times, and refuses the rest', () => {
    assert.equal(parseSince('7d', now)?.toISOString(), '2026-11-24T12:00:00.000Z')
    assert.equal(parseSince('24h', now)?.toISOString(), '2026-11-30T12:00:00.000Z')
    assert.equal(parseSince('2w', now)?.toISOString(), '2026-11-17T12:00:00.000Z')
    assert.equal(parseSince('2026-11-01', now)?.toISOString(), '2026-11-01T00:00:00.000Z')
    assert.equal(parseSince('2026-11-01T08:30:00+01:00', now)?.toISOString(), '2026-11-01T07:30:00.000Z')
    for (const bad of ['', 'yesterday', '7', '7m', '-7d', '2026-02-30', '99999d', '2026-11-01; DROP TABLE kb_queries'])
      assert.equal(parseSince(bad, now), undefined, bad)
    assert.deepEqual(daysBetween(new Date('2026-11-29T23:00:00Z'), now), ['2026-11-29', '2026-11-30', '2026-12-01'])
  })

  it('reads a time without an offset in UTC, whatever the time zone of the process, and the forms PostgreSQL prints', () => {
    const tz = process.env.TZ
    process.env.TZ = 'America/New_York'
    try {
      assert.equal(parseSince('2026-11-01T08:00:00', now)?.toISOString(), '2026-11-01T08:00:00.000Z')
      assert.equal(parseSince('2026-11-01 08:00', now)?.toISOString(), '2026-11-01T08:00:00.000Z')
    } finally {
      if (tz === undefined) delete process.env.TZ
      else process.env.TZ = tz
    }
    assert.equal(parseSince('2026-11-01 08:00:00.123456+00', now)?.toISOString(), '2026-11-01T08:00:00.123Z')
    assert.equal(parseSince('2026-11-01T08:00:00-0530', now)?.toISOString(), '2026-11-01T13:30:00.000Z')
  })

  it('refuses a date or time that does not exist in every form, a since after now or over ten years back', () => {
    for (const bad of ['2026-02-30T08:00:00Z', '2026-02-29 08:00', '2026-11-01T24:00:00Z', '2026-11-01T08:60Z', '2026-11-01T08:00:00+24:00', '2026-11-01Z'])
      assert.equal(parseMoment(bad, now), undefined, bad)
    for (const out of ['2026-12-02', '2026-12-01T12:00:01Z', '1970-01-01', '3651d', '2016-12-01T11:59:59Z', '0000-01-01', '9999-12-31T23:59:59-23:59'])
      assert.equal(parseSince(out, now), undefined, out)
    assert.equal(parseSince('3650d', now)?.toISOString(), '2016-12-03T12:00:00.000Z')
    assert.equal(parseSince('0h', now)?.toISOString(), now.toISOString())
    // A `before` may be in the future (everything written so far), not outside 1970-9999 in UTC.
    assert.equal(parseBefore('9999-12-31', now)?.toISOString(), '9999-12-31T00:00:00.000Z')
    assert.equal(parseBefore('1970-01-01', now)?.toISOString(), '1970-01-01T00:00:00.000Z')
    for (const out of ['9999-12-31T23:59:59-23:59', '0000-01-01T00:00:00+01:00', '1969-12-31T23:59:59Z', '999999w'])
      assert.equal(parseBefore(out, now), undefined, out)
  })
})

describe('a draft article from a gap', () => {
  const gap: Gap = {
    id: '0123456789abcdef',
    template: 'psql: error: connection to server at <*> (<ip>), port <*> failed: FATAL: database <*> does not exist',
    count: 3,
    firstSeen: '2026-11-01T10:00:00.000Z',
    lastSeen: '2026-11-03T10:00:00.000Z',
    example:
      'psql: error: connection to server at "pg.example.net" (<ip>), port 5432 failed: FATAL: database "crm" does not exist\nHINT: "quoted" \\ backslash: colon # hash',
    codes: [],
    products: [],
    rejected: 1,
  }

  it('is a valid article with status: draft, the example lines verbatim and TODO lines for the author', () => {
    const { slug, markdown } = draftArticle(gap)
    assert.equal(slug, 'psql-error-connection-to-server-at-port-failed-fatal')
    const { article, problems } = parseArticle(markdown, `${slug}.md`)
    assert.deepEqual(
      problems.filter((p) => p.severity === 'error'),
      [],
    )
    assert.equal(article?.status, 'draft')
    assert.deepEqual(article?.symptoms, gap.example.split('\n'))
    assert.equal(article?.title, 'psql: error: connection to server at … (<ip>), port … failed: FATAL: database … does not exist')
    assert.ok(article?.environment[0]?.startsWith(DRAFT_TODO))
    assert.ok(article?.resolution.startsWith(DRAFT_TODO))
    assert.equal(article?.cause, undefined)
    // Published with its TODO lines still in, it is an error.
    const published = parseArticle(markdown.replace('status: draft', 'status: published'), `${slug}.md`)
    assert.equal(published.article, undefined)
    assert.match(published.problems.map((p) => p.message).join('\n'), /TODO\(draft\)/)
  })

  it('takes the environment from the products read, and names a gap with no words by its id', () => {
    const { markdown } = draftArticle({ ...gap, codes: ['0x80070005'], products: ['IIS', 'Windows Server'] })
    const { article } = parseArticle(markdown, 'x.md')
    assert.deepEqual(article?.environment, ['IIS', 'Windows Server'])
    assert.deepEqual(article?.errorCodes, ['0x80070005'])
    assert.equal(draftSlug({ id: 'fedcba9876543210abc', template: '<*> 0x80070005 <*>' }), 'gap-fedcba987654')
  })
})

describe('the constant-time bearer check', () => {
  it('accepts the token only, in a Bearer header', () => {
    assert.equal(bearerMatches('Bearer s3cret-token', 's3cret-token'), true)
    assert.equal(bearerMatches('bearer   s3cret-token', 's3cret-token'), true)
    for (const h of [undefined, '', 'Bearer', 'Bearer s3cret', 'Basic s3cret-token', 'Bearer s3cret-token extra', 's3cret-token'])
      assert.equal(bearerMatches(h, 's3cret-token'), false, h)
  })
})

/**
 * The API on one store (PGlite in memory), or on two replicas' stores sharing one PostgreSQL: the
 * events are sent through both apps in turn, and each answer must count every event once.
 */
function insightsApi(name: string, open: () => Promise<{ stores: EventStore[]; close?: () => void }>) {
  describe(`the insights API on ${name}`, () => {
    const TOKEN = 'test-admin-token-0123456789'
    const auth = { authorization: `Bearer ${TOKEN}` }
    const IIS6 = 'iis6-connections-refused-nonpaged-pool'
    let app: FastifyInstance
    let apps: FastifyInstance[] = []
    let stores: EventStore[] = []
    let close: (() => void) | undefined
    before(async () => {
      ;({ stores, close } = await open())
      await Promise.all(stores.map((s) => s.ready))
      apps = await Promise.all(stores.map(async (events) => createApp({ kb: await kbFrom(), bodyLimit: 64 * 1024, events, adminToken: TOKEN })))
      app = apps[0]!
      let turn = 0
      // Each request to the next replica.
      const next = () => apps[turn++ % apps.length]!.server
      const gaps = [
        'psql: error: connection to server at "db-prod-3.internal" (10.4.2.17), port 5432 failed: FATAL:  database "orders_2024" does not exist',
        'psql: error: connection to server at "db-stage-1.internal" (10.4.9.8), port 5433 failed: FATAL:  database "billing" does not exist',
        'psql: error: connection to server at "pg.example.net" (192.168.7.1), port 5432 failed: FATAL:  database "crm" does not exist',
        "Error response from daemon: pull access denied for registry.example.com/team/api-7, repository does not exist or may require 'docker login'",
      ]
      for (const text of gaps) {
        const m = await request(next()).post('/api/match').send({ text }).expect(200)
        assert.equal(m.body.noConfidentMatch, true, text)
      }
      await request(next()).get('/api/search').query({ q: 'zzqx flux capacitor' }).expect(200)
      // One question answered, opened and solved; one answered and rejected three times over.
      const s = await request(next()).get('/api/search').query({ q: 'connections refused nonpaged pool' }).expect(200)
      assert.equal(s.body.results[0].id, IIS6)
      await request(next()).post('/api/events/open').send({ queryId: s.body.queryId, articleId: IIS6, position: 1, source: 'widget' }).expect(202)
      await request(next()).post('/api/feedback').send({ queryId: s.body.queryId, articleId: IIS6, verdict: 'solved' }).expect(202)
      await request(next()).post(`/api/articles/${IIS6}/uses`).send({ ticket: 'INC-1' }).expect(202)
      for (let i = 0; i < 3; i++) {
        const r = await request(next())
          .post('/api/match')
          .send({ text: `HTTP Error 503. The service is unavailable. (request ${i})` })
          .expect(200)
        const id = r.body.results[0].id
        await request(next()).post('/api/events/open').send({ queryId: r.body.queryId, articleId: id, position: 1 }).expect(202)
        await request(next()).post('/api/feedback').send({ queryId: r.body.queryId, articleId: id, verdict: 'not-related' }).expect(202)
      }
      await Promise.all(stores.map((st) => st.flush()))
    })
    after(async () => {
      for (const a of apps) await a.close()
      for (const st of stores) await st.close()
      close?.()
    })

    it('groups unanswered and rejected questions into gaps', async () => {
      const res = await request(app.server).get('/api/insights/gaps').set(auth).expect(200)
      const { gaps } = res.body as { gaps: Gap[] }
      const psql = gaps.find((g) => g.template.startsWith('psql:'))!
      assert.equal(psql.template, 'psql: error: connection to server at <*> (<ip>), port <*> failed: FATAL: database <*> does not exist')
      assert.equal(psql.count, 3)
      assert.match(psql.example, /database "crm" does not exist/)
      assert.ok(!/192\.168\.7\.1/.test(JSON.stringify(gaps)), 'addresses are redacted')
      assert.equal(gaps.find((g) => g.template.startsWith('Error response from daemon'))?.count, 1)
      assert.equal(gaps.find((g) => g.template === 'zzqx flux capacitor')?.count, 1)
      const rejected = gaps.find((g) => g.template.startsWith('HTTP Error 503'))!
      assert.equal(rejected.count, 3)
      assert.equal(rejected.rejected, 3)
      assert.ok(!gaps.some((g) => g.template.includes('nonpaged')), 'a solved question is no gap')
      assert.equal(res.body.questions, 8)
      assert.equal(res.body.total, gaps.length)
      assert.equal(res.body.overflow, 0)
      const top = await request(app.server).get('/api/insights/gaps').query({ limit: 1 }).set(auth).expect(200)
      assert.deepEqual(top.body.gaps, gaps.slice(0, 1))
      assert.equal(top.body.total, gaps.length)
      assert.ok(Date.parse(res.body.window.since) < Date.now() - 29 * 86_400_000)
    })

    it('drafts an article for a gap, the same Markdown as kb draft writes', async () => {
      const { gaps } = (await request(app.server).get('/api/insights/gaps').set(auth).expect(200)).body as { gaps: Gap[] }
      const psql = gaps.find((g) => g.template.startsWith('psql:'))!
      const res = await request(app.server).get(`/api/insights/gaps/${psql.id}/draft`).set(auth).expect(200)
      assert.deepEqual(res.body.gap, psql)
      assert.equal(res.body.markdown, draftArticle(psql).markdown)
      assert.equal(res.body.path, `articles/${draftArticle(psql).slug}.md`)
      assert.equal(parseArticle(res.body.markdown, 'x.md').article?.status, 'draft')
      const missing = await request(app.server).get('/api/insights/gaps/0000000000000000/draft').set(auth).expect(404)
      assert.equal(missing.body.code, 'KB_GAP_NOT_FOUND')
      await request(app.server).get('/api/insights/gaps/not-an-id/draft').set(auth).expect(400)
    })

    it('gives per-article figures and flags', async () => {
      const res = await request(app.server).get('/api/insights/articles').query({ since: '7d' }).set(auth).expect(200)
      const byId = new Map((res.body.articles as Array<{ id: string }>).map((a) => [a.id, a]))
      const iis6 = byId.get(IIS6) as Record<string, unknown>
      assert.equal(iis6.opens, 1)
      assert.equal(iis6.solved, 1)
      assert.equal(iis6.helpfulRatio, 1)
      assert.equal(iis6.uses, 1)
      assert.equal(iis6.meanPosition, 1)
      assert.ok((iis6.impressions as number) >= 1)
      assert.equal(iis6.ctr, Math.round((1 / (iis6.impressions as number)) * 1e4) / 1e4)
      assert.equal(iis6.oftenRejected, false)
      const rejected = (res.body.articles as Array<Record<string, unknown>>).filter((a) => a.oftenRejected)
      assert.equal(rejected.length, 1)
      assert.equal(rejected[0]!.notRelated, 3)
      assert.equal(rejected[0]!.helpfulRatio, 0)
      const never = (res.body.articles as Array<Record<string, unknown>>).filter((a) => a.neverFound).map((a) => a.id)
      assert.ok(never.length > 0 && !never.includes(IIS6))
      assert.equal(res.body.articles.length, (await kbFrom()).artifact.articles.length)
    })

    it('gives top queries, no-result searches and the daily rates', async () => {
      const res = await request(app.server).get('/api/insights/searches').query({ since: '24h' }).set(auth).expect(200)
      assert.equal(res.body.total, 9)
      assert.deepEqual(res.body.noResult, [{ text: 'zzqx flux capacitor', kind: 'search', count: 1, noResult: 1 }])
      assert.equal(res.body.top.length, 9)
      const today = res.body.daily.at(-1)
      assert.equal(today.day, new Date().toISOString().slice(0, 10))
      assert.deepEqual({ questions: today.questions, searches: today.searches, matches: today.matches }, { questions: 9, searches: 2, matches: 7 })
      assert.equal(today.matchRate, 1)
      assert.ok(today.confidentRate >= 0 && today.confidentRate < 1)
    })

    it('refuses a bad window with a 400 naming it', async () => {
      for (const path of ['/api/insights/gaps', '/api/insights/articles', '/api/insights/searches']) {
        const res = await request(app.server).get(path).query({ since: 'last tuesday' }).set(auth).expect(400)
        assert.equal(res.body.code, 'KB_INVALID_REQUEST')
        assert.equal(
          res.body.message,
          'querystring/since must be a date (2026-11-01), an ISO time (2026-11-01T08:00:00Z) or a span before now (24h, 7d, 2w), got "last tuesday"',
        )
      }
      const del = await request(app.server).delete('/api/insights/events').set(auth).expect(400)
      assert.match(del.body.message, /before/)
    })

    it('answers 401 without the token, with WWW-Authenticate', async () => {
      for (const headers of [{}, { authorization: 'Bearer wrong-token' }, { authorization: `Basic ${TOKEN}` }]) {
        for (const path of ['/api/insights/gaps', '/api/insights/articles', '/api/insights/searches', '/api/insights/gaps/0123456789abcdef/draft']) {
          const res = await request(app.server).get(path).set(headers).expect(401)
          assert.equal(res.body.code, 'KB_UNAUTHORIZED')
          assert.equal(res.headers['www-authenticate'], 'Bearer realm="kb-insights"')
        }
      }
      await request(app.server).delete('/api/insights/events').query({ before: '2099-01-01' }).expect(401)
    })

    it('deletes events before a moment, behind the token (last: it empties the store)', async () => {
      assert.deepEqual((await request(app.server).delete('/api/insights/events').query({ before: '2000-01-01' }).set(auth).expect(200)).body, {
        before: '2000-01-01T00:00:00.000Z',
        deleted: 0,
      })
      const res = await request(app.server)
        .delete('/api/insights/events')
        .query({ before: new Date(Date.now() + 60_000).toISOString() })
        .set(auth)
        .expect(200)
      // 9 questions, 4 opens, 4 verdicts, 1 use.
      assert.equal(res.body.deleted, 18)
      assert.deepEqual((await request(app.server).get('/api/insights/gaps').set(auth).expect(200)).body.gaps, [])
    })
  })
}

insightsApi('PGlite', async () => ({ stores: [new EventStore({ dataDir: 'memory://', replica: 'test-1', retentionDays: 90, flushMs: 10 })] }))

insightsApi("two replicas on Debian's PostgreSQL", async () => {
  const pg = await startPostgres()
  const store = (replica: string) => new EventStore({ dataDir: '', databaseUrl: pg.url, replica, retentionDays: 90, flushMs: 10 })
  return { stores: [store('test-1'), store('test-2')], close: () => pg.close() }
})

describe('insights off', () => {
  it('answers 404 saying how to turn them on when no token is set, and 404 when events are off', async () => {
    const off = await createApp({ kb: await kbFrom(), bodyLimit: 64 * 1024 })
    try {
      for (const path of ['/api/insights/gaps', '/api/insights/articles', '/api/insights/searches']) {
        const res = await request(off.server).get(path).set({ authorization: 'Bearer anything' }).expect(404)
        assert.deepEqual(res.body, {
          statusCode: 404,
          code: 'KB_INSIGHTS_OFF',
          error: 'Not Found',
          message: 'Insights are off: set KB_ADMIN_TOKEN to a secret on the server, then send it as Authorization: Bearer <token>',
        })
      }
    } finally {
      await off.close()
    }
    const noEvents = await createApp({ kb: await kbFrom(), bodyLimit: 64 * 1024, adminToken: 't0ken' })
    try {
      const res = await request(noEvents.server).get('/api/insights/gaps').set({ authorization: 'Bearer t0ken' }).expect(404)
      assert.equal(res.body.code, 'KB_EVENTS_OFF')
      assert.match(res.body.message, /KB_EVENTS=1/)
    } finally {
      await noEvents.close()
    }
  })
})
