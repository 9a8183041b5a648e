/**
 * The benchmark (`npm run bench`): for each KB size, generate a realistic KB (seeded), build it
 * with the real `kb build`, serve it with the real `kb serve`, and load it with autocannon on
 * loopback. Every figure is printed beside two references measured in the same run: the floor of
 * the HTTP stack (a Fastify route returning a constant) and MiniSearch with default options in
 * the same process shape (what a user would pick instead).
 *
 *   npm run bench -- [--sizes 1000,10000] [--duration 10] [--connections 50] [--json] [--out file]
 *                    [--seed 42] [--warmup 3] [--keep] [--profile dir] [--build-timeout 1200]
 *                    [--events on|off|both] [--postgres]
 *
 * Events (the KCS loop, issue 17): `--events on` (the default, as `kb serve`'s) serves with events
 * written to PGlite in a temp folder, and also to PostgreSQL when DATABASE_URL is set or
 * `--postgres` starts a throwaway cluster (Debian's package, as the tests do); `off` serves with
 * KB_EVENTS=0; `both` measures off and on, one after the other, and prints them side by side with
 * the events dropped (kb_events_dropped_total, read from /metrics before each server stops).
 *
 * Human-readable tables on stdout by default; with --json, stdout gets the JSON summary and the
 * tables go to stderr. Progress goes to stderr. Every child process is killed at the end, also on
 * error or Ctrl-C; every wait has a timeout; all traffic stays on 127.0.0.1.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { DEFAULT_SEED, generateArticles, writeKb } from '../bench/generate.js'
import type { LoadJob, LoadOutcome, LoadRequest } from '../bench/loadgen.js'
import { makeWorkload, type Paste, type Workload } from '../bench/workload.js'
import { NODE_FLAGS } from '../src/runtime/memory.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const NODE = process.execPath
const HOST = '127.0.0.1'
const KB_CLI = path.join(ROOT, 'build', 'bundle', 'main.js')
const FLOOR_SERVER = path.join(ROOT, 'build', 'bench', 'floor-server.js')
const MS_BUILD = path.join(ROOT, 'build', 'bench', 'minisearch-build.js')
const MS_SERVER = path.join(ROOT, 'build', 'bench', 'minisearch-server.js')
const LOADGEN = path.join(ROOT, 'build', 'bench', 'loadgen.js')

// ---------------------------------------------------------------------------------------------
// Options

const USAGE = `usage: npm run bench -- [--sizes 1000,10000] [--duration 10] [--connections 50] [--json] [--out file]
                      [--seed 42] [--warmup 3] [--keep] [--profile dir] [--build-timeout 1200]
                      [--events on|off|both] [--postgres]`

type EventsMode = 'on' | 'off' | 'both'

interface Options {
  sizes: number[]
  duration: number
  connections: number
  json: boolean
  out?: string
  seed: number
  warmup: number
  keep: boolean
  profile?: string
  buildTimeoutMs: number
  /** Serve kb-search with events on (PGlite, and PostgreSQL when there is one), off, or both in turn. */
  events: EventsMode
  /** Start a throwaway PostgreSQL (Debian's package) for the events, when DATABASE_URL is not set. */
  postgres: boolean
}

function parseOptions(argv: string[]): Options {
  let values
  try {
    ;({ values } = parseArgs({
      args: argv,
      options: {
        sizes: { type: 'string', default: '1000,10000' },
        duration: { type: 'string', default: '10' },
        connections: { type: 'string', default: '50' },
        json: { type: 'boolean', default: false },
        out: { type: 'string' },
        seed: { type: 'string', default: String(DEFAULT_SEED) },
        warmup: { type: 'string', default: '3' },
        keep: { type: 'boolean', default: false },
        profile: { type: 'string' },
        'build-timeout': { type: 'string', default: '1200' },
        events: { type: 'string', default: 'on' },
        postgres: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }))
  } catch (err) {
    usage((err as Error).message)
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    process.exit(0)
  }
  const num = (name: string, v: string, min: number, max: number, int = true): number => {
    const n = Number(v)
    if (!Number.isFinite(n) || n < min || n > max || (int && !Number.isInteger(n)))
      usage(`--${name} must be a ${int ? 'whole ' : ''}number from ${min} to ${max}`)
    return n
  }
  const sizes = values.sizes.split(',').map((s) => num('sizes', s.trim(), 1, 200_000))
  if (!['on', 'off', 'both'].includes(values.events)) usage('--events must be on, off or both')
  if (values.postgres && values.events === 'off') usage('--postgres is for events: use it with --events on or both')
  return {
    sizes,
    duration: num('duration', values.duration, 1, 600),
    connections: num('connections', values.connections, 1, 1000),
    json: values.json,
    out: values.out,
    seed: num('seed', values.seed, 0, 2 ** 32 - 1),
    warmup: num('warmup', values.warmup, 0, 60, false),
    keep: values.keep,
    profile: values.profile,
    buildTimeoutMs: num('build-timeout', values['build-timeout'], 10, 7200) * 1000,
    events: values.events as EventsMode,
    postgres: values.postgres,
  }
}

function usage(message: string): never {
  process.stderr.write(`bench: ${message}\n${USAGE}\n`)
  process.exit(2)
}

// ---------------------------------------------------------------------------------------------
// Child processes: every one is tracked and killed at the end, whatever happens.

const children = new Set<ChildProcess>()
const tempDirs = new Set<string>()

function killAll(signal: NodeJS.Signals = 'SIGKILL'): void {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill(signal)
}
process.on('exit', () => killAll())
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    log(`${sig}: stopping children and cleaning up`)
    killAll()
    void Promise.allSettled([...tempDirs].map((d) => rm(d, { recursive: true, force: true }))).then(() => process.exit(130))
  })
}

const t0 = performance.now()
function log(msg: string): void {
  process.stderr.write(`[bench ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${msg}\n`)
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Memory figures of a live process, from /proc (kB -> bytes). */
function procMemory(pid: number | undefined): { rss: number; hwm: number } | undefined {
  if (pid === undefined) return undefined
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') }
  } catch {
    return undefined
  }
}

/** CPU ticks: the whole machine busy, and the given processes (user + system, all threads). */
function cpuTicks(pids: number[]): { busy: number; total: number; own: number } {
  const f = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number)
  const idle = (f[3] ?? 0) + (f[4] ?? 0)
  const total = f.reduce((a, b) => a + b, 0)
  let own = 0
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      own += Number(fields[11]) + Number(fields[12]) // utime, stime (fields 14 and 15 of the line)
    } catch {
      // the process is gone: nothing of it to count
    }
  }
  return { busy: total - idle, total, own }
}

