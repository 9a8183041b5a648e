/** GET /api/search: full-text search. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { ErrorResponse, sendSerialized, SearchQuery, SearchResponse } from '../schemas.js'

export const searchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/search',
    {
      schema: {
        summary: 'Search articles',
        description: 'Full-text search. Lunr syntax works; invalid syntax is searched as plain words and `notice` says so.',
        querystring: SearchQuery,
        response: { 200: SearchResponse, 400: ErrorResponse },
      },
    },
    // The answer comes serialized with this route's response schema (query/answers.ts).
    async (req, reply) => sendSerialized(reply as FastifyReply, (await app.queries.search(req.kb, req.query)).json),
  )
}
