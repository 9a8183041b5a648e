/**
 * Prometheus metrics at GET /metrics: request counts and latency per route, the served index
 * (articles, bytes, build id), and matches that ended with no confident answer, which are the
 * articles the KB is missing. One registry per app, so several apps in one process stay apart.
 */
import type { FastifyPluginAsync } from 'fastify'
import fp from 'fastify-plugin'
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

declare module 'fastify' {
  interface FastifyInstance {
    metrics: AppMetrics
  }
}

/** The app's own metrics, for routes to update. */
export interface AppMetrics {
  registry: Registry
  matches: Counter<'outcome'>
  /** Events (the KCS loop) not written, by reason: buffer_full, db_unavailable, shutdown. */
  eventsDropped: Counter<'reason'>
  eventsWritten: Counter
}

const plugin: FastifyPluginAsync = async (app) => {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'kb_' })
  const requests = new Counter({
    name: 'kb_http_requests_total',
    help: 'HTTP requests by route, method and status code',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [registry],
  })
  const latency = new Histogram({
    name: 'kb_http_request_duration_seconds',
    help: 'Time from request received to response sent, by route',
    labelNames: ['route', 'method'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  })
  const matches = new Counter({
    name: 'kb_match_total',
    help: 'Symptom matches by outcome: confident, no_confident_match (a gap in the KB), partial (time budget hit)',
    labelNames: ['outcome'] as const,
    registers: [registry],
  })
  const eventsDropped = new Counter({
    name: 'kb_events_dropped_total',
    help: 'Events (questions, opens, feedback, uses) not written, by reason: buffer_full, db_unavailable, shutdown',
    labelNames: ['reason'] as const,
    registers: [registry],
  })
  const eventsWritten = new Counter({ name: 'kb_events_written_total', help: 'Events written to the events database', registers: [registry] })
  new Gauge({
    name: 'kb_events_database_ready',
    help: 'Whether the events database has been opened and migrated (1) or not (0: events off, or still opening; events wait in a bounded buffer meanwhile)',
    registers: [registry],
    collect() {
      this.set(app.events?.database() ? 1 : 0)
    },
  })
  new Gauge({
    name: 'kb_index_articles',
    help: 'Articles in the served index',
    registers: [registry],
    collect() {
      this.set(app.kbState().current?.artifact.articles.length ?? 0)
    },
  })
  new Gauge({
    name: 'kb_index_bytes',
    help: 'Size of the served index artifact',
    registers: [registry],
    collect() {
      this.set(app.kbState().current?.artifact.bytes ?? 0)
    },
  })
  new Gauge({
    name: 'kb_index_info',
    help: 'The served index; the build_id label identifies it (1 while served)',
    labelNames: ['build_id'] as const,
    registers: [registry],
    collect() {
      this.reset()
      const id = app.kbState().current?.artifact.header.buildId
      if (id) this.set({ build_id: id }, 1)
    },
  })
  new Gauge({
    name: 'kb_query_queue_depth',
    help: 'Searches and matches waiting for their turn (arrival order); a depth that stays high means the server needs a replica',
    registers: [registry],
    collect() {
      this.set(app.queries.depth)
    },
  })
  new Counter({
    name: 'kb_queries_total',
    help: 'Searches and matches answered, by thread: worker (a query worker) or main (before the workers hold the index, or when none can answer)',
    labelNames: ['thread'] as const,
    registers: [registry],
    collect() {
      this.reset()
      this.inc({ thread: 'worker' }, app.queries.answered.worker)
      this.inc({ thread: 'main' }, app.queries.answered.main)
    },
  })
  new Counter({
    name: 'kb_search_cache_total',
    help: 'Searches by how they were answered: hit (a kept answer, or joined the same search running), miss (run, then kept), bypass (Cache-Control: no-cache)',
    labelNames: ['result'] as const,
    registers: [registry],
    collect() {
      this.reset()
      for (const [result, n] of Object.entries(app.searchCache.counts)) this.inc({ result }, n)
    },
  })
  new Gauge({
    name: 'kb_search_cache_bytes',
    help: 'Size of the search answers kept (KB_SEARCH_CACHE_MB bounds it)',
    registers: [registry],
    collect() {
      this.set(app.searchCache.size.bytes)
    },
  })
  app.decorate('metrics', { registry, matches, eventsDropped, eventsWritten })

  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched'
    requests.inc({ route, method: req.method, status: String(reply.statusCode) })
    latency.observe({ route, method: req.method }, reply.elapsedTime / 1000)
  })

  app.get('/metrics', { schema: { hide: true } }, async (_req, reply) => {
    reply.type(registry.contentType)
    return registry.metrics()
  })
}

export const metricsPlugin = fp(plugin, { name: 'kb-metrics' })
