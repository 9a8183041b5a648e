/**
 * `GET /schema/article.json`: the JSON Schema of an article's frontmatter (src/build/content/json-schema.ts),
 * the same document `kb schema` writes, so an editor can point its `$schema` line at a running
 * service. Serialized once, at start; answers carry an ETag and `If-None-Match` gets 304.
 */
import { createHash } from 'node:crypto'
import type { FastifyPluginAsync } from 'fastify'
import { articleSchemaText } from '../../build/content/json-schema.js'

export const schemaRoutes: FastifyPluginAsync = async (app) => {
  const body = Buffer.from(articleSchemaText())
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`
  app.get('/schema/article.json', { schema: { summary: 'JSON Schema of the article frontmatter, for editors (kb schema writes the same)' } }, (req, reply) => {
    reply.header('content-type', 'application/schema+json; charset=utf-8').header('cache-control', 'public, max-age=300').header('etag', etag)
    if (req.headers['if-none-match'] === etag) return reply.code(304).send()
    return reply.send(body)
  })
}
