/**
 * The events store on a real PostgreSQL (Debian's package, started by the test on loopback):
 * the same migrations and SQL as PGlite; two server processes on one database, whose events are
 * all kept, none twice; and the database stopped in the middle of a load: no request fails, the
 * events that could not be written are counted, and writing resumes when the database is back.
 */
import assert from 'node:assert/strict'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { writeArtifact } from '../src/build/artifact/artifact.js'
import { buildFromFolder } from '../src/build/index/build.js'
import { type EventDb, openEventDb } from '../src/runtime/events/db.js'
import { migrate, SCHEMA_VERSION } from '../src/runtime/events/migrations.js'
import { EventStore } from '../src/runtime/events/store.js'
import { ARTICLES } from './helpers/kb.js'
import { startPostgres, type TestPostgres } from './helpers/postgres.js'
import { serve, type ServerProcess, waitFor } from './helpers/server.js'
import { tempDir } from './helpers/temp.js'

const TEST = { timeout: 120_000 }
let pg: TestPostgres
let db: EventDb
const servers: ServerProcess[] = []

before(async () => {
  pg = await startPostgres()
  db = await openEventDb({ dataDir: '', databaseUrl: pg.url })
})
after(async () => {
  for (const s of servers) s.proc.kill('SIGKILL')
  await db?.close().catch(() => undefined)
  pg?.close()
})

const count = async (sql: string, params: unknown[] = []) => (await db.query<{ n: number }>(sql, params)).rows[0]!.n

/** A kb serve process writing events to the test's PostgreSQL. */
async function replica(index: string, name: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const s = await serve(index, 'warn', { KB_EVENTS: '1', DATABASE_URL: pg.url, KB_REPLICA: name, KB_QUERY_WORKERS: '1', ...env })
  servers.push(s)
  await waitFor(async () => ((await fetch(`http://127.0.0.1:${s.port}/readyz`)).ok ? true : undefined), 30_000)
  return s
}

describe('the events store on PostgreSQL', () => {
  it('migrates with the same SQL as PGlite, and two stores writing at once keep every event once', TEST, async () => {
    assert.deepEqual(await migrate(db), { from: 0, to: SCHEMA_VERSION })
    const a = new EventStore({ dataDir: '', databaseUrl: pg.url, replica: 'a', retentionDays: 90, flushMs: 5 })
    const b = new EventStore({ dataDir: '', databaseUrl: pg.url, replica: 'b', retentionDays: 90, flushMs: 5 })
    await Promise.all([a.ready, b.ready])
    const use = (i: number) => ({
      type: 'use' as const,
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      at: new Date(),
      articleId: 'x',
      ticket: `T${i}`,
    })
    // The same event sent by both (a retried batch) is stored once.
    for (let i = 0; i < 200; i++) {
      a.record(use(i))
      b.record(use(i % 2 === 0 ? i : 1000 + i))
    }
    await Promise.all([a.flush(), b.flush()])
    assert.equal(await count('SELECT count(*)::int AS n FROM kb_uses'), 300)
    await Promise.all([a.close(), b.close()])
  })

  it('a store started while PostgreSQL is down keeps trying, and records once it is up', TEST, async () => {
    const warnings: string[] = []
    const drops: Record<string, number> = {}
    const postmaster = pg.pid()
    assert.ok(postmaster !== undefined && process.kill(postmaster, 0), 'the helper names the running server process (the benchmark counts its CPU)')
    pg.stop()
    assert.equal(pg.pid(), undefined, 'a stopped server leaves no pid file')
    const store = new EventStore({
      dataDir: '',
      databaseUrl: pg.url,
      replica: 'late',
      retentionDays: 90,
      flushMs: 5,
      warn: (m) => warnings.push(m),
      onDrop: (r, n) => (drops[r] = (drops[r] ?? 0) + n),
    })
    let opened = false
    void store.ready.then(() => (opened = true))
    try {
      await waitFor(async () => (store.error ? true : undefined), 15_000)
      store.record({ type: 'use', id: '00000000-0000-4000-8000-00000000d0d0', at: new Date(), articleId: 'x', ticket: 'while-down' })
      assert.equal(drops.db_unavailable, 1, 'an event recorded while the database cannot be opened is counted as dropped')
      assert.equal(opened, false)
      assert.match(warnings.join('\n'), /could not be opened .*trying again/)
    } finally {
      pg.start()
    }
    await store.ready
    assert.equal(store.error, undefined)
    store.record({ type: 'use', id: '00000000-0000-4000-8000-00000000e0e0', at: new Date(), articleId: 'x', ticket: 'after-up' })
    await store.flush()
    assert.equal(await count("SELECT count(*)::int AS n FROM kb_uses WHERE ticket = 'after-up'"), 1)
    await store.close()
  })
})

