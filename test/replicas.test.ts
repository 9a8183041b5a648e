/**
 * Replicas behind a real load balancer (issue 19): three `kb serve` processes of the bundled CLI, each
 * on its own copy of the artifact, behind Debian's HAProxy health-checking `/readyz`, all writing
 * their events to one Debian PostgreSQL. Under a bounded load of searches and matches, a rolling
 * reload gives each replica a new build in turn (its file replaced, then SIGHUP): no request fails,
 * every answer comes from the old build or the new one, and at the end every replica serves the
 * new one. Then a replica is killed mid-load: the health check takes it out and no request fails
 * after that. `npm test` builds the bundle first; HAProxy and PostgreSQL are installed by .ci/run.
 */
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { copyFile, cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { after, before, describe, it } from 'node:test'
import { type EventDb, openEventDb } from '../src/runtime/events/db.js'
import { migrate } from '../src/runtime/events/migrations.js'
import { NODE_FLAGS } from '../src/runtime/memory.js'
import { startHaproxy, type TestHaproxy } from './helpers/haproxy.js'
import { ARTICLES } from './helpers/kb.js'
import { startPostgres, type TestPostgres } from './helpers/postgres.js'
import { CLI, serve, type ServerProcess, waitFor } from './helpers/server.js'

const TEST = { timeout: 180_000 }
const REPLICAS = 3
/** Requests in flight at once through the balancer: load on every replica, modest on 2 cores. */
const CONCURRENCY = 6
/** Every load loop stops at this many requests or this many milliseconds, whichever comes first. */
const MAX_REQUESTS = 20_000
const MAX_LOAD_MS = 90_000

const QUERIES = ['Connections_Refused', 'title:siteminder', 'timeout', 'C:\\inetpub\\logs', '503~1', '+tls -iis']
const PASTES = ['Sm_AgentApi_Init Failed', '2011-06-02 04:17:33 - - - - - - - - - 12_Connections_Refused -', 'HTTP Error 503. The service is unavailable.']

interface Replica {
  name: string
  file: string
  server: ServerProcess
}

let root: string
let pg: TestPostgres | undefined
let db: EventDb | undefined
let lb: TestHaproxy | undefined
const replicas: Replica[] = []
let oldBuild: { file: string; buildId: string }
let newBuild: { file: string; buildId: string }

/** `kb build` of the bundled CLI, as a KB's CI runs it; returns the artifact's build id. */
async function kbBuild(articles: string, out: string): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [...NODE_FLAGS, CLI, 'build', '--articles', articles, '--out', out, '--json'], {
    timeout: 60_000,
  })
  return (JSON.parse(stdout) as { buildId: string }).buildId
}

/** Replace a replica's artifact the way a deploy does: the new file beside it, then renamed over it. */
async function deploy(build: { file: string }, to: string): Promise<void> {
  await copyFile(build.file, `${to}.next`)
  await rename(`${to}.next`, to)
}

