/**
 * The Fastify application as a plugin: routes, schemas, OpenAPI, error handling. It never
 * listens; `server.ts` does. Tests build it with `createApp` and talk to it with supertest.
 */
import swagger from '@fastify/swagger'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyInstance, type FastifyPluginAsync, type FastifyRequest, type FastifyServerOptions } from 'fastify'
import fp from 'fastify-plugin'
import { Ajv, type ValidateFunction } from 'ajv'
import rateLimit from '@fastify/rate-limit'
import { corsPlugin } from './http/cors.js'
import { DeferredSchemas } from './http/deferred-schemas.js'
import { eventsPlugin } from './http/events.js'
import type { EventStore } from './runtime/events/store.js'
import { metricsPlugin } from './http/metrics.js'
import { SearchCache } from './runtime/query/cache.js'
import { InThreadRunner, type QueryRunner } from './runtime/query/runner.js'
import { Errors } from './api/errors.js'
import { clientErrorHandler, frameworkErrors, installErrorHandling } from './http/error-handler.js'
import { articleRoutes } from './http/routes/articles.js'
import { healthRoutes } from './http/routes/health.js'
import { insightsRoutes } from './http/routes/insights.js'
import { matchRoutes } from './http/routes/match.js'
import { searchRoutes } from './http/routes/search.js'
import { type DevFeed, webRoutes } from './http/routes/web.js'
import { schemaRoutes } from './http/routes/schema.js'
import { ErrorResponse, NOT_BLANK } from './api/schemas.js'
import type { KnowledgeBase } from './runtime/kb.js'
import { LIMITS } from './limits.js'

/** What the server knows about its KB at a moment. */
export interface KbState {
  current: KnowledgeBase | undefined
  ready: boolean
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The KB to answer from; throws a 503 API error if none is loaded. */
    kb(): KnowledgeBase
    kbState(): KbState
    /** Serve a new KB from the next request on (the swap is one assignment). */
    swapKb(kb: KnowledgeBase): void
    /** Mark the server as draining: readiness turns false, requests in flight finish. */
    setDraining(draining: boolean): void
    /** Mark the server as warming: its KB is loaded, no query worker holds it yet; readiness waits. */
    setWarming(warming: boolean): void
    /** Time budget of one match, in milliseconds. */
    matchBudgetMs: number
    /** Where searches and matches run (in arrival order, on this thread or a worker). */
    queries: QueryRunner
    /** Search answers kept by build and query. */
    searchCache: SearchCache
    /** Route schemas not compiled yet (compiled on first use, or by `compileAll` once the server is ready). */
    deferredSchemas: DeferredSchemas
  }
  interface FastifyRequest {
    /** The KB this request is answered from, fixed when it arrives (a swap never splits a request). */
    kb: KnowledgeBase
  }
}

/** Options of the app plugin. */
export interface AppOptions {
  /** The KB to serve from the start (optional: it can be swapped in later). */
  kb?: KnowledgeBase
  /** Request body limit, in bytes, named in the 413 message. */
  bodyLimit: number
  /** Origins whose pages may call the API cross-origin (`KB_CORS_ORIGINS`); default: none. */
  corsOrigins?: readonly string[]
  /** Folder of the built widget and hosted page; default: build/public in the package. */
  webDir?: string
  /** Requests per minute per client address on /api/*; 0 or absent: no limit. */
  rateLimitPerMinute?: number
  /** Redis URL (KB_REDIS_URL) of the rate limit's counts, one budget per client across every replica given it; absent: counted in this process. */
  rateLimitRedisUrl?: string
  /** Time budget of one match, in milliseconds; default 2000. */
  matchBudgetMs?: number
  /** Where queries run; default: on the event loop, in arrival order. */
  queries?: QueryRunner
  /** Bytes of search answers to keep (query/cache.ts); 0 or absent: none. */
  searchCacheBytes?: number
  /** Where the KCS loop's events go; absent: events are off (answers still carry a queryId). */
  events?: EventStore
  /** Keep each question as sent beside its redacted form (KB_STORE_RAW_PASTES=1). */
  storeRawPastes?: boolean
  /** Bearer token of the insights API (KB_ADMIN_TOKEN); empty or absent: insights are off (404). */
  adminToken?: string
  /** `kb dev`'s builds: the page follows them (reloads, shows lint problems) through /dev/events; absent: no such route. */
  dev?: DevFeed
}

