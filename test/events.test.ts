/**
 * The KCS loop's events (issue 17): every answer carries a queryId, questions are stored redacted,
 * opens, feedback and uses are recorded, bad bodies get 4xx; the store migrates, refuses a newer
 * schema, and a failing database drops events (counted) without failing a request, then resumes.
 * Runs on PGlite in memory; test/events-postgres.test.ts runs the same store on Debian's PostgreSQL.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import request from 'supertest'
import { createApp } from '../src/app.js'
import { redact } from '../src/core/privacy/redact.js'
import { type EventDb, openEventDb } from '../src/runtime/events/db.js'
import { readGaps, NO_CATALOG } from '../src/runtime/events/insights.js'
import { MIGRATIONS, migrate, SCHEMA_VERSION } from '../src/runtime/events/migrations.js'
import { QuestionGroups } from '../src/runtime/events/questions.js'
import { type QuestionAsked, questionAsked, questionRowOf, storedQuestion } from '../src/runtime/events/record.js'
import { EventStore } from '../src/runtime/events/store.js'
import { EventWriter } from '../src/runtime/events/writer.js'
import { BACKGROUND_NICE_STEP } from '../src/threads.js'
import { niceOf, threadIds } from './helpers/nice.js'
import { kbFrom } from './helpers/kb.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const IIS6 = 'iis6-connections-refused-nonpaged-pool'

describe('redaction of stored questions', () => {
  const cases: Array<[string, string]> = [
    [
      'Server=tcp:sqlprod02.corp.example,1433;Database=Billing;User ID=svc_billing;Password=Wint3r!2025;Encrypt=True',
      'Server=<host>,1433;Database=Billing;User ID=<user>;Password=<secret>;Encrypt=True',
    ],
    [
      "Login failed for user 'CORP\\mlopez'. Reason: Password did not match. [CLIENT: 10.20.31.44]",
      "Login failed for user '<user>'. Reason: Password did not match. [CLIENT: <ip>]",
    ],
    ['Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbm5hIn0.c2lnbmF0dXJlLWJ5dGVz', 'Authorization: Bearer <token>'],
    [
      'remote: HTTP Basic: Access denied for https://deploy:glpat-x7Rk2mQp9LwZ4vNb8TcY@git.example.net/ops/infra.git',
      'remote: HTTP Basic: Access denied for https://<user>:<secret>@<host>/ops/infra.git',
    ],
    ['export AWS_ACCESS_KEY_ID=AKIAQWERTYUIOPASDFGH api_key: "5f2b9c0e1d7a"', 'export AWS_ACCESS_KEY_ID=<secret> api_key: <secret>'],
    ['mail to ana.garcia+ops@contoso-mail.com failed from fe80::8c1:2ff:fe3a:41b7', 'mail to <email> failed from <ip>'],
    ['Could not load C:\\Users\\jdoe\\AppData\\Local\\app.config (0x80070005)', 'Could not load C:\\Users\\<user>\\AppData\\Local\\app.config (0x80070005)'],
  ]
  for (const [input, want] of cases) it(`redacts ${want.slice(0, 40)}…`, () => assert.equal(redact(input), want))

  it('keeps what identifies the problem, drops timestamps, and bounds the size', () => {
    assert.equal(
      storedQuestion(['2025-04-22 06:03:51.447 Error: 18456, Severity: 14, State: 8.', "Login failed for user 'sa'. [CLIENT: 192.168.4.17]", '']),
      // ('sa' is every SQL Server's administrator, no person: it stays, and says which login failed)
      "Error: 18456, Severity: 14, State: 8.\nLogin failed for user 'sa'. [CLIENT: <ip>]",
    )
    assert.ok(storedQuestion(Array.from({ length: 500 }, (_, i) => `line ${i} ${'x'.repeat(50)}`)).length <= 2000)
  })
})

describe('events over HTTP, stored in PGlite', () => {
  let app: FastifyInstance
  let store: EventStore
  const drops: string[] = []
  before(async () => {
    store = new EventStore({ dataDir: 'memory://', replica: 'test-1', retentionDays: 90, flushMs: 10, onDrop: (r, n) => drops.push(`${r}:${n}`) })
    await store.ready
    app = await createApp({ kb: await kbFrom(), bodyLimit: 64 * 1024, events: store, searchCacheBytes: 1 << 20 })
  })
  after(async () => {
    await app?.close()
    await store?.close()
  })
  const rows = async <T>(sql: string, params: unknown[] = []) => (await store.database()!.query<T>(sql, params)).rows

  it('gives every search and match answer a queryId and stores the question redacted', async () => {
    const paste = "Msg 18456, Level 14, State 1\nLogin failed for user 'CORP\\svc_etl'. [CLIENT: 10.2.31.44]\nPassword=hunter22;"
    const m = await request(app.server).post('/api/match').send({ text: paste }).expect(200)
    assert.match(m.body.queryId, UUID)
    const s = await request(app.server).get('/api/search').query({ q: 'nonpaged pool' }).expect(200)
    assert.match(s.body.queryId, UUID)
    assert.notEqual(s.body.queryId, m.body.queryId)
    // A cached search answer still gets a question id of its own.
    const again = await request(app.server).get('/api/search').query({ q: 'nonpaged pool' }).expect(200)
    assert.equal(again.headers['x-kb-cache'], 'hit')
    assert.notEqual(again.body.queryId, s.body.queryId)
    await store.flush()
    const [q] = await rows<{ kind: string; text: string; raw: string | null; result_ids: string[]; build_id: string; replica: string }>(
      'SELECT kind, text, raw, result_ids, build_id, replica FROM kb_queries WHERE id = $1',
      [questionRowOf(m.body.queryId)],
    )
    assert.equal(q?.kind, 'match')
    assert.ok(!/svc_etl|10\.2\.31\.44|hunter22/.test(q!.text), q!.text)
    assert.match(q!.text, /Login failed for user '<user>'/)
    assert.equal(q!.raw, null, 'raw pastes are not stored by default')
    assert.deepEqual(
      q!.result_ids,
      m.body.results.map((r: { id: string }) => r.id),
    )
    assert.equal(q!.build_id, m.headers['x-kb-build'])
    assert.equal(q!.replica, 'test-1')
    // Three questions stored (the same search twice is one row with n = 2 when both fall in one write, which the writer's own test checks).
    assert.deepEqual(await rows('SELECT kind, sum(n)::int AS n FROM kb_queries GROUP BY kind ORDER BY kind'), [
      { kind: 'match', n: 1 },
      { kind: 'search', n: 2 },
    ])
  })

  it('records opens, feedback and uses', async () => {
    const s = await request(app.server).get('/api/search').query({ q: 'connections refused' }).expect(200)
    const queryId = s.body.queryId
    assert.deepEqual((await request(app.server).post('/api/events/open').send({ queryId, articleId: IIS6, position: 2, source: 'widget' }).expect(202)).body, {
      recorded: true,
    })
    await request(app.server).post('/api/feedback').send({ queryId, articleId: IIS6, verdict: 'solved', comment: ' worked after the reboot ' }).expect(202)
    await request(app.server).post(`/api/articles/${IIS6}/uses`).send({ ticket: 'INC-20931' }).expect(202)
    await store.flush()
    assert.deepEqual(await rows('SELECT article_id, position, source FROM kb_opens WHERE query_id = $1', [queryId]), [
      { article_id: IIS6, position: 2, source: 'widget' },
    ])
    assert.deepEqual(await rows('SELECT verdict, comment FROM kb_feedback WHERE query_id = $1', [queryId]), [
      { verdict: 'solved', comment: 'worked after the reboot' },
    ])
    // Opens and verdicts name the question's row, which the insights join on.
    assert.deepEqual(await rows('SELECT q.kind, q.text FROM kb_feedback f JOIN kb_queries q ON q.id = f.question_id WHERE f.query_id = $1', [queryId]), [
      { kind: 'search', text: 'connections refused' },
    ])
    assert.deepEqual(await rows('SELECT article_id, ticket FROM kb_uses'), [{ article_id: IIS6, ticket: 'INC-20931' }])
  })

  it('answers bad bodies with a 4xx that names the problem, and an unknown article with 404', async () => {
    const bad = async (path: string, body: unknown, status: number, message: RegExp) => {
      const res = await request(app.server)
        .post(path)
        .send(body as object)
        .expect(status)
      assert.match(res.body.message, message)
    }
    await bad('/api/feedback', { queryId: 'nope', articleId: IIS6, verdict: 'solved' }, 400, /queryId must match pattern/)
    await bad(
      '/api/feedback',
      { queryId: '0b7f3e0c-2a55-4c1e-9a57-3f0e8f6c1d2a', articleId: IIS6, verdict: 'maybe' },
      400,
      /verdict must be one of "solved", "not-related", "related-but-not-solved"$/,
    )
    await bad(
      '/api/feedback',
      { queryId: '0b7f3e0c-2a55-4c1e-9a57-3f0e8f6c1d2a', articleId: 'no-such-article', verdict: 'solved' },
      404,
      /No article with id "no-such-article"/,
    )
    await bad('/api/events/open', { articleId: IIS6, position: 0 }, 400, /position must be >= 1/)
    await bad('/api/events/open', { articleId: IIS6, extra: 1 }, 400, /unknown field "extra"/)
    await bad(`/api/articles/${IIS6}/uses`, { ticket: '   ' }, 400, /must not be empty/)
    await bad(
      '/api/feedback',
      { queryId: '0b7f3e0c-2a55-4c1e-9a57-3f0e8f6c1d2a', articleId: IIS6, verdict: 'solved', comment: 'x'.repeat(2001) },
      400,
      /comment must NOT have more than 2000 characters/,
    )
  })

  it('deletes events before a date (retention)', async () => {
    const before = (await rows<{ n: number }>('SELECT count(*)::int AS n FROM kb_queries'))[0]!.n
    assert.ok(before > 0)
    assert.equal(await store.deleteBefore(new Date('2000-01-01')), 0)
    assert.ok((await store.deleteBefore(new Date(Date.now() + 60_000))) >= before)
    assert.equal((await rows<{ n: number }>('SELECT count(*)::int AS n FROM kb_queries'))[0]!.n, 0)
    assert.deepEqual(drops, [])
  })

  it("stores the codes read anywhere in a long log, from the lines they were read in, and none of a secret's", async () => {
    // The matcher reports five error lines; codes on other lines, past the first 8,000 characters,
    // are checked against those lines redacted with their context (a setting's name on the line before).
    const log = [
      ...Array.from({ length: 6 }, (_, i) => `2026-11-30 10:00:0${i} ERROR Ledger post ${i} failed: access denied 0x80070005`),
      ...Array.from({ length: 200 }, (_, i) => `2026-11-30 10:01:${String(i % 60).padStart(2, '0')} INFO worker ${i} heartbeat ok, depth ${i * 3}`),
      '2026-11-30 10:05:00 WARN upstream RPC said 0x800706ba after 3 retries',
      '<add key="LedgerDbPassword"',
      '     value="Qx_Ledger_2024" /> rejected',
    ].join('\n')
    assert.ok(log.indexOf('0x800706ba') > 8000)
    const m = await request(app.server).post('/api/match').send({ text: log }).expect(200)
    await store.flush()
    const [q] = await rows<{ text: string; codes: string[] }>('SELECT text, codes FROM kb_queries WHERE id = $1', [questionRowOf(m.body.queryId)])
    assert.ok(m.body.signals.errorCodes.includes('qx_ledger_2024'), 'the matcher read the secret as a code')
    assert.ok(q!.codes.includes('0x800706ba') && q!.codes.includes('win32 1722'), JSON.stringify(q!.codes))
    assert.ok(!JSON.stringify(q).toLowerCase().includes('qx_ledger_2024'), JSON.stringify(q))
  })

  it('keeps the codes of a full read after a read cut short of the same paste (the remembered form is per code lines)', () => {
    const paste = 'Error: backup job failed\nretrying in 30 s\nvss writer said 0x800423f4'
    const asked = (codeLines: string[]) =>
      questionAsked({
        kind: 'match',
        lines: ['Error: backup job failed'],
        paste,
        codeLines,
        resultIds: [],
        noConfidentMatch: true,
        partial: false,
        codes: ['0x800423f4'],
        buildId: 'b',
      })
    assert.deepEqual(asked([]).codes, [], 'a read that stopped before the code gives no line for it')
    assert.deepEqual(asked(['vss writer said 0x800423f4']).codes, ['0x800423f4'])
  })
})

describe('events off', () => {
  it('answers still carry a queryId; event routes answer recorded: false', async () => {
    const app = await createApp({ kb: await kbFrom(), bodyLimit: 64 * 1024 })
    try {
      const m = await request(app.server).post('/api/match').send({ text: 'HTTP Error 503. The service is unavailable.' }).expect(200)
      assert.match(m.body.queryId, UUID)
      assert.deepEqual((await request(app.server).post('/api/events/open').send({ articleId: IIS6 }).expect(202)).body, { recorded: false })
    } finally {
      await app.close()
    }
  })
})

describe('the events schema', () => {
  let db: EventDb
  before(async () => {
    db = await openEventDb({ dataDir: 'memory://' })
  })
  after(() => db?.close())

  it('runs PGlite on a thread of lower priority than the answers', { skip: process.platform !== 'linux' && 'per-thread priority is Linux only' }, async (t) => {
    await db.query('SELECT 1')
    const mainNice = niceOf(process.pid)
    // A process already at the lowest priority (nice 19) has no lower one to give a thread.
    if (mainNice >= 19) return t.skip('the test process runs at nice 19')
    const background = threadIds().filter((tid) => niceOf(tid) === Math.min(19, mainNice + BACKGROUND_NICE_STEP))
    assert.equal(background.length, 1, "one thread (PGlite's) runs in the background")
    assert.notEqual(background[0], process.pid)
  })

  it('migrates once, and a second run finds nothing to do', async () => {
    assert.deepEqual(await migrate(db), { from: 0, to: SCHEMA_VERSION })
    assert.deepEqual(await migrate(db), { from: SCHEMA_VERSION, to: SCHEMA_VERSION })
  })

  it('keeps what schema 2 stored: each question one row, its verdicts joined to it', async () => {
    const old = await openEventDb({ dataDir: 'memory://' })
    try {
      await old.query('CREATE TABLE kb_schema (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)')
      for (const m of MIGRATIONS.filter((m) => m.version <= 2)) {
        for (const sql of m.sql.split(';').filter((x) => x.trim())) await old.query(sql)
        await old.query('INSERT INTO kb_schema VALUES ($1, $2, now())', [m.version, m.name])
      }
      const id = '3f1c2b4a-9d8e-4f70-8a61-2b3c4d5e6f70'
      await old.query(
        "INSERT INTO kb_queries (id, at, kind, text, result_ids, no_confident_match, partial, build_id, replica) VALUES ($1, now(), 'match', 'Error 0x80070005', '{a}', true, false, 'b', 'r')",
        [id],
      )
      await old.query("INSERT INTO kb_feedback (id, at, query_id, article_id, verdict) VALUES (gen_random_uuid(), now(), $1, 'a', 'not-related')", [id])
      assert.deepEqual(await migrate(old), { from: 2, to: SCHEMA_VERSION })
      const { gaps } = await readGaps(old, new Date(Date.now() - 60_000), NO_CATALOG)
      assert.deepEqual(
        gaps.map((g) => [g.template, g.count, g.rejected]),
        [['Error 0x80070005', 1, 1]],
      )
    } finally {
      await old.close()
    }
  })

  it('refuses a database whose schema is newer than the server', async () => {
    await db.query("INSERT INTO kb_schema (version, name, applied_at) VALUES ($1, 'from the future', now())", [SCHEMA_VERSION + 1])
    await assert.rejects(migrate(db), {
      message: `the events database has schema version ${SCHEMA_VERSION + 1}, newer than this server's ${SCHEMA_VERSION}: run a server at least as new, or point KB_DATA_DIR / DATABASE_URL at another database`,
    })
  })
})

describe('identical questions between two writes', () => {
  it('are one row with a count and a queryId per answer; a full buffer still counts a question it holds a row for', async () => {
    const written: string[] = []
    const fake: EventDb = {
      kind: 'postgres',
      query: async () => ({ rows: [] }),
      transaction: async (fn) => fn({ query: async (_sql, params) => (written.push(String(params?.[0])), { rows: [] }) }),
      close: async () => undefined,
    }
    const writes: number[] = []
    const drops: Record<string, number> = {}
    const writer = new EventWriter(() => fake, {
      capacity: 2,
      batchSize: 100,
      flushMs: 60_000,
      replica: 'r',
      onWritten: (n) => writes.push(n),
      onDrop: (r, n) => (drops[r] = (drops[r] ?? 0) + n),
    })
    const ask = (q: string, resultIds = ['a1']) =>
      writer.recordQuestion(questionAsked({ kind: 'search', lines: [q], resultIds, noConfidentMatch: false, partial: false, codes: [], buildId: 'b1' }))
    const first = ask('Login failed for user sa')
    const second = ask('Login failed for user sa')
    assert.notEqual(first, second, 'each answer has its own queryId')
    assert.equal(questionRowOf(first), questionRowOf(second), 'both name the same row')
    // Another answer to the same words is another row.
    const otherAnswer = ask('Login failed for user sa', ['a2'])
    assert.notEqual(questionRowOf(otherAnswer), questionRowOf(first))
    // Two rows held = the capacity: a new question is dropped, a repeated one is still counted.
    ask('printer offline')
    assert.deepEqual(drops, { buffer_full: 1 })
    ask('Login failed for user sa')
    assert.equal(writer.pending, 4)
    await writer.flush()
    assert.deepEqual(writes, [4], 'the written count is of questions, not rows')
    const rows = JSON.parse(written[0]!) as Array<{ id: string; n: number; text: string; result_ids: string[] }>
    assert.deepEqual(
      rows.map((r) => [r.id, r.n, r.result_ids]),
      [
        [questionRowOf(first), 3, ['a1']],
        [questionRowOf(otherAnswer), 1, ['a2']],
      ],
    )
    // After a write, the same question starts a new row.
    assert.notEqual(questionRowOf(ask('Login failed for user sa')), questionRowOf(first))
  })
})

describe('question rows in the database', () => {
  it('store every column as recorded; what PostgreSQL cannot hold (U+0000, a lone surrogate) becomes U+FFFD', async () => {
    const db = await openEventDb({ dataDir: 'memory://' })
    try {
      await migrate(db)
      const writer = new EventWriter(() => db, { capacity: 100, batchSize: 100, flushMs: 60_000, replica: 'r "1" \\ é' })
      const asked: QuestionAsked = {
        kind: 'match',
        text: 'Error 0x80070005 "Access is denied."\nat C:\\Windows\\System32 \u00e9\u2028\t<user>',
        raw: 'C:\\Users\\ana "quoted"\n\u0000 \\u0000 \udc00 \u{1F600}',
        resultIds: ['a-1', 'b "2"'],
        confidences: [0.875, 0.25],
        noConfidentMatch: false,
        partial: true,
        codes: ['0x80070005', 'HTTP 503.2'],
        buildId: 'build-7',
      }
      const before = Date.now()
      const queryId = writer.recordQuestion(asked)
      writer.recordQuestion({ ...asked, resultIds: [...asked.resultIds] })
      // A question with no confidences and no raw paste, asked once.
      const searchId = writer.recordQuestion({
        ...asked,
        kind: 'search',
        raw: undefined,
        confidences: undefined,
        codes: [],
        partial: false,
        noConfidentMatch: true,
        resultIds: [],
      })
      // The other tables too: one verdict's comment must not cost the batch its other events.
      writer.record({
        type: 'feedback',
        id: '00000000-0000-4000-8000-0000000000f1',
        at: new Date(),
        queryId,
        articleId: 'a-1',
        verdict: 'solved',
        comment: 'ok\u0000',
      })
      writer.record({ type: 'use', id: '00000000-0000-4000-8000-0000000000f2', at: new Date(), articleId: 'a-1', ticket: 'INC-1\ud800' })
      await writer.flush()
      assert.deepEqual((await db.query('SELECT comment FROM kb_feedback')).rows, [{ comment: 'ok\uFFFD' }])
      assert.deepEqual((await db.query('SELECT ticket FROM kb_uses')).rows, [{ ticket: 'INC-1\uFFFD' }])
      const got = (
        await db.query<Record<string, unknown>>(
          'SELECT id, at, last_at, n, kind, text, raw, result_ids, confidences, no_confident_match, partial, codes, build_id, replica FROM kb_queries ORDER BY kind',
        )
      ).rows
      assert.equal(got.length, 2)
      const [match, search] = got as [Record<string, unknown>, Record<string, unknown>]
      assert.deepEqual(
        { ...match, at: undefined, last_at: undefined },
        {
          id: questionRowOf(queryId),
          at: undefined,
          last_at: undefined,
          n: 2,
          kind: 'match',
          text: asked.text,
          raw: 'C:\\Users\\ana "quoted"\n\uFFFD \\u0000 \uFFFD \u{1F600}',
          result_ids: asked.resultIds,
          confidences: asked.confidences,
          no_confident_match: false,
          partial: true,
          codes: asked.codes,
          build_id: 'build-7',
          replica: 'r "1" \\ é',
        },
      )
      for (const t of [match.at, match.last_at]) {
        const ms = (t as Date).getTime()
        assert.ok(ms >= before - 1 && ms <= Date.now() + 1, `recorded time ${String(t)}`)
      }
      assert.ok((match.at as Date).getTime() <= (match.last_at as Date).getTime())
      assert.equal(search.id, questionRowOf(searchId))
      assert.equal(search.raw, null)
      assert.equal(search.confidences, null)
      assert.deepEqual(search.codes, [])
      assert.deepEqual(search.result_ids, [])
      assert.equal(search.no_confident_match, true)
    } finally {
      await db.close()
    }
  })
})

describe('question rows', () => {
  it('share a row only when every stored column is equal, whatever the order they come in', () => {
    const base: QuestionAsked = {
      kind: 'match',
      text: 'Login failed for user <user>',
      resultIds: ['a1', 'a2'],
      confidences: [0.9, 0.4],
      noConfidentMatch: false,
      partial: false,
      codes: ['18456'],
      buildId: 'b1',
    }
    const variants: QuestionAsked[] = [
      { ...base, kind: 'search' },
      { ...base, buildId: 'b2' },
      { ...base, noConfidentMatch: true },
      { ...base, partial: true },
      { ...base, resultIds: ['a2', 'a1'] },
      { ...base, resultIds: ['a1'] },
      { ...base, confidences: [0.9, 0.41] },
      { ...base, confidences: undefined },
      { ...base, confidences: [] },
      { ...base, codes: [] },
      { ...base, raw: 'Login failed for user sa' },
      { ...base, text: 'Login failed for user <user>.' },
    ]
    const groups = new QuestionGroups()
    const now = Date.now()
    const rowOf = (q: QuestionAsked) => questionRowOf(groups.add(q, now, true)!)
    const first = rowOf(base)
    const others = variants.map(rowOf)
    assert.equal(new Set([first, ...others]).size, variants.length + 1, 'each differing column makes a row of its own')
    // The same columns in new objects and new arrays find their rows again.
    assert.equal(rowOf({ ...base, resultIds: [...base.resultIds], codes: [...base.codes] }), first)
    variants.forEach((v, i) => assert.equal(rowOf(structuredClone(v)), others[i], `variant ${i} again`))
    assert.equal(groups.size, variants.length + 1)
    assert.equal(groups.count, 2 * (variants.length + 1))
    const rows = groups.take()
    assert.deepEqual(
      rows.map((r) => [r.id, r.count]),
      [first, ...others].map((id) => [id, 2]),
      'rows in the order first asked, each counted twice',
    )
    assert.equal(groups.size, 0)
    assert.notEqual(rowOf(base), first, 'after take, a new row')
    // Kept pastes (KB_STORE_RAW_PASTES) redacted to one text are rows of their own, and each finds its row again.
    const raws = ['Login failed for user sa', 'Login failed for user bob', 'Login failed for user eve']
    const rawRows = raws.map((raw) => rowOf({ ...base, raw }))
    assert.equal(new Set(rawRows).size, raws.length)
    raws.forEach((raw, i) => assert.equal(rowOf({ ...base, raw }), rawRows[i]))
  })
})

describe('retention when the database fails', () => {
  it('the daily run says so in the log and resolves, rather than rejecting with nobody to handle it (which stops the process)', async () => {
    const warnings: string[] = []
    const store = new EventStore({ dataDir: 'memory://', replica: 'r', retentionDays: 90, flushMs: 10, warn: (m) => warnings.push(m) })
    await store.ready
    await store.retentionTick()
    assert.deepEqual(warnings, [], 'a database that answers: nothing to say')
    // The database goes away under the store (a real PGlite, closed).
    await store.database()!.close()
    await store.retentionTick()
    assert.equal(warnings.length, 1)
    assert.match(warnings[0]!, /^events retention could not run \(.+\); it runs again in a day$/)
    await store.close()
  })
})

describe('the event writer when the database fails', () => {
  it('drops the batch (counted, logged once), never throws to the caller, and resumes when the database is back', async () => {
    let up = false
    const written: unknown[][] = []
    const fake: EventDb = {
      kind: 'postgres',
      query: async () => ({ rows: [] }),
      transaction: async (fn) => {
        if (!up) throw new Error('connect ECONNREFUSED 127.0.0.1:5432')
        return fn({ query: async (_sql, params) => (written.push(params ?? []), { rows: [] }) })
      },
      close: async () => undefined,
    }
    const drops: Record<string, number> = {}
    const warnings: string[] = []
    const writer = new EventWriter(() => fake, {
      capacity: 5,
      batchSize: 100,
      flushMs: 5,
      replica: 'r',
      onDrop: (r, n) => (drops[r] = (drops[r] ?? 0) + n),
      warn: (m) => warnings.push(m),
    })
    const use = (i: number) => ({ type: 'use' as const, id: `00000000-0000-4000-8000-00000000000${i}`, at: new Date(), articleId: 'a', ticket: `T${i}` })
    for (let i = 0; i < 3; i++) assert.equal(writer.record(use(i)), true)
    await writer.flush()
    assert.deepEqual({ ...drops }, { db_unavailable: 3 })
    // The buffer is bounded: past its capacity, events are dropped at once.
    for (let i = 0; i < 7; i++) writer.record(use(i))
    assert.equal(drops.buffer_full, 2)
    await writer.flush()
    assert.equal(warnings.filter((w) => w.includes('db_unavailable')).length, 1, 'logged at most once a minute')
    up = true
    writer.record(use(9))
    await writer.flush()
    assert.equal(written.length, 1)
    // One JSON parameter per table (writer.ts insertStatements).
    assert.match(String(written[0]![0]), /"ticket":"T9"/)
  })
})