/** The build a replica serves, asked of it directly (not through the balancer). */
async function servedBuild(r: Replica): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${r.server.port}/healthz`, { signal: AbortSignal.timeout(2000) })
  return ((await res.json()) as { buildId: string }).buildId
}

/** What a load loop saw. */
interface Tally {
  sent: number
  ok: number
  /** Non-2xx answers and connection errors, with when they happened. */
  failures: Array<{ at: number; what: string }>
  builds: Map<string, number>
  byReplica: Map<string, number>
}

/**
 * Searches and matches through the balancer, CONCURRENCY at a time on keep-alive connections, until
 * `stop()` says so, MAX_REQUESTS are sent or MAX_LOAD_MS pass.
 */
function load(port: number, stop: () => boolean): Promise<Tally> {
  const tally: Tally = { sent: 0, ok: 0, failures: [], builds: new Map(), byReplica: new Map() }
  const started = Date.now()
  const base = `http://127.0.0.1:${port}`
  const worker = async (w: number) => {
    while (!stop() && tally.sent < MAX_REQUESTS && Date.now() - started < MAX_LOAD_MS) {
      const n = tally.sent++
      const signal = AbortSignal.timeout(15_000)
      try {
        const res =
          (n + w) % 2 === 0
            ? await fetch(`${base}/api/match`, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ text: PASTES[n % PASTES.length] }),
                signal,
              })
            : await fetch(`${base}/api/search?q=${encodeURIComponent(QUERIES[n % QUERIES.length]!)}`, { signal })
        const body = await res.text()
        if (res.status < 200 || res.status > 299) {
          tally.failures.push({ at: Date.now(), what: `${res.status} from ${res.headers.get('x-kb-replica')}: ${body.slice(0, 200)}` })
          continue
        }
        tally.ok++
        const build = res.headers.get('x-kb-build') ?? '(none)'
        tally.builds.set(build, (tally.builds.get(build) ?? 0) + 1)
        const replica = res.headers.get('x-kb-replica') ?? '(none)'
        tally.byReplica.set(replica, (tally.byReplica.get(replica) ?? 0) + 1)
      } catch (err) {
        tally.failures.push({ at: Date.now(), what: `${(err as Error).message} ${String((err as { cause?: unknown }).cause ?? '')}` })
      }
    }
  }
  return Promise.all(Array.from({ length: CONCURRENCY }, (_, w) => worker(w))).then(() => tally)
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

before(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'kb-replicas-'))
  // The new build: the bundled articles with one title changed, so a different build id.
  const changed = path.join(root, 'articles-next')
  await cp(ARTICLES, changed, { recursive: true })
  const article = path.join(changed, 'iis6-connections-refused-nonpaged-pool.md')
  await writeFile(article, (await readFile(article, 'utf8')).replace(/^title: /m, 'title: (Revised) '))
  oldBuild = { file: path.join(root, 'old.kb'), buildId: await kbBuild(ARTICLES, path.join(root, 'old.kb')) }
  newBuild = { file: path.join(root, 'new.kb'), buildId: await kbBuild(changed, path.join(root, 'new.kb')) }
  assert.notEqual(newBuild.buildId, oldBuild.buildId)

  pg = await startPostgres()
  db = await openEventDb({ dataDir: '', databaseUrl: pg.url })
  // The schema first, and the replicas one after another: on a busy 2-core machine, three processes
  // starting at once while one migrates have had a first connection outlast its 3 s timeout, and a
  // replica whose events database cannot be opened at start records nothing until restarted.
  await migrate(db)
  for (let i = 0; i < REPLICAS; i++) {
    const name = `r${i}`
    const dir = path.join(root, name)
    await mkdir(dir)
    const file = path.join(dir, 'kb-index')
    await deploy(oldBuild, file)
    // One query worker each: three replicas share two cores. Events to the one PostgreSQL.
    const server = await serve(file, 'warn', { KB_QUERY_WORKERS: '1', KB_EVENTS: '1', DATABASE_URL: pg.url, KB_REPLICA: name })
    replicas.push({ name, file, server })
    await waitFor(async () => ((await fetch(`http://127.0.0.1:${server.port}/readyz`)).ok ? true : undefined), 30_000).catch(() => {
      throw new Error(`${name} never became ready (exit code ${server.proc.exitCode}):\n${server.log().slice(-2000)}`)
    })
  }
  lb = await startHaproxy(replicas.map((r) => ({ name: r.name, port: r.server.port })))
  await waitFor(async () => ([...(await lb!.states()).values()].every((s) => s.status === 'UP') ? true : undefined), 10_000)
})

after(async () => {
  for (const r of replicas) r.server.proc.kill('SIGKILL')
  await lb?.close()
  await db?.close().catch(() => undefined)
  pg?.close()
  if (root) await rm(root, { recursive: true, force: true })
})