/** Linux clock ticks per second (USER_HZ) of /proc/stat and /proc/<pid>/stat. */
const TICKS_PER_S = 100

/** Share of the machine's CPU used by processes other than `pids` (and `alsoOwnMs` of CPU time of our own, e.g. an exited child) between two samples. */
function otherCpuShare(a: ReturnType<typeof cpuTicks>, b: ReturnType<typeof cpuTicks>, alsoOwnMs = 0): number {
  const total = b.total - a.total
  const own = b.own - a.own + (alsoOwnMs / 1000) * TICKS_PER_S
  return total <= 0 ? 0 : Math.max(0, (b.busy - a.busy - own) / total)
}

interface RunResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  ms: number
  timedOut: boolean
  /** Peak resident memory seen (VmHWM polled while it ran). */
  peakRss?: number
}

/** Run a command to completion, bounded by a timeout; polls its peak memory. */
function run(cmd: string, args: string[], timeoutMs: number, env: NodeJS.ProcessEnv = process.env): Promise<RunResult> {
  return new Promise((resolve) => {
    const start = performance.now()
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
    children.add(child)
    let stdout = ''
    let stderr = ''
    let peakRss: number | undefined
    let timedOut = false
    child.stdout!.on('data', (d: Buffer) => (stdout = (stdout + d.toString()).slice(-200_000)))
    child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-200_000)))
    const poll = setInterval(() => {
      const m = procMemory(child.pid)
      if (m && Number.isFinite(m.hwm)) peakRss = Math.max(peakRss ?? 0, m.hwm)
    }, 100)
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, timeoutMs)
    child.on('error', (err) => {
      stderr += String(err)
    })
    child.on('close', (code, signal) => {
      clearInterval(poll)
      clearTimeout(timer)
      children.delete(child)
      resolve({ code, signal, stdout, stderr, ms: performance.now() - start, timedOut, peakRss })
    })
  })
}