/** The application plugin (not encapsulated, so the server can reach `swapKb` and `setDraining`). */
const app: FastifyPluginAsync<AppOptions> = async (app, opts) => {
  let current = opts.kb
  let draining = false
  let warming = false
  app.decorate('kb', () => {
    if (!current) throw Errors.notReady()
    return current
  })
  app.decorate('kbState', () => ({ current, ready: current !== undefined && !draining && !warming }))
  app.decorate('swapKb', (kb: KnowledgeBase) => {
    current = kb
  })
  app.decorate('setDraining', (d: boolean) => {
    draining = d
  })
  app.decorate('setWarming', (w: boolean) => {
    warming = w
  })
  app.decorate('matchBudgetMs', opts.matchBudgetMs ?? 2000)
  const queries = opts.queries ?? new InThreadRunner()
  app.decorate('queries', queries)
  app.decorate('searchCache', new SearchCache(opts.searchCacheBytes ?? 0))
  app.addHook('onClose', async () => queries.close())
  app.decorateRequest('kb', null as unknown as KnowledgeBase)
  // Each API request takes the KB once, on arrival, and says which build answered it.
  app.addHook('onRequest', async (req, reply) => {
    if (!isApiRoute(req)) return
    req.kb = app.kb()
    reply.header('x-kb-build', req.kb.artifact.header.buildId)
  })

  await app.register(swagger, {
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`) },
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'KB search',
        description: 'Search and symptom matching over troubleshooting articles.',
        version: '1',
      },
    },
  })
  app.addSchema(ErrorResponse)
  const deferred = new DeferredSchemas()
  app.setValidatorCompiler(deferred.validators(compileValidator))
  app.setSerializerCompiler(deferred.serializers(app))
  app.decorate('deferredSchemas', deferred)
  // JSON only: a text/plain body is answered with 415 rather than read as an unexpected string.
  app.removeContentTypeParser('text/plain')
  installErrorHandling(app, { bodyLimit: opts.bodyLimit })
  await app.register(corsPlugin, { origins: opts.corsOrigins ?? [] })
  await app.register(metricsPlugin)
  if (opts.rateLimitPerMinute) {
    const max = opts.rateLimitPerMinute
    const redis = opts.rateLimitRedisUrl ? await sharedCounts(opts.rateLimitRedisUrl, app) : undefined
    await app.register(rateLimit, {
      max,
      timeWindow: 60_000,
      allowList: (req) => !isApiRoute(req),
      errorResponseBuilder: (_req, ctx) => Errors.rateLimited(max, ctx.ttl),
      // Redis unreachable: requests are answered without a limit rather than failed (an outage of the
      // limit's store must not become an outage of the API); each request costs at most the command timeout.
      ...(redis ? { redis, nameSpace: 'kb-rate-limit-', skipOnError: true } : {}),
    })
  }

  await app.register(eventsPlugin, { store: opts.events, storeRaw: opts.storeRawPastes === true })
  await app.register(healthRoutes)
  await app.register(searchRoutes)
  await app.register(matchRoutes)
  await app.register(articleRoutes)
  await app.register(insightsRoutes, { adminToken: opts.adminToken ?? '' })
  await app.register(webRoutes, { dir: opts.webDir, dev: opts.dev })
  await app.register(schemaRoutes)
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())
}

export const appPlugin = fp(app, { name: 'kb-app', fastify: '5.x' })

/**
 * The Redis client of the shared rate limit, closed with the app. Set so that no request waits on
 * Redis: without a connection a command fails at once (no offline queue, no retry), a slow one
 * after 250 ms, and the rate limit then lets the request through. It reconnects by itself (every
 * 2 s at most); the log says once when it is lost and when it is back.
 */
async function sharedCounts(url: string, app: FastifyInstance) {
  // Loaded only when configured: a server without KB_REDIS_URL never evaluates the client.
  const ioredis = await import('ioredis')
  // In a chunk of the split server bundle a CommonJS module has only its default export, the client class.
  const Redis = ioredis.Redis ?? ioredis.default
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: 250,
    connectTimeout: 1000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  })
  let reachable = true
  redis.on('error', (err: Error) => {
    if (!reachable) return
    reachable = false
    app.log.warn({ reason: err.message }, 'rate limit store (Redis) unreachable: requests are answered without the shared limit until it is back')
  })
  redis.on('ready', () => {
    if (reachable) return
    reachable = true
    app.log.info('rate limit store (Redis) reachable again')
  })
  app.addHook('onClose', async () => redis.disconnect())
  return redis
}

/**
 * True when the request was routed to an API route. Asked of the route the router matched, never
 * of `req.url`: the router decodes the path (`/%61pi/search` is `/api/search`) and reads an
 * absolute-form target (`GET http://host/api/search`) by its path, so a test of the raw URL let
 * those reach an API handler without a KB (a 500) and past the rate limit.
 */
export function isApiRoute(req: FastifyRequest): boolean {
  return req.routeOptions.url?.startsWith('/api/') === true
}

// Query strings and path params arrive as text, so they are coerced to their schema types;
// JSON bodies are not: `{"text": 5}` is a client error, not the string "5". The route schemas are
// not checked against JSON Schema's meta-schema at every start (compiling it took 120-170 ms of
// the main thread's start, for each instance), but once by a test (test/schemas.test.ts).
const AJV_OPTIONS = { useDefaults: true, removeAdditional: false, allErrors: false, strict: false, validateSchema: false } as const
const ajvFor = {
  coercing: new Ajv({ ...AJV_OPTIONS, coerceTypes: 'array' }),
  strict: new Ajv({ ...AJV_OPTIONS, coerceTypes: false }),
}

/** Compile a route schema with the Ajv instance for its part of the request. */
function compileValidator({ schema, httpPart }: { schema: object; httpPart?: string }): ValidateFunction {
  const ajv = httpPart === 'body' ? ajvFor.strict : ajvFor.coercing
  return ajv.compile(schema)
}

/**
 * The values a union of literals allows, quoted and listed, when that union is what failed: Ajv
 * reports one `const` error per alternative, then the `anyOf`, and "must be equal to constant"
 * would not tell the client what to send.
 */
function allowedValues(errors: readonly { keyword: string; instancePath: string; params: object }[], path: string | undefined): string | undefined {
  const here = errors.filter((e) => e.instancePath === path)
  if (!here.some((e) => e.keyword === 'anyOf')) return undefined
  const consts = here.filter((e) => e.keyword === 'const').map((e) => (e.params as { allowedValue?: unknown }).allowedValue)
  if (consts.length === 0 || consts.length !== here.length - 1) return undefined
  return consts.map((v) => JSON.stringify(v)).join(', ')
}

/** Fastify options the app relies on (validation behaviour, body limit). */
export function fastifyOptions(bodyLimit: number, extra: FastifyServerOptions = {}): FastifyServerOptions {
  return {
    bodyLimit,
    // An article id is the longest path parameter; lint accepts no longer id (LIMITS.articleIdChars).
    routerOptions: { maxParamLength: LIMITS.articleIdChars },
    clientErrorHandler,
    frameworkErrors,
    schemaErrorFormatter: (errors, dataVar) => {
      const e = errors[0]
      const where = `${dataVar}${e?.instancePath ?? ''}`
      const params = e?.params as { additionalProperty?: string; pattern?: string } | undefined
      const allowed = allowedValues(errors, e?.instancePath)
      const message = params?.additionalProperty
        ? `${where} has an unknown field "${params.additionalProperty}"`
        : params?.pattern === NOT_BLANK
          ? `${where} must not be empty or white space only`
          : allowed
            ? `${where} must be one of ${allowed}`
            : `${where} ${e?.message ?? 'is invalid'}`
      return new Error(message)
    },
    ...extra,
  }
}

/** Build a ready-to-use app instance (not listening). */
export async function createApp(opts: AppOptions, extra: FastifyServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify(fastifyOptions(opts.bodyLimit, extra)).withTypeProvider<TypeBoxTypeProvider>()
  await app.register(appPlugin, opts)
  await app.ready()
  return app as unknown as FastifyInstance
}
