/**
 * The insights API (issue 17, the KCS "evolve" loop): knowledge gaps, per-article figures, the
 * searches, a draft article per gap, and deleting events. Behind `Authorization: Bearer
 * <KB_ADMIN_TOKEN>`; with no token configured, every route answers 404 KB_INSIGHTS_OFF saying how
 * to turn insights on. The token is compared in constant time (digests of equal length).
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
import { parseSince, SINCE_FORMS } from '../../core/insights/since.js'
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

export const insightsRoutes: FastifyPluginAsyncTypebox<InsightsOptions> = async (app, opts) => {
  const token = opts.adminToken ?? ''
  app.addHook('onRequest', async (req, reply) => {
    if (!token) throw Errors.insightsOff()
    if (!bearerMatches(req.headers.authorization, token)) {
      reply.header('www-authenticate', 'Bearer realm="kb-insights"')
      throw Errors.unauthorized()
    }
  })

  const window = (name: string, value: string): Date => {
    const at = parseSince(value)
    if (!at) throw Errors.invalidWindow(name, value, SINCE_FORMS)
    return at
  }
  /** Run a read on the events database: 404 with events off, 503 while it cannot be read. */
  const read = async <T>(fn: (db: EventDb) => Promise<T>): Promise<T> => {
    const store = app.events
    if (!store) throw Errors.eventsOff()
    const db = store.database()
    if (!db) throw Errors.eventsUnavailable(store.error ? store.error.message : 'it is still opening')
    try {
      return await fn(db)
    } catch (err) {
      app.log.warn({ err }, 'insights: the events database could not be read')
      throw Errors.eventsUnavailable((err as Error).message)
    }
  }
  const span = (since: Date) => ({ since: since.toISOString(), until: new Date().toISOString() })

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
      const since = window('since', req.query.since)
      const { gaps, questions, overflow } = await read((db) => readGaps(db, since, req.kb.artifact))
      return { window: span(since), questions, overflow, total: gaps.length, gaps: gaps.slice(0, req.query.limit) }
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
      const since = window('since', req.query.since)
      const { gaps } = await read((db) => readGaps(db, since, req.kb.artifact))
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
      const since = window('since', req.query.since)
      const articles = await read((db) => readArticleFigures(db, since, req.kb.artifact))
      return { window: span(since), articles }
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
      const since = window('since', req.query.since)
      const figures = await read((db) => readSearchFigures(db, since))
      return { window: span(since), ...figures }
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
      const before = window('before', req.query.before)
      const deleted = await read(() => app.events!.deleteBefore(before))
      req.log.info({ before, deleted }, 'insights: events deleted')
      return { before: before.toISOString(), deleted }
    },
  )
}
