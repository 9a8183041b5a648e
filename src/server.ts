/**
 * The server shell around the app: logging, timeouts, request ids, listen, graceful close on
 * SIGTERM/SIGINT (readiness turns false, the listener closes after KB_SHUTDOWN_DELAY_MS, in-flight
 * requests finish, and past KB_SHUTDOWN_TIMEOUT_MS the process exits anyway, with code 1), and
 * reload on SIGHUP (the new artifact is loaded in a thread of its own beside the old one and
 * swapped in; a broken or inconsistent one is refused and logged).
 */
import { hostname } from 'node:os'
import Fastify, { type FastifyInstance } from 'fastify'
import { appPlugin, fastifyOptions } from './app.js'
import { type Config, parseCorsOrigins, parseTrustProxy, queryWorkerCount } from './config.js'
import { EventStore } from './runtime/events/store.js'
import { type IndexLoading, type KnowledgeBase, loadKnowledgeBaseOffThread, startLoadingIndex } from './runtime/kb.js'
import { missingNodeFlags } from './runtime/memory.js'
import { warmUp } from './runtime/query/warmup.js'
import { WorkerRunner } from './runtime/query/worker-runner.js'

/** The events store the configuration names: PostgreSQL with DATABASE_URL, else PGlite under KB_DATA_DIR. */
function eventStoreFor(config: Config, app: FastifyInstance, openAfter: Promise<unknown>): EventStore {
  return new EventStore({
    openAfter,
    dataDir: config.KB_DATA_DIR,
    ...(config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : {}),
    replica: config.KB_REPLICA || `${hostname()}-${process.pid}`,
    retentionDays: config.KB_EVENTS_RETENTION_DAYS,
    flushMs: config.KB_EVENTS_FLUSH_MS,
    // The metrics exist once the app plugin is registered, before any event is recorded.
    onDrop: (reason, n) => app.metrics?.eventsDropped.inc({ reason }, n),
    onWritten: (n) => app.metrics?.eventsWritten.inc(n),
    warn: (message) => app.log.warn(message),
    info: (message) => app.log.info(message),
  })
}

/** Start serving the artifact named by the configuration. Throws ArtifactError if it cannot load. */
/**
 * Start serving `config.KB_INDEX`. The artifact is read, checked and decoded in a thread of its own
 * while this thread sets the app up (modules, routes, schemas); `loading` is that load when the
 * caller started it already (`kb serve` does, before it loads this module: startLoadingIndex).
 */
