/**
 * The insights API (issue 17, the KCS "evolve" loop): knowledge gaps, per-article figures, the
 * searches, a draft article per gap, and deleting events. Behind `Authorization: Bearer
 * <KB_ADMIN_TOKEN>`; with no token configured, every route answers 404 KB_INSIGHTS_OFF saying how
 * to turn insights on. The token is compared in constant time (digests of equal length).
 *
 * A read costs the events database seconds at hundreds of thousands of questions, and PGlite runs
 * one statement at a time (the event writer waits behind a read), with no statement timeout: it
 * accepts `SET statement_timeout` but never cancels (no timer signals in WebAssembly; measured: a
 * 15 s statement ran through a 200 ms timeout). PostgreSQL cancels after 5 s (events/db.ts). So
 * reads run one at a time per process (InsightsReads), a few wait, the rest get 503
 * KB_INSIGHTS_BUSY with Retry-After; and each answer is reused a while (INSIGHTS_CACHE_MS).
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Errors } from '../../api/errors.js'
import {
  ArticlesInsightsResponse,
  DeleteEventsQuery,
  DeleteEventsResponse,
  DraftResponse,
  ErrorResponse,
  GapParams,
  GapsQuery,
  GapsResponse,
  InsightsQuery,
  SearchesInsightsResponse,
} from '../../api/schemas.js'
import { draftArticle } from '../../core/insights/draft.js'
import { BEFORE_RANGE, isSaneMoment, isSinceInRange, parseMoment, SINCE_FORMS, SINCE_RANGE } from '../../core/insights/since.js'
import type { EventDb } from '../../runtime/events/db.js'
import { readArticleFigures, readGaps, readSearchFigures } from '../../runtime/events/insights.js'

/** Options of the insights routes. */
export interface InsightsOptions {
  /** The admin token (KB_ADMIN_TOKEN); empty or absent: insights are off. */
  adminToken?: string
}

const digest = (s: string): Buffer => createHash('sha256').update(s).digest()

/** True when an Authorization header carries the token, compared in constant time. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer[ ]+(\S+)\s*$/i.exec(header ?? '')
  // Digests, so the comparison takes the same time whatever the length of what was sent.
  return timingSafeEqual(digest(m?.[1] ?? ''), digest(token)) && m !== null
}

const errors = { 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse, 503: ErrorResponse }

/**
 * How long an insights answer is reused for the same route and window (`since` as sent, and the
 * KB build): ten times as long as it took to read, from INSIGHTS_CACHE_MS.min to .max. A read of
 * 3 s (300,000 questions on PGlite) is kept 30 s, so repeated and concurrent dashboards cost the
 * database at most about a tenth of its time per window; a read of 20 ms is kept 1 s, so a small
 * KB's insights stay as fresh as the writer (KB_EVENTS_FLUSH_MS). A DELETE of events clears them
 * all; one on another replica shows here once they expire.
 */
export const INSIGHTS_CACHE_MS = { min: 1000, max: 30_000, perReadMs: 10 } as const

/** Answers kept at most (a gaps answer can hold thousands of gaps): a dashboard uses three or four. */
const CACHE_ENTRIES = 16

/** Reads that may wait for the one running: the dashboard sends three at once. More are refused. */
export const INSIGHTS_WAITING = 3

/** Options of InsightsReads. */
export interface InsightsReadsOptions {
  /** Reads waiting for the one running, at most. */
  waiting: number
  /** How long an answer is kept: `perReadMs` times its read's time, from `min` to `max` ms. */
  cacheMs: { min: number; max: number; perReadMs: number }
  /** Answers kept at most; the oldest goes first. */
  entries: number
  /** The error of a read refused, with the seconds to wait. */
  busy: (retrySeconds: number) => Error
  /** The clock, in ms (tests). */
  clock?: () => number
}

/**
 * The insights reads of one process: one at a time, at most `waiting` in line (first come, first
 * served), each answer kept a while by its key; identical reads at once share one. Past the line,
 * a read is refused with `busy(seconds)`: an estimate, from the last read's time, of when the line
 * is through. 503 rather than 429: the limit is the server's, shared by every client, not a rate
 * one client went over (429 KB_RATE_LIMITED is that, per address).
 */
