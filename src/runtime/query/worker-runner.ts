/**
 * Queries in worker threads (KB_QUERY_WORKERS; by default one per core, at most 4), so they are
 * answered off the main thread, which handles HTTP. Each worker receives every build the main
 * thread loads (the index arrays in shared memory); a match goes to the least busy worker holding
 * its build, a search always to the first one holding it (pick), at most IN_FLIGHT per worker,
 * the others waiting here in arrival order. Until a worker has loaded a build, after it crashed,
 * or for a build none holds, queries run on the main thread instead (InThreadRunner), so a request
 * is never lost and never answered from another index than the one it took on arrival.
 *
 * Except the query a worker was running when it died (out of memory under its heap limit, a
 * crash): that one is never run again, here or in another worker, since it may well be what
 * killed it; it answers 503 KB_QUERY_FAILED. The worker restarts; the queries it had not started
 * go on as above.
 */
import type { Worker } from 'node:worker_threads'
import type { FastifyBaseLogger } from 'fastify'
import { startThread, stopThread, threadEntry } from '../../threads.js'
import type { KnowledgeBase } from '../kb.js'
import type { MatchParams } from '../../core/match/match.js'
import type { SearchParams } from '../../core/search/search.js'
import type { Answer, MatchAnswer } from './answers.js'
import { Errors } from '../../api/errors.js'
import { KEPT_BUILDS, type StoredKb, type SharedKb, type WorkerReply, type WorkerRequest } from './protocol.js'
import { errorFromReply, InThreadRunner, type QueryRunner } from './runner.js'

// The worker's entry beside this file: .js when compiled, .ts when run from source (tsx).
const ENTRY = threadEntry('worker', import.meta.url)
/** Restarts of one worker in a row without a successful load, at most, before it is left down. */
const MAX_RESTARTS = 5
/**
 * Queries sent to one worker at a time, at most; the rest wait on the main thread, in arrival
 * order, for the first worker with room. A worker that stalls (a long garbage collection) then
 * holds up these few and not a queue of its own, while the others go on. Two, so that a worker
 * never waits idle for its next query to reach it.
 */
export const IN_FLIGHT = 2
/**
 * Heap of one query worker (V8's old generation), in MB, unless configured: a worker whose query
 * runs away dies at this size, instead of growing until the machine kills the whole process. A
 * worker holds the articles' META (their text stays compressed in shared memory, outside the
 * heap), the few bodies it decoded last, and its queries' garbage.
 */
export const WORKER_HEAP_MB = 512

/** Options of the query workers. */
export interface WorkerOptions {
  /** Heap limit of each worker (V8 old generation), in MB (default WORKER_HEAP_MB). */
  heapMb?: number
  /** The worker's entry module (default: worker.ts beside this file); tests give one that misbehaves. */
  entry?: URL
}

/** Distributive Omit, so each request variant keeps its own fields. */
type Request = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never
type QueryRequest = Exclude<Request, { type: 'load' | 'store' }>

/** A query waiting for a worker with room; settles with the worker's result, or undefined for the main thread to answer. */
interface Waiting {
  req: QueryRequest
  resolve: (result: unknown) => void
  reject: (err: Error) => void
}

/** One worker thread: the queries it owes and the builds it holds; respawned after a crash. */
class QueryThread {
  private worker: Worker | undefined
  private readonly pending = new Map<number, (r: WorkerReply) => void>()
  private nextId = 1
  private readonly builds = new Set<string>()
  private current: SharedKb | undefined
  private restarts = 0
  private closed = false

  constructor(
    private readonly name: string,
    private readonly log: FastifyBaseLogger,
    private readonly options: Required<WorkerOptions>,
  ) {}

  /** Queries sent and not yet answered. */
  get owed(): number {
    return this.pending.size
  }

  holds(buildId: string): boolean {
    return this.builds.has(buildId)
  }

  /** Hand the thread a build; resolves with the reason when it could not take it. */
  async load(kb: SharedKb): Promise<string | undefined> {
    this.current = kb
    const r = await this.send({ type: 'load', kb })
    if (!('ok' in r)) return 'error' in r ? r.error : 'worker unavailable'
    // Restarts are counted until a load succeeds: a worker a query killed comes back every time,
    // one that cannot hold the build is left down after MAX_RESTARTS.
    this.restarts = 0
    this.builds.add(kb.header.buildId)
    for (const old of this.builds) if (this.builds.size > KEPT_BUILDS) this.builds.delete(old)
    return undefined
  }

