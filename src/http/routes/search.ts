/** GET /api/search: full-text search. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { withQueryId } from '../events.js'
import { sendSerialized } from '../send.js'
import { ErrorResponse, SearchQuery, SearchResponse } from '../../api/schemas.js'

export const searchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/search',
    {
      schema: {
        summary: 'Search articles',
        description:
          'Full-text search. Lunr syntax works; invalid syntax is searched as plain words and `notice` says so. A query over a limit (edit distance, length of a fuzzy or wildcard term, number of terms) answers 400 KB_QUERY_TOO_COMPLEX; wildcard and fuzzy terms standing for more index terms than one search expands answer with those expanded, `partial` true.',
        querystring: SearchQuery,
        // 503: KB_NOT_READY, or KB_QUERY_FAILED when the query stopped the worker running it (never retried).
        response: { 200: SearchResponse, 400: ErrorResponse, 503: ErrorResponse },
      },
    },
    // The answer comes serialized with this route's response schema (query/answers.ts), kept or made now.
    async (req, reply) => {
      const fresh = /(?:^|,)\s*no-cache\s*(?:,|$)/i.test(req.headers['cache-control'] ?? '')
      const { answer, outcome } = await app.searchCache.answer(req.kb, req.query, fresh, () => app.queries.search(req.kb, req.query))
      reply.header('x-kb-cache', outcome)
      const ids = answer.resultIds
      const queryId = app.recordQuestion(
        req.kb,
        {
          kind: 'search',
          lines: [req.query.q],
          raw: req.query.q,
          resultIds: ids,
          noConfidentMatch: ids.length === 0,
          partial: answer.partial,
          codes: [],
        },
        answer,
      )
      return sendSerialized(reply as FastifyReply, withQueryId(answer.json, queryId))
    },
  )
}