export class InsightsReads {
  private running = false
  private readonly line: Array<() => void> = []
  private readonly cache = new Map<string, { expires: number; answer: Promise<unknown> }>()
  private lastMs = 1000
  private readonly clock: () => number

  constructor(private readonly options: InsightsReadsOptions) {
    this.clock = options.clock ?? Date.now
  }

  /** The answer kept for `key`, or `read`'s, run in turn. */
  get<T>(key: string, read: () => Promise<T>): Promise<T> {
    const kept = this.cache.get(key)
    if (kept && this.clock() < kept.expires) return kept.answer as Promise<T>
    this.cache.delete(key)
    let readMs = 0
    const answer = this.inTurn(async () => {
      const started = this.clock()
      const value = await read()
      readMs = this.clock() - started
      return value
    })
    // Shared while it is read; kept once read; a failed read (busy, the database down) is not kept.
    const entry = { expires: Number.POSITIVE_INFINITY, answer: answer as Promise<unknown> }
    answer.then(
      () => (entry.expires = this.clock() + keepMs(readMs, this.options.cacheMs)),
      () => {
        if (this.cache.get(key) === entry) this.cache.delete(key)
      },
    )
    this.cache.set(key, entry)
    while (this.cache.size > this.options.entries) this.cache.delete(this.cache.keys().next().value!)
    return answer
  }

  /** Run `work` in turn with the reads (a DELETE of events), uncached. */
  inTurn<T>(work: () => Promise<T>): Promise<T> {
    if (this.running && this.line.length >= this.options.waiting) {
      return Promise.reject(this.options.busy(Math.min(60, Math.max(1, Math.ceil((this.lastMs * (this.line.length + 1)) / 1000)))))
    }
    return this.run(work)
  }

  /** Forget every answer kept (events were deleted). */
  clear(): void {
    this.cache.clear()
  }

  private async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running) await new Promise<void>((resolve) => this.line.push(resolve))
    this.running = true
    const started = this.clock()
    try {
      return await work()
    } finally {
      this.lastMs = this.clock() - started
      // Handed to the next in line, or free.
      const next = this.line.shift()
      if (next) next()
      else this.running = false
    }
  }
}

/** How long to keep an answer that took `readMs` to read (INSIGHTS_CACHE_MS). */
export function keepMs(readMs: number, cacheMs: { min: number; max: number; perReadMs: number }): number {
  return Math.min(cacheMs.max, Math.max(cacheMs.min, readMs * cacheMs.perReadMs))
}