describe('replicas and faults (kb serve processes on one PostgreSQL)', () => {
  let index: string
  before(async () => {
    index = path.join(await tempDir('kb-pg-art-'), 'kb.json')
    await writeArtifact(index, (await buildFromFolder(ARTICLES)).bytes)
  })

  it('two replicas: insights see both replicas’ questions, none twice', TEST, async () => {
    const [r1, r2] = await Promise.all([replica(index, 'replica-1'), replica(index, 'replica-2')])
    const ids = new Set<string>()
    for (let i = 0; i < 40; i++) {
      const s = i % 2 === 0 ? r1 : r2
      const res = await fetch(`http://127.0.0.1:${s.port}/api/search?q=pool+${i}`)
      assert.equal(res.status, 200)
      ids.add(((await res.json()) as { queryId: string }).queryId)
    }
    assert.equal(ids.size, 40)
    await waitFor(async () => ((await count("SELECT count(*)::int AS n FROM kb_queries WHERE text LIKE 'pool %'")) >= 40 ? true : undefined), 20_000)
    assert.equal(await count("SELECT count(*)::int AS n FROM kb_queries WHERE text LIKE 'pool %'"), 40)
    assert.equal(await count("SELECT count(DISTINCT id)::int AS n FROM kb_queries WHERE text LIKE 'pool %'"), 40)
    assert.deepEqual(
      (
        await db.query<{ replica: string; n: number }>(
          "SELECT replica, count(*)::int AS n FROM kb_queries WHERE text LIKE 'pool %' GROUP BY replica ORDER BY replica",
        )
      ).rows,
      [
        { replica: 'replica-1', n: 20 },
        { replica: 'replica-2', n: 20 },
      ],
    )
    for (const s of [r1, r2]) s.proc.kill('SIGTERM')
    await Promise.all([r1.exited, r2.exited])
  })

  it('PostgreSQL stopped during a load: 0 failed requests, drops counted, writing resumes', TEST, async () => {
    // Writes every second, so that one is attempted while the database is down however few questions the load sends.
    const s = await replica(index, 'replica-fault', { KB_EVENTS_FLUSH_MS: '1000' })
    const base = `http://127.0.0.1:${s.port}`
    let failed = 0
    let sent = 0
    const load = async (ms: number, tag: string) => {
      const end = Date.now() + ms
      // Four clients in parallel, bounded in time and count.
      await Promise.all(
        Array.from({ length: 4 }, async (_, c) => {
          for (let i = 0; Date.now() < end && i < 2000; i++) {
            sent++
            const res =
              i % 2 === 0
                ? await fetch(`${base}/api/search?q=${tag}+${c}+${i}`)
                : await fetch(`${base}/api/match`, {
                    method: 'POST',
                    headers: { 'content-type': 'application/json' },
                    body: JSON.stringify({ text: `HTTP Error 503. The service is unavailable. ${tag} ${c} ${i}` }),
                  })
            if (res.status !== 200) failed++
            await res.arrayBuffer()
          }
        }),
      )
    }
    await load(1000, 'before')
    pg.stop()
    await load(2500, 'during')
    pg.start()
    const metrics = await (await fetch(`${base}/metrics`)).text()
    const dropped = Number(/kb_events_dropped_total\{reason="db_unavailable"\} (\d+)/.exec(metrics)?.[1] ?? 0)
    assert.ok(dropped > 0, `events dropped while the database was down: ${dropped}`)
    // Writing resumes on its own (the writer backs off at most 30 s between attempts).
    await load(500, 'after')
    await waitFor(async () => ((await count("SELECT count(*)::int AS n FROM kb_queries WHERE text LIKE 'after %'")) > 0 ? true : undefined), 45_000)
    assert.equal(failed, 0, `${failed} of ${sent} requests failed`)
    assert.ok(sent > 50, `${sent} requests sent`)
    s.proc.kill('SIGTERM')
    await s.exited
  })
})