/** A free loopback port (there is a small race until the child binds it; fine on one machine). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.once('error', reject)
    srv.listen(0, HOST, () => {
      const port = (srv.address() as net.AddressInfo).port
      srv.close(() => resolve(port))
    })
  })
}

function httpStatus(port: number, urlPath: string, timeoutMs: number): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get({ host: HOST, port, path: urlPath, timeout: timeoutMs, agent: false }, (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    req.on('timeout', () => req.destroy())
    req.on('error', () => resolve(0))
  })
}

interface Server {
  name: string
  child: ChildProcess
  port: number
  coldStartMs: number
  stderrTail: () => string
}

/** Spawn a server and wait (polling /readyz every 20 ms) for its first 200; bounded. */
async function startServer(name: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<Server> {
  const port = await freePort()
  const fullArgs = args.map((a) => (a === '{port}' ? String(port) : a))
  const start = performance.now()
  const child = spawn(NODE, fullArgs, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] })
  children.add(child)
  let stderr = ''
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-20_000)))
  child.on('close', () => children.delete(child))
  const deadline = start + timeoutMs
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${name} exited before it was ready (code ${child.exitCode}, signal ${child.signalCode}): ${stderr.trim().slice(-2000)}`)
    }
    if ((await httpStatus(port, '/readyz', 1000)) === 200) break
    if (performance.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`${name} was not ready within ${timeoutMs / 1000} s`)
    }
    await sleep(20)
  }
  return { name, child, port, coldStartMs: performance.now() - start, stderrTail: () => stderr.trim().slice(-2000) }
}

/**
 * Wait until the server has worked off what a finished load run left queued (a load generator
 * stops sending at the end of its run, but the server still answers what it has accepted), so
 * that one run does not eat into the next: idle = under 10% of a core for half a second. Bounded.
 */
async function waitIdle(pid: number | undefined, timeoutMs = 180_000): Promise<number> {
  const start = performance.now()
  if (pid === undefined) return 0
  for (;;) {
    const a = cpuTicks([pid]).own
    await sleep(500)
    const b = cpuTicks([pid]).own
    if (b - a <= 5 || performance.now() - start > timeoutMs) return performance.now() - start
  }
}

/** SIGTERM, then SIGKILL after 10 s; resolves when the process is gone (bounded). */
function stopServer(s: Server): Promise<void> {
  const c = s.child
  if (c.exitCode !== null || c.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const kill = setTimeout(() => c.kill('SIGKILL'), 10_000)
    const giveUp = setTimeout(resolve, 15_000)
    c.once('close', () => {
      clearTimeout(kill)
      clearTimeout(giveUp)
      resolve()
    })
    c.kill('SIGTERM')
  })
}

// ---------------------------------------------------------------------------------------------
// Load

type ScenarioName = 'search' | 'search-nocache' | 'match-short' | 'match-40KB'
const SCENARIOS: ScenarioName[] = ['search', 'search-nocache', 'match-short', 'match-40KB']
/** Searches sent with `Cache-Control: no-cache`: what each search costs when it is run, not answered from kept answers. */
const NO_CACHE = { 'cache-control': 'no-cache' }

/** One request of a scenario, as the load generator and the sanity check send it. */
type PreparedRequest = LoadRequest

function scenarioRequests(w: Workload, s: ScenarioName): PreparedRequest[] {
  const post = (p: Paste): PreparedRequest => ({ method: 'POST', path: '/api/match', body: JSON.stringify({ text: p.text }) })
  if (s === 'search' || s === 'search-nocache') {
    return w.queries.map((q) => ({ method: 'GET', path: `/api/search?q=${encodeURIComponent(q)}`, ...(s === 'search-nocache' ? { headers: NO_CACHE } : {}) }))
  }
  return (s === 'match-short' ? w.shortPastes : w.longPastes).map(post)
}

interface LoadResult {
  p50: number
  p90: number
  p99: number
  max: number
  rps: number
  requests: number
  non2xx: number
  errors: number
  timeouts: number
  durationS: number
  /** Share of the machine's CPU used by other processes (not the server, not this benchmark or its load generator) during the run. */
  otherCpu?: number
  /** CPU time the load generator used (its whole process, start to end of the run), in ms. */
  loadgenCpuMs?: number
  /** How long the server stayed busy after the run ended (answering what was still queued). */
  drainMs?: number
  /** The server was restarted after this run because it stayed busy too long. */
  restartedAfter?: boolean
}

/**
 * Load one server with autocannon (rotating requests, bounded duration), run by bench/loadgen.ts in
 * a process of its own: this process holds the generated KB, and a load generator sharing its heap
 * paid for it in garbage collection (see loadgen.ts).
 */
async function load(port: number, reqs: PreparedRequest[], durationS: number, connections: number): Promise<LoadResult> {
  const job: LoadJob = {
    url: `http://${HOST}:${port}`,
    connections,
    durationS,
    requests: reqs,
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kb-load-'))
  try {
    const jobFile = path.join(dir, 'job.json')
    await writeFile(jobFile, JSON.stringify(job))
    const r = await run(NODE, [LOADGEN, jobFile], (durationS + 90) * 1000)
    const line = r.stdout.trim().split('\n').at(-1) ?? ''
    if (r.code !== 0 || !line.startsWith('{'))
      throw new Error(`load generator ${r.timedOut ? 'timed out' : `exit ${r.code ?? r.signal}`}: ${(r.stderr || r.stdout).trim().slice(-500)}`)
    const out = JSON.parse(line) as LoadOutcome
    // With no answer at all, autocannon reports 0 ms percentiles: there is no latency to report.
    const none = out.requests === 0
    return {
      p50: none ? NaN : out.p50,
      p90: none ? NaN : out.p90,
      p99: none ? NaN : out.p99,
      max: none ? NaN : out.max,
      rps: out.requests / Math.max(0.001, out.durationS),
      requests: out.requests,
      non2xx: out.non2xx,
      errors: out.errors,
      timeouts: out.timeouts,
      durationS: out.durationS,
      loadgenCpuMs: out.cpuMs,
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** Sequential requests for a sanity check: every answer 200 and JSON; for pastes, top-1 accuracy. */
async function check(
  port: number,
  reqs: PreparedRequest[],
  expected: string[] | undefined,
  limit: number,
  budgetMs: number,
): Promise<{ ok: number; bad: string[]; top1?: number }> {
  let ok = 0
  let right = 0
  let n = 0
  const bad: string[] = []
  const until = performance.now() + budgetMs
  for (let i = 0; i < Math.min(limit, reqs.length) && performance.now() < until; i++) {
    n++
    const r = reqs[i]!
    try {
      const res = await fetch(`http://${HOST}:${port}${r.path}`, {
        method: r.method,
        body: r.body,
        headers: { ...(r.body ? { 'content-type': 'application/json' } : {}), ...r.headers },
        signal: AbortSignal.timeout(30_000),
      })
      const text = await res.text()
      if (res.status !== 200) {
        if (bad.length < 3) bad.push(`${res.status} ${r.method} ${r.path.slice(0, 80)}: ${text.slice(0, 200)}`)
        continue
      }
      ok++
      const body = JSON.parse(text) as { results?: Array<{ id?: string }> }
      if (expected && body.results?.[0]?.id === expected[i]) right++
    } catch (err) {
      if (bad.length < 3) bad.push(`${r.method} ${r.path.slice(0, 80)}: ${(err as Error).message}`)
    }
  }
  return { ok, bad, ...(expected && n > 0 ? { top1: right / n } : {}) }
}

// ---------------------------------------------------------------------------------------------
// One size

interface ServerReport {
  buildMs?: number
  buildPeakRss?: number
  indexBytes?: number
  coldStartMs?: number
  rssIdle?: number
  rssAfter?: number
  load: Partial<Record<ScenarioName, LoadResult>>
  top1: Partial<Record<'match-short' | 'match-40KB', number>>
  errors: string[]
  /** What the reader should know about how a figure was taken. */
  notes: string[]
  /** kb-search's events, read from /metrics once its runs were done (events on). */
  events?: EventCounts
}

/** Events written and dropped (by reason) over a server's life, from its /metrics. */
interface EventCounts {
  written: number
  dropped: Record<string, number>
}

/** How kb-search is served for the events comparison: events off, or on with one of the two stores. */
type EventsVariant = 'off' | 'pglite' | 'postgres'
const VARIANT_NAMES: Record<EventsVariant, string> = { off: 'events off', pglite: 'PGlite', postgres: 'PostgreSQL' }

/** The variants `--events` asks for, in the order measured, with the settings each is served with. */
function eventVariants(o: Options, dataDir: string, pgUrl: string | undefined): Array<{ key: EventsVariant; env: NodeJS.ProcessEnv }> {
  const out: Array<{ key: EventsVariant; env: NodeJS.ProcessEnv }> = []
  // DATABASE_URL is always set, so one from the environment never turns the PGlite run into a PostgreSQL one.
  if (o.events !== 'on') out.push({ key: 'off', env: { KB_EVENTS: '0', DATABASE_URL: '' } })
  if (o.events !== 'off') {
    out.push({ key: 'pglite', env: { KB_EVENTS: '1', KB_DATA_DIR: dataDir, DATABASE_URL: '' } })
    if (pgUrl) out.push({ key: 'postgres', env: { KB_EVENTS: '1', DATABASE_URL: pgUrl } })
  }
  return out
}

/** The variant shown in the main table's kb-search column: as `kb serve` runs by default, unless events are off. */
const mainVariant = (o: Options): EventsVariant => (o.events === 'off' ? 'off' : 'pglite')

/** Read the events counters from /metrics, once they stop moving (the writer drains its buffer after a run); bounded. */
async function eventCounts(port: number, timeoutMs = 15_000): Promise<EventCounts | undefined> {
  const read = async (): Promise<EventCounts | undefined> => {
    try {
      const text = await (await fetch(`http://${HOST}:${port}/metrics`, { signal: AbortSignal.timeout(5000) })).text()
      const dropped: Record<string, number> = {}
      for (const m of text.matchAll(/^kb_events_dropped_total\{reason="([^"]+)"\} (\S+)$/gm)) dropped[m[1]!] = Number(m[2])
      return { written: Number(/^kb_events_written_total (\S+)$/m.exec(text)?.[1] ?? 0), dropped }
    } catch {
      return undefined
    }
  }
  const total = (c: EventCounts | undefined) => (c ? c.written + Object.values(c.dropped).reduce((a, b) => a + b, 0) : -1)
  const until = performance.now() + timeoutMs
  let last = await read()
  while (performance.now() < until) {
    await sleep(500)
    const next = await read()
    if (total(next) === total(last)) return next
    last = next
  }
  return last
}

const droppedTotal = (c: EventCounts | undefined): number | undefined => (c ? Object.values(c.dropped).reduce((a, b) => a + b, 0) : undefined)

type Column = 'kb' | 'floor' | 'minisearch'
const COLUMNS: Column[] = ['kb', 'floor', 'minisearch']

interface SizeReport {
  size: number
  seed: number
  markdownBytes: number
  generateMs: number
  servers: Record<Column, ServerReport>
  /** kb-search per events variant measured (the main variant is `servers.kb` itself). */
  events: Partial<Record<EventsVariant, ServerReport>>
  verdicts: Verdict[]
}

interface Verdict {
  metric: string
  target: string
  value: string
  pass: boolean
  /** The target is stated for this size (the others are shown for information). */
  official: boolean
}

async function benchSize(size: number, o: Options, pgUrl: string | undefined): Promise<SizeReport> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `kb-bench-${size}-`))
  tempDirs.add(dir)
  const articlesDir = path.join(dir, 'articles')
  const kbIndex = path.join(dir, 'kb-index.json')
  const msIndex = path.join(dir, 'minisearch.json')
  const servers: Record<Column, ServerReport> = {
    kb: { load: {}, top1: {}, errors: [], notes: [] },
    floor: { load: {}, top1: {}, errors: [], notes: [] },
    minisearch: { load: {}, top1: {}, errors: [], notes: [] },
  }
  try {
    log(`${size} articles: generating into ${articlesDir}`)
    const g0 = performance.now()
    const articles = generateArticles(size, o.seed)
    const { bytes: markdownBytes } = writeKb(articlesDir, articles)
    const generateMs = performance.now() - g0
    const workload = makeWorkload(articles, o.seed)
    log(`${size} articles: ${(markdownBytes / 1e6).toFixed(1)} MB of Markdown in ${(generateMs / 1000).toFixed(2)} s`)

    /** Run one index build, recording its time, peak memory and output size on the server's column. */
    const timedBuild = async (label: string, column: ServerReport, args: string[], out: string) => {
      log(`${size} articles: ${label}`)
      const b = await run(NODE, args, o.buildTimeoutMs)
      if (b.code === 0 && existsSync(out)) {
        column.buildMs = b.ms
        column.buildPeakRss = b.peakRss
        column.indexBytes = statSync(out).size
        log(`${size} articles: ${label} ${(b.ms / 1000).toFixed(1)} s, output ${(column.indexBytes / 1e6).toFixed(1)} MB`)
      } else {
        const why = b.timedOut ? `timed out after ${o.buildTimeoutMs / 1000} s` : `exit ${b.code ?? b.signal}: ${(b.stderr || b.stdout).trim().slice(-1500)}`
        column.errors.push(`${label} ${why}`)
        log(`${size} articles: ${label} failed: ${why}`)
      }
    }
    await timedBuild('kb build', servers.kb, [KB_CLI, 'build', '--articles', articlesDir, '--out', kbIndex, '--json'], kbIndex)
    await timedBuild('MiniSearch build', servers.minisearch, [MS_BUILD, '--articles', articlesDir, '--out', msIndex], msIndex)

    const env = { ...process.env, LOG_LEVEL: 'warn', NODE_ENV: 'production' }
    const profileArgs = o.profile ? [`--cpu-prof`, `--cpu-prof-dir=${path.resolve(o.profile, String(size))}`] : []
    const specs: Record<Column, { args: string[]; ready: boolean }> = {
      kb: {
        args: [...profileArgs, ...NODE_FLAGS, KB_CLI, 'serve', '--index', kbIndex, '--port', '{port}', '--host', HOST],
        ready: servers.kb.indexBytes !== undefined,
      },
      floor: { args: [FLOOR_SERVER, '--port', '{port}', '--host', HOST], ready: true },
      minisearch: { args: [MS_SERVER, '--index', msIndex, '--port', '{port}', '--host', HOST], ready: servers.minisearch.indexBytes !== undefined },
    }
    const events: SizeReport['events'] = {}
    for (const col of COLUMNS) {
      if (!specs[col].ready) continue
      if (col !== 'kb') {
        await measureServer(col, specs[col].args, env, workload, servers[col], o, size)
        continue
      }
      const variants = eventVariants(o, path.join(dir, 'events'), pgUrl).map((v) => ({
        ...v,
        env: { ...env, ...v.env },
        rep: v.key === mainVariant(o) ? servers.kb : { load: {}, top1: {}, errors: [], notes: [] },
      }))
      for (const v of variants) events[v.key] = v.rep
      if (variants.length === 1)
        await measureServer(col, specs[col].args, variants[0]!.env, workload, variants[0]!.rep, o, size, VARIANT_NAMES[variants[0]!.key])
      else await measureInterleaved(specs[col].args, variants, workload, o, size)
    }
    return { size, seed: o.seed, markdownBytes, generateMs, servers, events, verdicts: [] }
  } finally {
    if (!o.keep) {
      await rm(dir, { recursive: true, force: true })
      tempDirs.delete(dir)
    } else log(`kept ${dir}`)
  }
}

