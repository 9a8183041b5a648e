/**
 * Queries in a worker thread, so a 2-core machine answers them on one core while the main thread
 * handles HTTP on the other. The worker loads the same artifact file as the main thread; until it
 * has loaded a build, after it crashed, or for a build it no longer holds, queries run on the main
 * thread instead (InThreadRunner), so a request is never lost and never answered from another
 * index than the one it took on arrival.
 */
import { Worker } from 'node:worker_threads'
import type { FastifyBaseLogger } from 'fastify'
import type { KnowledgeBase } from '../kb.js'
import type { MatchParams, MatchResult } from '../match/match.js'
import type { SearchParams, SearchResult } from '../search/search.js'
import type { SharedKb, WorkerReply, WorkerRequest } from './protocol.js'
import { InThreadRunner, type QueryRunner } from './runner.js'

// The worker's entry beside this file: .js when compiled, .ts when run from source (tsx).
const ENTRY = new URL(`./worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url)
/** Restarts after a crash, at most, before queries stay on the main thread. */
const MAX_RESTARTS = 5

type Pending = { resolve: (r: WorkerReply) => void }
/** Distributive Omit, so each request variant keeps its own fields. */
type Request = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never

/** Runs queries in one worker thread, falling back to the main thread. */
export class WorkerRunner implements QueryRunner {
  private worker: Worker | undefined
  private readonly pending = new Map<number, Pending>()
  private nextId = 1
  private readonly ready = new Set<string>()
  private current: KnowledgeBase | undefined
  private restarts = 0
  private closed = false
  private readonly local = new InThreadRunner()
  /** Queries answered by the worker and, when it could not, by the main thread. */
  readonly answered = { worker: 0, main: 0 }

  constructor(private readonly log: FastifyBaseLogger) {}

  get depth(): number {
    return this.pending.size + this.local.depth
  }

  /** Hand the worker a loaded KB (the main thread has loaded and checked it). Resolves true when the worker holds it. */
  async load(kb: KnowledgeBase): Promise<boolean> {
    this.current = kb
    const buildId = kb.artifact.header.buildId
    const r = await this.send({ type: 'load', kb: shareable(kb) })
    if ('ok' in r) {
      this.ready.add(buildId)
      // The worker keeps the last two builds; older ones would be answered "missing" anyway.
      for (const old of this.ready) if (this.ready.size > 2) this.ready.delete(old)
      return true
    }
    this.log.warn({ buildId, reason: 'error' in r ? r.error : 'worker unavailable' }, 'query worker could not load the index; queries run on the main thread')
    return false
  }

  async search(kb: KnowledgeBase, params: SearchParams): Promise<SearchResult> {
    const r = await this.ask(kb, { type: 'search', buildId: kb.artifact.header.buildId, params })
    return r === undefined ? this.local.search(kb, params) : (r as SearchResult)
  }

  async match(kb: KnowledgeBase, params: MatchParams, budgetMs: number): Promise<MatchResult> {
    const r = await this.ask(kb, { type: 'match', buildId: kb.artifact.header.buildId, params, budgetMs })
    return r === undefined ? this.local.match(kb, params, budgetMs) : (r as MatchResult)
  }

  async close(): Promise<void> {
    this.closed = true
    const w = this.worker
    this.worker = undefined
    if (w) await w.terminate()
  }

  /** The worker's answer, or undefined when the main thread must answer. */
  private async ask(kb: KnowledgeBase, req: Request): Promise<unknown> {
    if (!this.ready.has(kb.artifact.header.buildId)) {
      this.answered.main++
      return undefined
    }
    const r = await this.send(req)
    if ('error' in r) throw new Error(r.error)
    if ('ok' in r) this.answered.worker++
    else this.answered.main++ // the caller falls back to the main thread
    return 'ok' in r ? r.result : undefined
  }

  private send(req: Request): Promise<WorkerReply> {
    const worker = this.spawn()
    if (!worker) return Promise.resolve({ id: 0, missing: true })
    const id = this.nextId++
    return new Promise((resolve) => {
      // While it owes an answer, the worker keeps the process alive; otherwise it does not.
      if (this.pending.size === 0) worker.ref()
      this.pending.set(id, { resolve })
      worker.postMessage({ ...req, id } as WorkerRequest)
    })
  }

  private spawn(): Worker | undefined {
    if (this.worker || this.closed) return this.worker
    // From source (tests), the worker registers the TypeScript loader first.
    const w = ENTRY.pathname.endsWith('.ts')
      ? new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(ENTRY.href)}) })`, { eval: true })
      : new Worker(ENTRY)
    w.unref()
    w.on('message', (r: WorkerReply) => {
      const p = this.pending.get(r.id)
      this.pending.delete(r.id)
      if (this.pending.size === 0) w.unref()
      p?.resolve(r)
    })
    w.on('error', (err) => this.log.error({ reason: err.message }, 'query worker failed'))
    w.on('exit', (code) => {
      if (this.worker !== w) return
      this.worker = undefined
      this.ready.clear()
      // Everything it still owed is answered on the main thread.
      for (const [id, p] of this.pending) p.resolve({ id, missing: true })
      this.pending.clear()
      if (this.closed) return
      this.log.error({ code }, 'query worker exited; queries run on the main thread')
      if (this.restarts++ < MAX_RESTARTS && this.current) void this.load(this.current)
    })
    this.worker = w
    return w
  }
}

/** What the worker needs of a KB: the index's shared arrays, and the articles' plain text (not HTML or Markdown). */
function shareable(kb: KnowledgeBase): SharedKb {
  const { header, bytes, articles, codes, index } = kb.artifact
  const text = (t: { text: string }) => ({ markdown: '', html: '', text: t.text })
  return {
    header,
    bytes,
    codes,
    engine: index.parts(),
    articles: articles.map((a) => ({ ...a, cause: text(a.cause), resolution: text(a.resolution), body: text(a.body) })),
  }
}
