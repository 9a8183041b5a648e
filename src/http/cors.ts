/**
 * Cross-origin access for portals that embed the widget: @fastify/cors with an allowlist of
 * exact origins (`KB_CORS_ORIGINS`). A request from any other origin, or with no Origin header,
 * gets no CORS headers at all, so the browser refuses to hand the response to the calling page;
 * its preflight falls through to the JSON 404 like any other unknown route. So does an OPTIONS
 * request without Access-Control-Request-Method, from any origin: it is no preflight (the Fetch
 * standard always sends that header), and @fastify/cors would answer it a text/plain 400.
 */
import cors from '@fastify/cors'
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { Errors } from '../api/errors.js'

export interface CorsOptions {
  /** Allowed origins, already normalized (`https://portal.example.com`); empty: none. */
  origins: readonly string[]
}

/** True for an OPTIONS request that is no CORS preflight: it has an Origin but no Access-Control-Request-Method. */
export function isBarePreflight(req: Pick<FastifyRequest, 'method' | 'headers'>): boolean {
  return req.method === 'OPTIONS' && req.headers.origin !== undefined && req.headers['access-control-request-method'] === undefined
}

const plugin: FastifyPluginAsync<CorsOptions> = async (app, opts) => {
  const allowed = new Set(opts.origins)
  // Before @fastify/cors's own hook (registered next): its strict check answers these in text/plain.
  // A callback hook, not async: it runs on every request, and most pass straight through.
  app.addHook('onRequest', (req, _reply, done) => {
    done(isBarePreflight(req) ? Errors.routeNotFound(req.method, req.url.split('?')[0] ?? req.url) : undefined)
  })
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