/**
 * kb-search served several ways (events off, PGlite, PostgreSQL), measured interleaved so that a
 * change in the machine's load hits them alike: every server is started first (idle, they cost
 * memory, not CPU), then for each scenario each server gets its warm-up and its run in turn, the
 * order rotated from one scenario to the next. Figures go to each variant's report, as
 * measureServer's do; the events counters are read from each before it stops.
 */
async function measureInterleaved(
  args: string[],
  variants: Array<{ key: EventsVariant; env: NodeJS.ProcessEnv; rep: ServerReport }>,
  w: Workload,
  o: Options,
  size: number,
): Promise<void> {
  const running: Array<{ key: EventsVariant; env: NodeJS.ProcessEnv; rep: ServerReport; server: Server; label: string }> = []
  try {
    for (const v of variants) {
      const label = `${size} articles: kb-search (${VARIANT_NAMES[v.key]})`
      try {
        log(`${label}: starting`)
        const server = await startServer(label, args, v.env, 300_000)
        v.rep.coldStartMs = server.coldStartMs
        for (const s of SCENARIOS) {
          const expected = s.startsWith('search') ? undefined : (s === 'match-short' ? w.shortPastes : w.longPastes).map((p) => p.expected)
          const res = await check(server.port, scenarioRequests(w, s), expected, s === 'match-40KB' ? 10 : s.startsWith('search') ? 30 : 50, 10_000)
          if (res.bad.length > 0) v.rep.errors.push(`${s} sanity check: ${res.bad.join(' | ')}`)
          if (res.top1 !== undefined && (s === 'match-short' || s === 'match-40KB')) v.rep.top1[s] = res.top1
        }
        await waitIdle(server.child.pid, DRAIN_LIMIT_MS)
        v.rep.rssIdle = procMemory(server.child.pid)?.rss
        v.rep.notes.push(
          `measured interleaved with ${variants
            .filter((x) => x !== v)
            .map((x) => VARIANT_NAMES[x.key])
            .join(' and ')}, the order rotated per scenario`,
        )
        log(`${label}: ready in ${(server.coldStartMs / 1000).toFixed(2)} s and checked, RSS ${mb(v.rep.rssIdle)}`)
        running.push({ ...v, server, label })
      } catch (err) {
        v.rep.errors.push((err as Error).message)
        log(`${label}: ${(err as Error).message}`)
      }
    }
    for (const [i, s] of SCENARIOS.entries()) {
      const order = running.map((_, k) => running[(k + i) % running.length]!)
      for (const v of order) {
        const reqs = scenarioRequests(w, s)
        if (o.warmup > 0) {
          await load(v.server.port, reqs, o.warmup, o.connections)
          await waitIdle(v.server.child.pid, DRAIN_LIMIT_MS)
        }
        const pids = [process.pid, v.server.child.pid ?? -1]
        const before = cpuTicks(pids)
        const r = await load(v.server.port, reqs, o.duration, o.connections)
        r.otherCpu = otherCpuShare(before, cpuTicks(pids), r.loadgenCpuMs)
        v.rep.load[s] = r
        v.rep.rssAfter = Math.max(v.rep.rssAfter ?? 0, procMemory(v.server.child.pid)?.rss ?? 0) || undefined
        r.drainMs = await waitIdle(v.server.child.pid, DRAIN_LIMIT_MS)
        if (r.drainMs >= DRAIN_LIMIT_MS) v.rep.notes.push(`still busy ${DRAIN_LIMIT_MS / 1000} s after the ${s} run`)
        log(
          `${v.label}: ${s}: p50 ${ms(r.p50)} p90 ${ms(r.p90)} p99 ${ms(r.p99)}, ${rate(r.rps)} req/s (${r.requests} answered), ` +
            `${r.non2xx} non-2xx, ${r.errors} errors; other processes took ${pct(r.otherCpu)} of the CPU`,
        )
      }
    }
  } catch (err) {
    for (const v of variants) v.rep.errors.push((err as Error).message)
    log(`${size} articles: kb-search: ${(err as Error).message}`)
  } finally {
    for (const v of running) {
      if (v.env.KB_EVENTS === '1') {
        v.rep.events = await eventCounts(v.server.port)
        log(`${v.label}: events written ${v.rep.events?.written ?? 'n/a'}, dropped ${v.rep.events ? JSON.stringify(v.rep.events.dropped) : 'n/a'}`)
      }
      await stopServer(v.server)
    }
  }
}

