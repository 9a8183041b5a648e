/**
 * Configuration: read from the environment once, at start, validated, then passed down.
 * Nothing else in the code reads process.env (but config-basics.ts: which artifact `kb serve` starts
 * reading before this module loads).
 */
import { availableParallelism } from 'node:os'
import Type, { type Static } from 'typebox'
import { Value } from 'typebox/value'

import { ConfigError, DEFAULT_INDEX } from './config-basics.js'

export { ConfigError, DEFAULT_INDEX } from './config-basics.js'

export const ConfigSchema = Type.Object({
  /** Port to listen on. */
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  /** Address to listen on; 0.0.0.0 inside a container. */
  HOST: Type.String({ minLength: 1, default: '127.0.0.1' }),
  /** Path of the index artifact to serve. */
  KB_INDEX: Type.String({ minLength: 1, default: DEFAULT_INDEX }),
  /** Pino log level. */
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  /** Largest request body accepted, in bytes (a pasted log is the big one). */
  KB_MAX_BODY_BYTES: Type.Integer({ minimum: 1024, maximum: 16 * 1024 * 1024, default: 256 * 1024 }),
  /** Origins (comma-separated) whose pages may call the API from the browser; empty: none. */
  KB_CORS_ORIGINS: Type.String({ default: '' }),
  /** Requests per minute per client address on /api/*; 0: no limit (local use). */
  KB_RATE_LIMIT_PER_MINUTE: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
  /**
   * A Redis URL (`redis://host:6379`, `rediss://` for TLS): the rate limit counts there, so every
   * replica given the same URL shares one budget per client; while it is unreachable, requests are
   * answered without a limit (fail open). Empty: each process counts its own.
   */
  KB_REDIS_URL: Type.String({ default: '' }),
  /** Time budget of one match, in milliseconds. */
  KB_MATCH_BUDGET_MS: Type.Integer({ minimum: 10, maximum: 60_000, default: 2000 }),
  /** Answer searches and matches in worker threads (the other cores); 0: on the main thread only (one core, less memory). */
  KB_QUERY_WORKER: Type.Boolean({ default: true }),
  /** Query worker threads (with KB_QUERY_WORKER); 0: one per core, at most 4. Each holds its own copy of the articles' text. */
  KB_QUERY_WORKERS: Type.Integer({ minimum: 0, maximum: 16, default: 0 }),
  /** Heap limit of each query worker, in MB (V8 old generation); a worker past it dies and restarts, its query answered 503. 0: 512. */
  KB_QUERY_WORKER_HEAP_MB: Type.Integer({ minimum: 0, maximum: 65536, default: 0 }),
  /** Megabytes of search answers to keep, by build and query (repeated searches skip the query); 0: no cache. */
  KB_SEARCH_CACHE_MB: Type.Integer({ minimum: 0, maximum: 4096, default: 32 }),
  /** Behind a load balancer: "true", a hop count, or addresses/CIDRs of trusted proxies, so rate limits and logs see client addresses. */
  KB_TRUST_PROXY: Type.String({ default: '' }),
  /**
   * Milliseconds from SIGTERM or SIGINT to exit, at most: requests still open then are cut off and the
   * process exits with code 1. 10 s: five default match budgets, well past any answer the limits
   * allow, and inside Kubernetes' default grace period of 30 s with room for KB_SHUTDOWN_DELAY_MS.
   */
  KB_SHUTDOWN_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 600_000, default: 10_000 }),
  /**
   * Milliseconds between SIGTERM and closing the listener, while /readyz already answers 503 and
   * requests are still served: the time a load balancer needs to notice and stop sending (in
   * Kubernetes, about the readiness probe's period). Part of KB_SHUTDOWN_TIMEOUT_MS. SIGINT (Ctrl-C)
   * skips it. 1 s by default: enough for a balancer polling every second, short for local use.
   */
  KB_SHUTDOWN_DELAY_MS: Type.Integer({ minimum: 0, maximum: 300_000, default: 1000 }),
  /** Record the KCS loop's events (questions, opens, feedback, uses); off: answers still carry a queryId, nothing is stored. */
  KB_EVENTS: Type.Boolean({ default: true }),
  /** Folder of the embedded events database (PGlite), used when DATABASE_URL is not set. */
  KB_DATA_DIR: Type.String({ minLength: 1, default: './data' }),
  /** A PostgreSQL connection string: events go to that server (shared by replicas) instead of KB_DATA_DIR. */
  DATABASE_URL: Type.String({ default: '' }),
  /** Keep each question as sent, beside its redacted form. Off by default: pastes hold secrets and personal data. */
  KB_STORE_RAW_PASTES: Type.Boolean({ default: false }),
  /**
   * Milliseconds questions are held and grouped before they are written (sooner when 500 rows are
   * waiting). A row costs the database about 60 µs of CPU (PGlite), a repeated question in a row
   * nothing: at 2,000 cached searches a second over 400 distinct questions, events on cost 19 µs of
   * CPU per answer with 1 s and 6 µs with 5 s. Insights lag by as much.
   */
  KB_EVENTS_FLUSH_MS: Type.Integer({ minimum: 10, maximum: 60_000, default: 5000 }),
  /** Days events are kept; older ones are deleted daily. */
  KB_EVENTS_RETENTION_DAYS: Type.Integer({ minimum: 1, maximum: 3650, default: 90 }),
  /**
   * Bearer token of the insights API and dashboard; empty: insights are off. Surrounding whitespace
   * is dropped (a secrets file's last newline); otherwise at least ADMIN_TOKEN_MIN_CHARS printable
   * ASCII characters with no space (adminToken).
   */
  KB_ADMIN_TOKEN: Type.String({ default: '' }),
  /** Name of this replica in stored events; default: host name and process id. */
  KB_REPLICA: Type.String({ default: '' }),
})
export type Config = Static<typeof ConfigSchema>