describe('replicas behind HAProxy', () => {
  it('a rolling reload under load: no request fails, each answer is from the old or the new build, and all end on the new one', TEST, async (t) => {
    let done = false
    const traffic = load(lb!.port, () => done)
    try {
      await sleep(1000)
      for (const r of replicas) {
        await deploy(newBuild, r.file)
        r.server.proc.kill('SIGHUP')
        await waitFor(async () => ((await servedBuild(r)) === newBuild.buildId ? true : undefined), 30_000)
        await sleep(700)
      }
    } finally {
      done = true
    }
    const tally = await traffic
    const detail = `${tally.sent} sent, ${tally.ok} ok; builds ${JSON.stringify([...tally.builds])}; replicas ${JSON.stringify([...tally.byReplica])}`
    t.diagnostic(detail)
    assert.deepEqual(
      tally.failures.map((f) => f.what),
      [],
      detail,
    )
    assert.ok(tally.ok >= 100, `too little load to mean anything: ${detail}`)
    assert.deepEqual(
      [...tally.builds.keys()].filter((b) => b !== oldBuild.buildId && b !== newBuild.buildId),
      [],
      detail,
    )
    assert.ok((tally.builds.get(oldBuild.buildId) ?? 0) > 0 && (tally.builds.get(newBuild.buildId) ?? 0) > 0, `both builds answered: ${detail}`)
    assert.deepEqual(
      replicas.map((r) => r.name).filter((n) => !tally.byReplica.has(n)),
      [],
      `every replica answered: ${detail}`,
    )
    for (const r of replicas) assert.equal(await servedBuild(r), newBuild.buildId, r.name)
    // Readiness never flapped: no health check failed twice in a row on any replica during the roll.
    assert.deepEqual(
      [...(await lb!.states()).values()],
      replicas.map(() => ({ status: 'UP', downs: 0 })),
      'no replica left the balancer during the reload',
    )

    // Every answered question of every replica lands in the one PostgreSQL, once (written in batches off the request path).
    const counted = async () =>
      new Map(
        (await db!.query<{ replica: string; n: number }>('SELECT replica, sum(n)::int AS n FROM kb_queries GROUP BY replica')).rows.map((row) => [
          row.replica,
          row.n,
        ]),
      )
    const want = new Map(replicas.map((r) => [r.name, tally.byReplica.get(r.name) ?? 0]))
    await waitFor(async () => (JSON.stringify([...(await counted())].sort()) === JSON.stringify([...want].sort()) ? true : undefined), 20_000).catch(
      () => undefined,
    )
    assert.deepEqual(
      new Map([...(await counted())].sort()),
      new Map([...want].sort()),
      `events per replica in PostgreSQL = answers per replica; the replicas' logs:\n${replicas.map((r) => `${r.name}: ${r.server.log().slice(-1500)}`).join('\n')}`,
    )
  })

  it('a replica killed mid-load is taken out by the health check; no request fails after that', TEST, async (t) => {
    let done = false
    const traffic = load(lb!.port, () => done)
    const victim = replicas[REPLICAS - 1]!
    let downAt = 0
    try {
      await sleep(800)
      victim.server.proc.kill('SIGKILL')
      const killedAt = Date.now()
      await waitFor(async () => ((await lb!.states()).get(victim.name)?.status.startsWith('DOWN') ? true : undefined), 10_000)
      downAt = Date.now()
      t.diagnostic(`${victim.name} marked DOWN by the balancer ${downAt - killedAt} ms after SIGKILL`)
      await sleep(1500)
    } finally {
      done = true
    }
    const tally = await traffic
    const detail = `${tally.sent} sent, ${tally.ok} ok; replicas ${JSON.stringify([...tally.byReplica])}; failures ${JSON.stringify(tally.failures.slice(0, 5))}`
    t.diagnostic(detail)
    assert.deepEqual(
      tally.failures.filter((f) => f.at >= downAt).map((f) => f.what),
      [],
      `after the health check took ${victim.name} out: ${detail}`,
    )
    // Before that, only the requests the killed process held can fail (the balancer retries a refused connection elsewhere).
    assert.ok(tally.failures.length <= CONCURRENCY, detail)
    assert.ok(tally.ok >= 50, detail)
    const states = await lb!.states()
    assert.deepEqual(states.get(victim.name), { status: 'DOWN', downs: 1 })
    assert.deepEqual(
      replicas.slice(0, -1).map((r) => states.get(r.name)),
      [
        { status: 'UP', downs: 0 },
        { status: 'UP', downs: 0 },
      ],
    )
  })
})