export async function startServer(config: Config, loading: IndexLoading = startLoadingIndex(config.KB_INDEX)): Promise<FastifyInstance> {
  const app = Fastify(
    fastifyOptions(config.KB_MAX_BODY_BYTES, {
      logger: { level: config.LOG_LEVEL },
      requestIdHeader: 'x-request-id',
      requestTimeout: 30_000,
      connectionTimeout: 60_000,
      keepAliveTimeout: 72_000,
      return503OnClosing: true,
      forceCloseConnections: 'idle',
      // Fastify accepts a hop count too; its types leave numbers out.
      trustProxy: parseTrustProxy(config.KB_TRUST_PROXY) as boolean | string,
    }),
  )
  // Queries run in worker threads (KB_QUERY_WORKERS of them) once they have loaded the index; until
  // then, and whenever none can answer, on the main thread. They run with the process's V8 flags.
  const queries = config.KB_QUERY_WORKER
    ? new WorkerRunner(app.log, queryWorkerCount(config.KB_QUERY_WORKERS), { heapMb: config.KB_QUERY_WORKER_HEAP_MB })
    : undefined
  queries?.start()
  // Events are written off the request path; the database opens in the background once the
  // server is ready (PGlite's start would compete with loading the index, here and in the query
  // workers, for the CPU; a server answers before the database is ready: its events wait in the
  // writer's bounded buffer).
  let markReady = (): void => undefined
  const isReady = new Promise<void>((resolve) => (markReady = resolve))
  // Route schemas not compiled by a first request are compiled once the server is ready (app.ts).
  void isReady.then(() =>
    app.deferredSchemas.compileAll().catch((err: unknown) => app.log.error({ reason: (err as Error).message }, 'a route schema does not compile')),
  )
  const events = config.KB_EVENTS ? eventStoreFor(config, app, isReady) : undefined
  events?.ready.catch(() => undefined)
  await app.register(appPlugin, {
    queries,
    events,
    storeRawPastes: config.KB_STORE_RAW_PASTES,
    adminToken: config.KB_ADMIN_TOKEN,
    bodyLimit: config.KB_MAX_BODY_BYTES,
    corsOrigins: parseCorsOrigins(config.KB_CORS_ORIGINS),
    rateLimitPerMinute: config.KB_RATE_LIMIT_PER_MINUTE,
    // Closed with the app (its onClose), so a drained process leaves no connection behind.
    ...(config.KB_REDIS_URL ? { rateLimitRedisUrl: config.KB_REDIS_URL } : {}),
    matchBudgetMs: config.KB_MATCH_BUDGET_MS,
    searchCacheBytes: config.KB_SEARCH_CACHE_MB * 1024 * 1024,
  })
  let closing = false
  // A response sent while draining closes its connection: a keep-alive connection left idle after
  // its last answer would otherwise hold the close open until the keep-alive timeout.
  app.addHook('onSend', async (_req, reply) => {
    if (closing) reply.header('connection', 'close')
  })
  await app.ready()
  // Ready once a query worker holds the index too: until then this thread answers every query
  // besides handling HTTP (measured at 100,000 articles: 20-90 matches a second instead of 700), so
  // a load balancer waits. A server whose workers cannot load it is ready all the same. The workers
  // open it as soon as it is checked, while this thread opens it and starts listening; each warms
  // the build it loads.
  const started = performance.now()
  const ms = () => Math.round(performance.now() - started)
  const ready = (held: boolean) => {
    app.log.info({ held, ms: ms() }, held ? 'a query worker holds the index; ready' : 'no query worker holds the index; ready, queries run on the main thread')
    app.setWarming(false)
    markReady()
  }
  if (queries) app.setWarming(true)
  let kb: KnowledgeBase
  let held: Promise<boolean> | undefined
  try {
    void loading.stored.then((stored) => queries?.prepare(stored))
    const shared = await loading.checked
    held = queries?.load(shared, ready)
    kb = await loading.kb
  } catch (err) {
    await app.close()
    await events?.close(0)
    throw err
  }
  app.swapKb(kb)
  // No full collection here: decoding happened in the loader thread, whose heap went with it (a
  // forced one after loading 10,000 articles took 40 ms and gave back nothing).
  const missing = missingNodeFlags()
  if (missing.length > 0)
    app.log.warn({ missing }, 'node was started without these V8 flags (the kb command sets them): more memory after load, a longer tail for large pastes')
  await app.listen({ port: config.PORT, host: config.HOST })
  app.log.info({ buildId: kb.artifact.header.buildId, articles: kb.artifact.articles.length, index: config.KB_INDEX }, 'serving')
  if (held) {
    void held.then(
      (held) => held && app.log.info({ ms: ms() }, 'every query worker holds the index'),
      () => ready(false),
    )
  } else {
    // Without a worker, the main thread warms it here.
    markReady()
    void warmUp(kb, () => app.kb() === kb)
  }

  const close = async (signal: string) => {
    if (closing) return
    closing = true
    // The deadline holds whatever is still running: a request that never ends, a worker that
    // does not stop. Only the main thread busy for longer could hold it up (every query has a budget).
    setTimeout(() => {
      app.server.getConnections((_err, connections) => {
        app.log.error({ signal, deadlineMs: config.KB_SHUTDOWN_TIMEOUT_MS, connections }, 'shutdown deadline passed; exiting with requests still open')
        process.exit(1)
      })
    }, config.KB_SHUTDOWN_TIMEOUT_MS).unref()
    // Readiness first, while still serving, so a load balancer stops sending before the listener closes.
    app.setDraining(true)
    const delay = signal === 'SIGTERM' ? config.KB_SHUTDOWN_DELAY_MS : 0
    app.log.info({ signal, delayMs: delay }, 'draining, then closing')
    if (delay > 0) await new Promise((r) => setTimeout(r, delay))
    await app.close()
    // What is still buffered gets a moment to be written; the rest is counted as dropped.
    await events?.close(Math.min(2000, config.KB_SHUTDOWN_TIMEOUT_MS / 4))
    process.exit(0)
  }
  process.once('SIGTERM', () => void close('SIGTERM'))
  process.once('SIGINT', () => void close('SIGINT'))
  // Reloads run one after another: two signals in quick succession could otherwise finish out
  // of order and leave the older file's index in service.
  let reloading = Promise.resolve()
  const reload = async () => {
    try {
      // Read and checked in a thread of its own: serving goes on meanwhile. What decoding needed
      // stays in that thread's heap and goes when it exits, so unlike at start there is nothing
      // large to collect here, and a full collection would stall the requests.
      const next = await loadKnowledgeBaseOffThread(config.KB_INDEX)
      // The worker gets the new build before the swap, so queries move to it without a gap.
      await queries?.load(next.artifact.shared)
      app.swapKb(next)
      if (!queries) void warmUp(next, () => app.kb() === next)
      app.log.info({ buildId: next.artifact.header.buildId, articles: next.artifact.articles.length }, 'index reloaded')
    } catch (err) {
      app.log.error({ reason: (err as Error).message }, 'index reload refused; still serving the previous index')
    }
  }
  process.on('SIGHUP', () => {
    reloading = reloading.then(reload)
  })
  return app
}