/** A server still busy this long after a load run is restarted, so its backlog does not eat into the next run. */
const DRAIN_LIMIT_MS = 30_000

async function measureServer(
  col: Column,
  args: string[],
  env: NodeJS.ProcessEnv,
  w: Workload,
  rep: ServerReport,
  o: Options,
  size: number,
  variant?: string,
): Promise<void> {
  const label = `${size} articles: ${NAMES[col]}${variant ? ` (${variant})` : ''}`
  let server: Server | undefined
  /** Wait for the server to work off its backlog; restart it if that takes too long. Returns the wait. */
  const settle = async (after: string): Promise<number> => {
    const waited = await waitIdle(server!.child.pid, DRAIN_LIMIT_MS)
    if (waited < DRAIN_LIMIT_MS) return waited
    log(`${label}: still busy ${DRAIN_LIMIT_MS / 1000} s after ${after}: restarting it so the backlog does not spill into what comes next`)
    rep.notes.push(`restarted after ${after}: still busy ${DRAIN_LIMIT_MS / 1000} s after it`)
    await stopServer(server!)
    server = await startServer(NAMES[col], args, env, 300_000)
    return waited
  }
  const warm = async (s: ScenarioName) => {
    if (o.warmup <= 0 || !server) return
    // The same load as the measured run that follows: p99 is then the steady state's, not V8 still optimizing.
    await load(server.port, scenarioRequests(w, s), o.warmup, o.connections)
    await settle(`the ${s} warm-up`)
  }
  try {
    log(`${label}: starting`)
    server = await startServer(NAMES[col], args, env, 300_000)
    rep.coldStartMs = server.coldStartMs
    log(`${label}: ready in ${(server.coldStartMs / 1000).toFixed(2)} s, RSS ${mb(procMemory(server.child.pid)?.rss)}`)

    // Sanity: every scenario answers 200 with JSON; pastes find their article (quality, for information).
    for (const s of SCENARIOS) {
      const reqs = scenarioRequests(w, s)
      const expected = s.startsWith('search') || col === 'floor' ? undefined : (s === 'match-short' ? w.shortPastes : w.longPastes).map((p) => p.expected)
      const res = await check(server.port, reqs, expected, s === 'match-40KB' ? 10 : s.startsWith('search') ? 30 : 50, 10_000)
      if (res.bad.length > 0) rep.errors.push(`${s} sanity check: ${res.bad.join(' | ')}`)
      if (res.top1 !== undefined && (s === 'match-short' || s === 'match-40KB')) rep.top1[s] = res.top1
      await settle(`the ${s} sanity check`)
    }

    rep.rssIdle = procMemory(server.child.pid)?.rss
    log(`${label}: checked, RSS ${mb(rep.rssIdle)}`)

    const rssSeen: number[] = []
    for (const [i, s] of SCENARIOS.entries()) {
      await warm(s)
      const pids = [process.pid, server.child.pid ?? -1]
      const before = cpuTicks(pids)
      const r = await load(server.port, scenarioRequests(w, s), o.duration, o.connections)
      r.otherCpu = otherCpuShare(before, cpuTicks(pids), r.loadgenCpuMs)
      const rss = procMemory(server.child.pid)?.rss
      if (rss !== undefined) rssSeen.push(rss)
      rep.load[s] = r
      r.drainMs = await waitIdle(server.child.pid, DRAIN_LIMIT_MS)
      log(
        `${label}: ${s}: p50 ${ms(r.p50)} p90 ${ms(r.p90)} p99 ${ms(r.p99)}, ${rate(r.rps)} req/s (${r.requests} answered), ` +
          `${r.non2xx} non-2xx, ${r.errors} errors; other processes took ${pct(r.otherCpu)} of the CPU; server busy ${ms(r.drainMs)} after the run`,
      )
      if (r.drainMs >= DRAIN_LIMIT_MS && i < SCENARIOS.length - 1) {
        r.restartedAfter = true
        rep.notes.push(`restarted after the ${s} run: still busy ${DRAIN_LIMIT_MS / 1000} s after it (latency percentiles count answered requests only)`)
        log(`${label}: still busy ${DRAIN_LIMIT_MS / 1000} s after the ${s} run: restarting it so the backlog does not spill into the next run`)
        await stopServer(server)
        server = await startServer(NAMES[col], args, env, 300_000)
      }
    }
    const last = procMemory(server.child.pid)?.rss
    if (last !== undefined) rssSeen.push(last)
    rep.rssAfter = rssSeen.length > 0 ? Math.max(...rssSeen) : undefined
    log(`${label}: RSS after load (highest seen after a run) ${mb(rep.rssAfter)}`)
  } catch (err) {
    rep.errors.push((err as Error).message)
    log(`${label}: ${(err as Error).message}`)
  } finally {
    if (server && col === 'kb' && env.KB_EVENTS === '1') {
      rep.events = await eventCounts(server.port)
      const e = rep.events
      log(`${label}: events written ${e?.written ?? 'n/a'}, dropped ${e ? JSON.stringify(e.dropped) : 'n/a'}`)
    }
    if (server) {
      await stopServer(server)
      const tail = server.stderrTail()
      if (tail && col === 'kb' && /"level":(50|60)/.test(tail)) rep.errors.push(`server logged errors: ${tail.slice(-500)}`)
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Targets and the table

const NAMES: Record<Column, string> = { kb: 'kb-search', floor: 'floor', minisearch: 'MiniSearch' }
const TARGET_SIZE = 10_000
const FLOOR_RATIO_SIZE = 1_000

function ms(v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) return 'n/a'
  if (v >= 1000) return `${(v / 1000).toFixed(2)} s`
  if (v >= 100) return `${v.toFixed(0)} ms`
  if (v >= 10) return `${v.toFixed(1)} ms`
  return `${v.toFixed(2)} ms`
}
function mb(v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) return 'n/a'
  return v >= 1e9 ? `${(v / 1e9).toFixed(2)} GB` : `${(v / 1e6).toFixed(1)} MB`
}
const num = (v: number | undefined, d = 0) =>
  v === undefined || !Number.isFinite(v) ? 'n/a' : v.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d })