  /** Start the thread now, so that loading its module overlaps reading the index. */
  start(): void {
    this.spawn()
  }

  send(req: Request): Promise<WorkerReply> {
    const worker = this.spawn()
    if (!worker) return Promise.resolve({ id: 0, missing: true })
    const id = this.nextId++
    return new Promise((resolve) => {
      // While it owes an answer, the worker keeps the process alive; otherwise it does not.
      if (this.pending.size === 0) worker.ref()
      this.pending.set(id, resolve)
      worker.postMessage({ ...req, id } as WorkerRequest)
    })
  }

  async close(): Promise<void> {
    this.closed = true
    const w = this.worker
    this.worker = undefined
    if (w) await stopThread(w)
  }

  private spawn(): Worker | undefined {
    if (this.worker || this.closed) return this.worker
    // No execArgv: a worker refuses V8 flags there, and runs with the process's own (memory.ts, NODE_FLAGS).
    const w = startThread(this.options.entry, { name: this.name, resourceLimits: { maxOldGenerationSizeMb: this.options.heapMb } })
    w.unref()
    w.on('message', (r: WorkerReply) => {
      const resolve = this.pending.get(r.id)
      this.pending.delete(r.id)
      if (this.pending.size === 0) w.unref()
      resolve?.(r)
    })
    w.on('error', (err) => this.log.error({ worker: this.name, reason: err.message }, 'query worker failed'))
    w.on('exit', (code) => {
      if (this.worker !== w) return
      this.worker = undefined
      this.builds.clear()
      // A worker runs its messages one at a time, in order: the first one it owed is the one it was
      // running, which may be what killed it; it is never run again. The others, not started, are
      // answered elsewhere.
      let running = true
      for (const [id, resolve] of this.pending) {
        resolve(running ? { id, died: true } : { id, missing: true })
        running = false
      }
      this.pending.clear()
      if (this.closed) return
      this.log.error({ worker: this.name, code }, 'query worker exited; the query it was running answers 503, the others go elsewhere')
      if (this.restarts++ < MAX_RESTARTS && this.current) void this.load(this.current)
    })
    this.worker = w
    return w
  }
}

/** Runs queries in worker threads, falling back to the main thread. */
export class WorkerRunner implements QueryRunner {
  private readonly threads: QueryThread[]
  private readonly local = new InThreadRunner()
  private readonly waiting: Waiting[] = []
  /** Queries answered by a worker and, when none could, by the main thread. */
  readonly answered = { worker: 0, main: 0 }

  constructor(
    private readonly log: FastifyBaseLogger,
    threads = 1,
    options: WorkerOptions = {},
  ) {
    const opts = { heapMb: options.heapMb || WORKER_HEAP_MB, entry: options.entry ?? ENTRY }
    this.threads = Array.from({ length: Math.max(1, threads) }, (_, i) => new QueryThread(`kb-query-${i + 1}`, log, opts))
  }

  get depth(): number {
    return this.waiting.length + this.threads.reduce((n, t) => n + t.owed, 0) + this.local.depth
  }

  /**
   * Start the first worker thread before there is a KB to give it: a thread takes a while to load
   * its modules. The others start when their turn to load comes (`load`, one after the other):
   * loading their modules sooner would take CPU from reading the index, on the way to ready.
   */
  start(): void {
    this.threads[0]!.start()
  }

  /**
   * Hand the worker that loads first a build's store, before the build is checked: it opens the
   * articles while the loader decodes the postings, and uses them when `load` hands it the build.
   * Resolves with the number of articles it opened, or undefined when it could not open them.
   */
  async prepare(stored: StoredKb): Promise<number | undefined> {
    const r = await this.threads[0]!.send({ type: 'store', stored })
    return 'ok' in r ? (r.result as number) : undefined // the articles it opened, or none (the load will say why)
  }

