/** GET /api/search: full-text search. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ErrorResponse, SearchQuery, SearchResponse } from '../schemas.js'

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
    async (req) => app.queries.search(req.kb, req.query),
  )
}