const rate = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? 'n/a' : v < 10 ? v.toFixed(1) : num(v))
const pct = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? 'n/a' : `${(v * 100).toFixed(0)}%`)
const signedPct = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? 'n/a' : `${v >= 0 ? '+' : ''}${(v * 100).toFixed(1)}%`)

interface Row {
  metric: string
  cells: Record<Column, string>
  target?: string
  verdict?: string
}

function verdicts(r: SizeReport): Verdict[] {
  const out: Verdict[] = []
  const kb = r.servers.kb
  const msr = r.servers.minisearch
  const fl = r.servers.floor
  // 'info': shown with a verdict, never counted as a target (the uncached search, beside the served one).
  const add = (
    metric: string,
    target: string,
    value: number | undefined,
    pass: (v: number) => boolean,
    atSize: number | 'all' | 'info',
    shown: (v: number) => string,
  ) =>
    out.push({
      metric,
      target,
      value: value === undefined ? 'n/a' : shown(value),
      pass: value !== undefined && Number.isFinite(value) && pass(value),
      official: atSize === 'all' || atSize === r.size,
    })
  add('cold start', '< 3 s', kb.coldStartMs, (v) => v < 3000, TARGET_SIZE, ms)
  add('RSS idle', '< 1 GB', kb.rssIdle, (v) => v < 1e9, TARGET_SIZE, mb)
  add('RSS after load', '< 1 GB', kb.rssAfter, (v) => v < 1e9, TARGET_SIZE, mb)
  for (const s of SCENARIOS) {
    const l = kb.load[s]
    const search = s.startsWith('search')
    const at = s === 'search-nocache' ? 'info' : TARGET_SIZE
    add(`${s} p99`, search ? '< 50 ms' : '< 150 ms', l?.p99, (v) => v < (search ? 50 : 150), at, ms)
    const m = msr.load[s]?.rps
    add(`${s} req/s`, '> MiniSearch', l?.rps, (v) => m !== undefined && v > m, at, rate)
    add(
      `${s} failures`,
      '= 0',
      l ? l.non2xx + l.errors : undefined,
      (v) => v === 0,
      'all',
      (v) => num(v),
    )
  }
  // Events on against off: the cost of recording every question (and the events it lost).
  const off = r.events.off
  for (const key of ['pglite', 'postgres'] as const) {
    const on = r.events[key]
    if (!on) continue
    add(
      `events dropped (${VARIANT_NAMES[key]})`,
      '= 0',
      droppedTotal(on.events),
      (v) => v === 0,
      'all',
      (v) => num(v),
    )
    if (!off) continue
    for (const s of SCENARIOS) {
      const a = off.load[s]
      const b = on.load[s]
      const at = s === 'search-nocache' ? 'info' : TARGET_SIZE
      add(`${s} p99 ${VARIANT_NAMES[key]} vs off`, '≤ +10%', a && b ? b.p99 / a.p99 - 1 : undefined, (v) => v <= 0.1, at, signedPct)
      add(`${s} req/s ${VARIANT_NAMES[key]} vs off`, '≥ -10%', a && b ? b.rps / a.rps - 1 : undefined, (v) => v >= -0.1, at, signedPct)
    }
  }
  for (const s of ['search', 'search-nocache'] as const) {
    const ratio = kb.load[s] && fl.load[s] ? kb.load[s].rps / fl.load[s].rps : undefined
    add(
      `${s} req/s ÷ floor`,
      '≥ 0.50',
      ratio,
      (v) => v >= 0.5,
      s === 'search' ? FLOOR_RATIO_SIZE : 'info',
      (v) => v.toFixed(2),
    )
  }
  return out
}