export const insightsRoutes: FastifyPluginAsyncTypebox<InsightsOptions> = async (app, opts) => {
  const token = opts.adminToken ?? ''
  app.addHook('onRequest', async (req, reply) => {
    if (!token) throw Errors.insightsOff()
    if (!bearerMatches(req.headers.authorization, token)) {
      reply.header('www-authenticate', 'Bearer realm="kb-insights"')
      throw Errors.unauthorized()
    }
  })

  const reads = new InsightsReads({
    waiting: INSIGHTS_WAITING,
    cacheMs: INSIGHTS_CACHE_MS,
    entries: CACHE_ENTRIES,
    busy: Errors.insightsBusy,
  })

  /** The moment a `since` or `before` names, or a 400 saying what its form or range must be. */
  const moment = (name: 'since' | 'before', value: string, now: Date): Date => {
    const at = parseMoment(value, now)
    if (!at) throw Errors.invalidWindow(name, value, SINCE_FORMS)
    const inRange = name === 'since' ? isSinceInRange(at, now) : isSaneMoment(at)
    if (!inRange) throw Errors.windowOutOfRange(name, value, name === 'since' ? SINCE_RANGE : BEFORE_RANGE)
    return at
  }
  /** Run a read on the events database: 404 with events off, 503 while it cannot be read. */
  const read = async <T>(fn: (db: EventDb) => Promise<T>): Promise<T> => {
    const store = app.events
    if (!store) throw Errors.eventsOff()
    const db = store.database()
    // The database's own words (a host, a user, a folder) go to the log, not to the client.
    if (!db) throw Errors.eventsUnavailable(store.error ? "it could not be opened; the server's log says why" : 'it is still opening')
    try {
      return await fn(db)
    } catch (err) {
      app.log.warn({ err }, 'insights: the events database could not be read')
      throw Errors.eventsUnavailable("a read failed; the server's log says why")
    }
  }
  /** A read's answer for a route and `since` (and the KB build), kept a while (InsightsReads), with the window it was read for. */
  const cached = <T>(
    route: string,
    req: { query: { since: string }; kb: { artifact: { header: { buildId: string } } } },
    fn: (db: EventDb, since: Date) => Promise<T>,
  ): Promise<{ window: { since: string; until: string }; value: T }> => {
    const now = new Date()
    const since = moment('since', req.query.since, now)
    return reads.get(`${route}\n${req.kb.artifact.header.buildId}\n${req.query.since}`, async () => ({
      window: { since: since.toISOString(), until: now.toISOString() },
      value: await read((db) => fn(db, since)),
    }))
  }

  app.get(
    '/api/insights/gaps',
    {
      schema: {
        summary: 'Knowledge gaps: unanswered and rejected questions, grouped by template',
        description:
          'Questions with no confident match or no result, or whose answer a user rejected (and that nothing solved), grouped so that one error with different values is one gap (Drain template mining).',
        querystring: GapsQuery,
        response: { 200: GapsResponse, ...errors },
      },
    },
    async (req) => {
      const { window, value } = await cached('gaps', req, (db, since) => readGaps(db, since, req.kb.artifact))
      const { gaps, questions, overflow } = value
      return { window, questions, overflow, total: gaps.length, gaps: gaps.slice(0, req.query.limit) }
    },
  )

  app.get(
    '/api/insights/gaps/:id/draft',
    {
      schema: {
        summary: 'A draft article for a gap (status: draft), as `kb draft --gap <id>` writes it',
        params: GapParams,
        querystring: InsightsQuery,
        response: { 200: DraftResponse, ...errors },
      },
    },
    async (req) => {
      // The gaps answer of the same window: a draft is asked for right after the list.
      const { gaps } = (await cached('gaps', req, (db, since) => readGaps(db, since, req.kb.artifact))).value
      const gap = gaps.find((g) => g.id === req.params.id)
      if (!gap) throw Errors.gapNotFound(req.params.id, req.query.since)
      const { slug, markdown } = draftArticle(gap)
      return { gap, path: `articles/${slug}.md`, markdown }
    },
  )

  app.get(
    '/api/insights/articles',
    {
      schema: {
        summary: 'Per article: impressions, opens, click-through rate, mean position, feedback, uses; flagged often rejected and never found',
        querystring: InsightsQuery,
        response: { 200: ArticlesInsightsResponse, ...errors },
      },
    },
    async (req) => {
      const { window, value } = await cached('articles', req, (db, since) => readArticleFigures(db, since, req.kb.artifact))
      return { window, articles: value }
    },
  )

  app.get(
    '/api/insights/searches',
    {
      schema: {
        summary: 'Top questions, questions with no result, and the daily match and confident rates',
        querystring: InsightsQuery,
        response: { 200: SearchesInsightsResponse, ...errors },
      },
    },
    async (req) => {
      const { window, value } = await cached('searches', req, (db, since) => readSearchFigures(db, since))
      return { window, ...value }
    },
  )

  app.delete(
    '/api/insights/events',
    {
      schema: {
        summary: 'Delete every event (questions, opens, feedback, uses) before a moment',
        querystring: DeleteEventsQuery,
        response: { 200: DeleteEventsResponse, ...errors },
      },
    },
    async (req) => {
      // A `before` in the future is allowed: it deletes every event written so far (not those
      // still waiting in the writer, up to KB_EVENTS_FLUSH_MS).
      const before = moment('before', req.query.before, new Date())
      let deleted: number
      try {
        deleted = await reads.inTurn(() => read(() => app.events!.deleteBefore(before)))
      } finally {
        // Even a failed delete may have deleted some tables' rows.
        reads.clear()
      }
      req.log.info({ before, deleted }, 'insights: events deleted')
      return { before: before.toISOString(), deleted }
    },
  )
}
