/** GET /api/articles and GET /api/articles/:id. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { matchesFilter } from '../../core/results/filters.js'
import { Errors } from '../../api/errors.js'
import { ArticleParams, ArticleResponse, ArticlesQuery, ArticlesResponse, ErrorResponse } from '../../api/schemas.js'

export const articleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/articles',
    {
      schema: {
        summary: 'List articles',
        querystring: ArticlesQuery,
        response: { 200: ArticlesResponse, 400: ErrorResponse },
      },
    },
    async (req) => {
      const q = req.query
      const all = req.kb.artifact.articles.filter((a) => matchesFilter(a, q))
      return { total: all.length, results: all.slice(q.offset, q.offset + q.limit) }
    },
  )

  app.get(
    '/api/articles/:id',
    {
      schema: {
        summary: 'Get one article',
        description: 'All fields; cause, resolution and body as Markdown and as sanitized HTML.',
        params: ArticleParams,
        response: { 200: ArticleResponse, 404: ErrorResponse },
      },
    },
    async (req) => {
      const article = req.kb.artifact.byId.get(req.params.id)
      if (!article) throw Errors.articleNotFound(req.params.id)
      return article
    },
  )
}