function tableRows(r: SizeReport): Row[] {
  const s = r.servers
  const cells = (f: (x: ServerReport, col: Column) => string): Record<Column, string> => ({
    kb: f(s.kb, 'kb'),
    floor: f(s.floor, 'floor'),
    minisearch: f(s.minisearch, 'minisearch'),
  })
  const v = new Map(r.verdicts.map((x) => [x.metric, x]))
  const verdictOf = (metric: string) => {
    const x = v.get(metric)
    if (!x) return undefined
    return x.official ? (x.pass ? 'PASS' : 'FAIL') : x.pass ? 'pass' : 'fail'
  }
  const row = (metric: string, c: Record<Column, string>, verdictKey?: string): Row => {
    const x = verdictKey ? v.get(verdictKey) : undefined
    return { metric, cells: c, target: x?.target, verdict: verdictKey ? verdictOf(verdictKey) : undefined }
  }
  const rows: Row[] = [
    row(
      'build time',
      cells((x, col) => (col === 'floor' ? '-' : ms(x.buildMs))),
    ),
    row(
      'build peak RSS',
      cells((x, col) => (col === 'floor' ? '-' : mb(x.buildPeakRss))),
    ),
    row(
      'artifact / index size',
      cells((x, col) => (col === 'floor' ? '-' : mb(x.indexBytes))),
    ),
    row(
      'cold start',
      cells((x) => ms(x.coldStartMs)),
      'cold start',
    ),
    row(
      'RSS idle',
      cells((x) => mb(x.rssIdle)),
      'RSS idle',
    ),
    row(
      'RSS after load',
      cells((x) => mb(x.rssAfter)),
      'RSS after load',
    ),
  ]
  for (const sc of SCENARIOS) {
    rows.push(
      row(
        `${sc} p50`,
        cells((x) => ms(x.load[sc]?.p50)),
      ),
    )
    rows.push(
      row(
        `${sc} p90`,
        cells((x) => ms(x.load[sc]?.p90)),
      ),
    )
    rows.push(
      row(
        `${sc} p99`,
        cells((x) => ms(x.load[sc]?.p99)),
        `${sc} p99`,
      ),
    )
    rows.push(
      row(
        `${sc} req/s`,
        cells((x) => rate(x.load[sc]?.rps)),
        `${sc} req/s`,
      ),
    )
    if (sc === 'search' || sc === 'search-nocache') {
      const metric = `${sc} req/s ÷ floor`
      const x = v.get(metric)
      const msRps = s.minisearch.load[sc]?.rps
      const floorRps = s.floor.load[sc]?.rps
      rows.push({
        metric,
        cells: { kb: x?.value ?? 'n/a', floor: '1.00', minisearch: msRps && floorRps ? (msRps / floorRps).toFixed(2) : 'n/a' },
        target: x?.target,
        verdict: verdictOf(metric),
      })
    }
    rows.push(
      row(
        `${sc} failures`,
        cells((x) => (x.load[sc] ? num(x.load[sc]!.non2xx + x.load[sc]!.errors) : 'n/a')),
        `${sc} failures`,
      ),
    )
  }
  rows.push(
    row(
      'other CPU during load',
      cells((x) => pct(Math.max(...SCENARIOS.map((sc) => x.load[sc]?.otherCpu ?? NaN).filter(Number.isFinite)))),
    ),
  )
  rows.push(
    row(
      'match-short top-1',
      cells((x, col) => (col === 'floor' ? '-' : pct(x.top1['match-short']))),
    ),
  )
  rows.push(
    row(
      'match-40KB top-1',
      cells((x, col) => (col === 'floor' ? '-' : pct(x.top1['match-40KB']))),
    ),
  )
  return rows
}

function renderTable(r: SizeReport, o: Options): string {
  const W = { metric: 28, col: 12, target: 14, verdict: 7 }
  const pad = (s: string, n: number, right = false) => (s.length > n ? s.slice(0, n) : right ? s.padStart(n) : s.padEnd(n))
  const line = (m: string, a: string, b: string, c: string, t: string, v: string) =>
    `${pad(m, W.metric)} | ${pad(a, W.col, true)} | ${pad(b, W.col, true)} | ${pad(c, W.col, true)} | ${pad(t, W.target)} | ${pad(v, W.verdict)}`.trimEnd()
  const out: string[] = []
  out.push(
    `${num(r.size)} articles (seed ${r.seed}; ${mb(r.markdownBytes)} of Markdown generated in ${ms(r.generateMs)}); ` +
      `load: ${o.connections} connections, ${o.duration} s per run`,
  )
  out.push(line('', 'kb-search', 'floor', 'MiniSearch', 'target', 'verdict'))
  out.push(`${'-'.repeat(W.metric)}-+-${'-'.repeat(W.col)}-+-${'-'.repeat(W.col)}-+-${'-'.repeat(W.col)}-+-${'-'.repeat(W.target)}-+-${'-'.repeat(W.verdict)}`)
  for (const row of tableRows(r)) out.push(line(row.metric, row.cells.kb, row.cells.floor, row.cells.minisearch, row.target ?? '', row.verdict ?? ''))
  for (const col of COLUMNS) for (const e of r.servers[col].errors) out.push(`! ${NAMES[col]}: ${e.replace(/\s+/g, ' ').slice(0, 400)}`)
  for (const col of COLUMNS) for (const e of r.servers[col].notes) out.push(`* ${NAMES[col]}: ${e}`)
  return out.join('\n')
}

/** kb-search served with events off and on, side by side: p99 and req/s per scenario (on: also the change from off), events written and dropped. */
function renderEventsTable(r: SizeReport): string {
  const keys = (['off', 'pglite', 'postgres'] as const).filter((k) => r.events[k])
  if (keys.length === 0) return ''
  const W = { metric: 22, col: 20, target: 9, verdict: 7 }
  const pad = (x: string, n: number, right = false) => (x.length > n ? x.slice(0, n) : right ? x.padStart(n) : x.padEnd(n))
  const line = (m: string, cells: string[], t: string, v: string) =>
    `${pad(m, W.metric)} | ${cells.map((c) => pad(c, W.col, true)).join(' | ')} | ${pad(t, W.target)} | ${pad(v, W.verdict)}`.trimEnd()
  const byMetric = new Map(r.verdicts.map((x) => [x.metric, x]))
  /** One verdict for a row: every events-on variant's (PASS/FAIL when any is official). */
  const verdictOf = (metrics: string[]) => {
    const xs = metrics.map((m) => byMetric.get(m)).filter((x): x is Verdict => x !== undefined)
    if (!xs.length) return { target: '', verdict: '' }
    const pass = xs.every((x) => x.pass)
    const official = xs.some((x) => x.official)
    return { target: xs[0]!.target, verdict: official ? (pass ? 'PASS' : 'FAIL') : pass ? 'pass' : 'fail' }
  }
  const on = keys.filter((k) => k !== 'off')
  const out = [
    `events (issue 17): kb-search served ${keys.map((k) => VARIANT_NAMES[k]).join(', then ')}; same workload and load; on: change from off in brackets`,
  ]
  out.push(
    line(
      '',
      keys.map((k) => VARIANT_NAMES[k]),
      'target',
      'verdict',
    ),
  )
  out.push(`${'-'.repeat(W.metric)}-+-${keys.map(() => '-'.repeat(W.col)).join('-+-')}-+-${'-'.repeat(W.target)}-+-${'-'.repeat(W.verdict)}`)
  const off = r.events.off
  for (const sc of SCENARIOS) {
    for (const [what, f, show] of [
      ['p99', (l: LoadResult) => l.p99, ms],
      ['req/s', (l: LoadResult) => l.rps, rate],
    ] as const) {
      const cells = keys.map((k) => {
        const l = r.events[k]?.load[sc]
        if (!l) return 'n/a'
        const base = off?.load[sc]
        return k !== 'off' && base ? `${show(f(l))} (${signedPct(f(l) / f(base) - 1)})` : show(f(l))
      })
      const v = verdictOf(on.map((k) => `${sc} ${what} ${VARIANT_NAMES[k]} vs off`))
      out.push(line(`${sc} ${what}`, cells, v.target, v.verdict))
    }
  }
  out.push(
    line(
      'events written',
      keys.map((k) => (k === 'off' ? '-' : num(r.events[k]?.events?.written))),
      '',
      '',
    ),
  )
  const dropped = verdictOf(on.map((k) => `events dropped (${VARIANT_NAMES[k]})`))
  out.push(
    line(
      'events dropped',
      keys.map((k) => (k === 'off' ? '-' : num(droppedTotal(r.events[k]?.events)))),
      dropped.target,
      dropped.verdict,
    ),
  )
  for (const k of keys)
    for (const e of r.events[k]?.errors ?? [])
      if (r.events[k] !== r.servers.kb) out.push(`! kb-search (${VARIANT_NAMES[k]}): ${e.replace(/\s+/g, ' ').slice(0, 400)}`)
  return out.join('\n')
}