/** Parse configuration from an environment, applying defaults; throws a message naming the bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const picked: Record<string, unknown> = {}
  for (const key of Object.keys(ConfigSchema.properties)) {
    const v = env[key]
    if (v !== undefined && v !== '') picked[key] = v
  }
  const withDefaults = Value.Default(ConfigSchema, Value.Convert(ConfigSchema, picked))
  const errors = Value.Errors(ConfigSchema, withDefaults)
  if (errors.length > 0) {
    const e = errors[0]!
    throw new ConfigError(`${e.instancePath.slice(1) || 'environment'} ${e.message} (got ${JSON.stringify(env[e.instancePath.slice(1)])})`)
  }
  const config = withDefaults as Config
  if (config.KB_SHUTDOWN_DELAY_MS >= config.KB_SHUTDOWN_TIMEOUT_MS) {
    throw new ConfigError(
      `KB_SHUTDOWN_DELAY_MS (${config.KB_SHUTDOWN_DELAY_MS}) must be less than KB_SHUTDOWN_TIMEOUT_MS (${config.KB_SHUTDOWN_TIMEOUT_MS}), which it is part of`,
    )
  }
  if (config.KB_REDIS_URL !== '' && !/^rediss?:\/\/[^/]/.test(config.KB_REDIS_URL)) {
    throw new ConfigError(
      `KB_REDIS_URL must be a URL like redis://redis:6379 or rediss://user:password@host:6380 (the value is not shown: it may hold a password)`,
    )
  }
  try {
    parseCorsOrigins(config.KB_CORS_ORIGINS)
  } catch (err) {
    throw new ConfigError(`KB_CORS_ORIGINS ${(err as Error).message}`)
  }
  try {
    config.KB_ADMIN_TOKEN = adminToken(config.KB_ADMIN_TOKEN)
  } catch (err) {
    throw new ConfigError(`KB_ADMIN_TOKEN ${(err as Error).message}`)
  }
  return config
}

/** Characters of an admin token, at least: `openssl rand -hex 16` makes 32. */
export const ADMIN_TOKEN_MIN_CHARS = 16

/**
 * The admin token of a `KB_ADMIN_TOKEN` value: surrounding whitespace dropped (a secrets file ends
 * with a newline), empty when unset. Throws a message (never showing the value) for one that could
 * never match or is easy to guess: characters an Authorization header cannot carry as one Bearer
 * token (a space inside, control or non-ASCII characters), blank, or shorter than the minimum.
 */
export function adminToken(value: string): string {
  const token = value.trim()
  const hidden = '(the value is not shown: it is a secret)'
  if (value !== '' && token === '')
    throw new Error(`is blank: set a secret of at least ${ADMIN_TOKEN_MIN_CHARS} characters, or leave it unset to turn insights off ${hidden}`)
  if (token !== '' && !/^[\x21-\x7e]+$/.test(token)) {
    throw new Error(`must be printable ASCII with no space inside: it is sent as Authorization: Bearer <token> ${hidden}`)
  }
  if (token !== '' && token.length < ADMIN_TOKEN_MIN_CHARS) {
    throw new Error(`must be at least ${ADMIN_TOKEN_MIN_CHARS} characters, it has ${token.length}; make one with openssl rand -hex 32 ${hidden}`)
  }
  return token
}

/**
 * How many query workers to run: as configured, or (0) one per core, at most 4. The main thread
 * takes its share of the cores for HTTP; a worker only uses CPU while it has queries. Measured on
 * 2 cores at 10,000 articles: two workers answered about 50% more matches per second than one
 * (40 KB pastes 237 -> 364/s, short 484 -> 713/s), for about 290 MB more (RSS after load 900 MB).
 */
export function queryWorkerCount(configured: number, cores = availableParallelism()): number {
  return configured > 0 ? configured : Math.max(1, Math.min(4, cores))
}

/** Fastify's `trustProxy` from `KB_TRUST_PROXY`: off, on, a hop count, or a list of addresses. */
export function parseTrustProxy(value: string): boolean | number | string {
  const v = value.trim()
  if (v === '' || v === 'false') return false
  if (v === 'true') return true
  if (/^\d+$/.test(v)) return Number(v)
  return v
}

/**
 * The origins of a `KB_CORS_ORIGINS` value: comma-separated `scheme://host[:port]`, normalized
 * (lowercase, default port dropped, trailing slash allowed). Throws a message naming a bad entry;
 * a wildcard (`*`, `https://*.example.com`) is refused: each origin is listed.
 */
export function parseCorsOrigins(value: string): string[] {
  const origins: string[] = []
  for (const raw of value.split(',')) {
    const entry = raw.trim()
    if (entry === '') continue
    let url: URL | undefined
    try {
      url = new URL(entry)
    } catch {
      url = undefined
    }
    const bare = url !== undefined && url.username === '' && url.password === '' && url.search === '' && url.hash === '' && url.pathname === '/'
    // URL reads `https://*.example.com` as a host named `*.example.com`, which no browser sends.
    if (entry.includes('*')) {
      throw new Error(`"${entry}" is not an origin like https://portal.example.com: wildcards are not supported; list each origin, comma-separated`)
    }
    if (!url || !bare || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      throw new Error(`"${entry}" is not an origin like https://portal.example.com`)
    }
    if (!origins.includes(url.origin)) origins.push(url.origin)
  }
  return origins
}