  /**
   * Hand every worker a checked artifact (its shared memory: each worker opens it itself), one
   * after the other: opening it is mostly allocation and garbage collection, and two workers opening
   * it at once took as long as one after the other (100,000 articles: 3.6-3.9 s each together,
   * 2.1-2.4 s alone), so this way the first holds it in about half the time. `onFirst` is called
   * once one worker holds it, or with false when none could. Resolves true when at least one holds it.
   */
  async load(shared: SharedKb, onFirst?: (held: boolean) => void): Promise<boolean> {
    const failed: string[] = []
    let first = true
    for (const t of this.threads) {
      const reason = await t.load(shared)
      this.pump() // queries waiting may go to the worker that now holds the build, or to the main thread
      if (reason !== undefined) failed.push(reason)
      else if (first) {
        first = false
        onFirst?.(true)
      }
    }
    if (first) onFirst?.(false)
    if (failed.length > 0) {
      this.log.warn({ buildId: shared.header.buildId, reason: failed[0], workers: failed.length }, 'query worker could not load the index')
    }
    return failed.length < this.threads.length
  }

  async search(kb: KnowledgeBase, params: SearchParams): Promise<Answer> {
    const r = await this.ask(kb, { type: 'search', buildId: kb.artifact.header.buildId, params })
    return r === undefined ? this.local.search(kb, params) : (r as Answer)
  }

  async match(kb: KnowledgeBase, params: MatchParams, budgetMs: number): Promise<MatchAnswer> {
    const r = await this.ask(kb, { type: 'match', buildId: kb.artifact.header.buildId, params, budgetMs })
    return r === undefined ? this.local.match(kb, params, budgetMs) : (r as MatchAnswer)
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.close()))
  }

  /** The answer of a worker holding the build, or undefined when the main thread must answer. */
  private ask(kb: KnowledgeBase, req: QueryRequest): Promise<unknown> {
    if (!this.threads.some((t) => t.holds(kb.artifact.header.buildId))) {
      this.answered.main++
      return Promise.resolve(undefined)
    }
    return new Promise((resolve, reject) => {
      this.waiting.push({ req, resolve, reject })
      this.pump()
    })
  }

  /** Send waiting queries, in arrival order, to workers with room. */
  private pump(): void {
    for (let i = 0; i < this.waiting.length && this.threads.some((t) => t.owed < IN_FLIGHT);) {
      const w = this.waiting[i]!
      const thread = this.pick(w.req)
      if (thread === undefined) {
        i++ // its workers are busy: later queries may go to another
        continue
      }
      this.waiting.splice(i, 1)
      if (thread === null) {
        this.answered.main++ // no worker holds its build any more
        w.resolve(undefined)
      } else void this.dispatch(thread, w)
    }
  }

  /**
   * The worker for a query: null when none holds its build, undefined when those that do have no room.
   * Matches go to the least busy one. Searches go to the first: a search costs less than handling
   * its HTTP request, so a second search thread only takes CPU from the main thread (measured:
   * search p99 47 -> 99 ms at 10,000 articles with two).
   */
  private pick(req: QueryRequest): QueryThread | null | undefined {
    let holder = false
    let best: QueryThread | undefined
    for (const t of this.threads) {
      if (!t.holds(req.buildId)) continue
      if (req.type === 'search') return t.owed < IN_FLIGHT ? t : undefined
      holder = true
      if (t.owed < IN_FLIGHT && (!best || t.owed < best.owed)) best = t
    }
    return holder ? best : null
  }

  private async dispatch(thread: QueryThread, w: Waiting): Promise<void> {
    const r = await thread.send(w.req)
    if ('error' in r) w.reject(errorFromReply(r))
    else if ('died' in r) {
      const q = w.req.type === 'search' ? w.req.params.q : w.req.type === 'match' ? w.req.params.text : ''
      this.log.error({ type: w.req.type, input: q.slice(0, 200), chars: q.length }, 'query worker died running this query; answered 503, not retried')
      w.reject(Errors.queryFailed())
    } else if ('ok' in r) {
      this.answered.worker++
      w.resolve(r.result)
    } else {
      this.answered.main++ // the caller falls back to the main thread
      w.resolve(undefined)
    }
    this.pump()
  }
}