/** The commit and how many files under src/ differ from it: what was measured. */
function sourceState(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8', timeout: 10_000 }).trim()
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd: ROOT, encoding: 'utf8', timeout: 10_000 })
      .split('\n')
      .filter((l) => l.trim()).length
    return dirty > 0 ? `${head} with ${dirty} uncommitted change(s) under src/` : head
  } catch {
    return 'unknown (not a git checkout)'
  }
}

/** Digest of the bundled server (build/bundle), to notice if something rebuilt it during the run. */
function buildDigest(): string {
  const h = createHash('sha256')
  const dir = path.join(ROOT, 'build', 'bundle')
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.js'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort()
  for (const f of files) h.update(f).update(readFileSync(f))
  return h.digest('hex').slice(0, 12)
}

function machine() {
  let cpu = 'unknown CPU'
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpu
  } catch {
    cpu = os.cpus()[0]?.model ?? cpu
  }
  return { cpu, cores: os.availableParallelism(), ramBytes: os.totalmem(), node: process.version, platform: `${os.type()} ${os.release()} ${os.arch()}` }
}

/** Compile the project and the benchmark's child programs, so what runs is the current source. */
async function compile(): Promise<void> {
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc')
  // bench/tsconfig.json holds src/ and bench/: one compiler run for the CLI, the server and the benchmark's children.
  for (const project of [path.join('bench', 'tsconfig.json')]) {
    log(`compiling ${project}`)
    const r = await run(NODE, [tsc, '-p', project], 300_000)
    if (r.code !== 0)
      log(
        `warning: tsc -p ${project} exited ${r.code ?? r.signal}; using what it emitted:\n${(r.stdout + r.stderr).trim().split('\n').slice(0, 10).join('\n')}`,
      )
  }
  for (const f of [KB_CLI, FLOOR_SERVER, MS_BUILD, MS_SERVER, LOADGEN])
    if (!existsSync(f)) throw new Error(`${path.relative(ROOT, f)} is missing after compiling`)
}

/** Stops the PostgreSQL that --postgres started, if any. */
let stopPostgres: (() => void) | undefined

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2))
  const m = machine()
  const header = `kb-search benchmark - ${m.cpu}, ${m.cores} cores, ${(m.ramBytes / 2 ** 30).toFixed(1)} GiB RAM, Node ${m.node}, ${m.platform}`
  const print = (s: string) => (o.json ? process.stderr : process.stdout).write(`${s}\n`)
  print(header)
  print(
    'floor = minimal Fastify route returning a constant; MiniSearch = default options, same fields, same process shape.\n' +
      `Targets apply at ${num(TARGET_SIZE)} articles (search req/s ÷ floor at ${num(FLOOR_RATIO_SIZE)}): PASS/FAIL there, pass/fail elsewhere for information.\n` +
      'The load generator runs on the same machine (loopback), so it shares the CPU with the server;\n' +
      '"other CPU during load" is the share of the CPU that other processes took during a load run (worst run).',
  )
  await compile()
  // A PostgreSQL for the events: DATABASE_URL's, or a throwaway cluster (--postgres), stopped at the end.
  let pgUrl = o.events === 'off' ? undefined : process.env.DATABASE_URL || undefined
  if (!pgUrl && o.postgres) {
    const { startPostgres } = await import('../test/helpers/postgres.js')
    log('starting a throwaway PostgreSQL for the events (--postgres)')
    const pg = await startPostgres()
    stopPostgres = () => pg.close()
    pgUrl = pg.url
  }
  const source = sourceState()
  const digest = buildDigest()
  print(`Source measured: ${source}; bundled server build/bundle ${digest}.`)
  const reports: SizeReport[] = []
  for (const size of o.sizes) {
    const before = buildDigest()
    const rep = await benchSize(size, o, pgUrl)
    rep.verdicts = verdicts(rep)
    const after = buildDigest()
    if (after !== before)
      rep.servers.kb.notes.push(`build/bundle changed during this size (${before} -> ${after}): something rebuilt the server while it was measured`)
    reports.push(rep)
    print('')
    print(renderTable(rep, o))
    const events = renderEventsTable(rep)
    if (events) {
      print('')
      print(events)
    }
  }
  const summary = { machine: m, source, buildDigest: digest, options: o, generatedAt: new Date().toISOString(), results: reports }
  const json = `${JSON.stringify(summary, null, 2)}\n`
  if (o.out) await writeFile(o.out, json)
  if (o.json) process.stdout.write(json)
  const officialFails = reports.flatMap((r) =>
    r.verdicts.filter((v) => v.official && !v.pass).map((v) => `${num(r.size)}: ${v.metric} ${v.value} (target ${v.target})`),
  )
  print('')
  print(officialFails.length === 0 ? 'All targets that apply at the measured sizes are met.' : `Targets not met:\n  ${officialFails.join('\n  ')}`)
  log('done')
}

main()
  .catch((err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
    process.exitCode = 1
  })
  .finally(async () => {
    killAll()
    try {
      stopPostgres?.()
    } catch (err) {
      process.stderr.write(`bench: stopping PostgreSQL: ${(err as Error).message}\n`)
    }
    await Promise.allSettled([...tempDirs].map((d) => rm(d, { recursive: true, force: true })))
  })
