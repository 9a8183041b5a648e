/** Liveness and readiness. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { HealthResponse } from '../../api/schemas.js'
import { packageVersion } from '../../runtime/version.js'

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const status = () => {
    const kb = app.kbState()
    return {
      status: kb.ready ? 'ok' : 'starting',
      ready: kb.ready,
      buildId: kb.current?.artifact.header.buildId ?? null,
      articles: kb.current?.artifact.articles.length ?? 0,
      version: packageVersion(),
    }
  }
  app.get('/healthz', { schema: { summary: 'Liveness: the process answers', response: { 200: HealthResponse } } }, async () => status())
  app.get(
    '/readyz',
    { schema: { summary: 'Readiness: an index is loaded and the server is not draining', response: { 200: HealthResponse, 503: HealthResponse } } },
    async (_req, reply) => {
      const s = status()
      return reply.code(s.ready ? 200 : 503).send(s)
    },
  )
}
