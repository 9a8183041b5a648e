/**
 * Cross-origin access for portals that embed the widget: @fastify/cors with an allowlist of
 * exact origins (`KB_CORS_ORIGINS`). A request from any other origin, or with no Origin header,
 * gets no CORS headers at all, so the browser refuses to hand the response to the calling page;
 * its preflight falls through to the JSON 404 like any other unknown route.
 */
import cors from '@fastify/cors'
import type { FastifyPluginAsync } from 'fastify'
import fp from 'fastify-plugin'

export interface CorsOptions {
  /** Allowed origins, already normalized (`https://portal.example.com`); empty: none. */
  origins: readonly string[]
}

const plugin: FastifyPluginAsync<CorsOptions> = async (app, opts) => {
  const allowed = new Set(opts.origins)
  await app.register(cors, {
    // Reflect the caller's origin only when it is on the list; `false` adds no header at all.
    origin: (origin, cb) => cb(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'HEAD', 'POST'],
    allowedHeaders: ['Content-Type', 'X-Request-Id'],
    credentials: false,
    maxAge: 600,
    strictPreflight: true,
    hideOptionsRoute: true,
    logLevel: 'warn',
  })
}

/** Not encapsulated: the CORS hook applies to every route of the app. */
export const corsPlugin = fp(plugin, { name: 'kb-cors', fastify: '5.x' })
