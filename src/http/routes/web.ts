/**
 * The browser side, served from the files `npm run build:web` writes to build/public/:
 *
 * - `GET /widget.js`: the `<kb-search>` custom element, for portals to embed with one tag;
 * - `GET /` and `GET /articles/:id`: the hosted search page (one HTML file; the page reads the
 *   path, so an article link can be opened directly), under a Content-Security-Policy that
 *   allows no inline script;
 * - `GET /assets/app.js`, `GET /assets/app.css`: the page's script and style;
 * - `GET /insights`, `GET /assets/insights.js`, `GET /assets/insights.css`: the insights dashboard
 *   (its data comes from /api/insights/*, behind the admin token it asks for), under the same policy.
 *
 * - in `kb dev` only (the `dev` option): `GET /dev/events`, server-sent events with each build's id
 *   and lint problems; the page, marked with a `kb-dev` meta tag, shows the problems and reloads
 *   itself when the build changes.
 *
 * Only these exact paths are routes, so any other path (an unknown /api one included) still
 * reaches the JSON 404 handler. The files are read once, at start; each response carries an
 * ETag and answers `If-None-Match` with 304.
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { Errors } from '../../api/errors.js'

/** Policy of the hosted page: scripts and styles only from this origin, never inline. */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https: data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ')

interface Asset {
  body: Buffer
  type: string
  etag: string
  cacheControl: string
}

const FILES = {
  page: { file: 'index.html', type: 'text/html; charset=utf-8', cacheControl: 'no-cache' },
  widget: { file: 'widget.js', type: 'text/javascript; charset=utf-8', cacheControl: 'public, max-age=300' },
  appJs: { file: 'app.js', type: 'text/javascript; charset=utf-8', cacheControl: 'public, max-age=300' },
  appCss: { file: 'app.css', type: 'text/css; charset=utf-8', cacheControl: 'public, max-age=300' },
  insights: { file: 'insights.html', type: 'text/html; charset=utf-8', cacheControl: 'no-cache' },
  insightsJs: { file: 'insights.js', type: 'text/javascript; charset=utf-8', cacheControl: 'public, max-age=300' },
  insightsCss: { file: 'insights.css', type: 'text/css; charset=utf-8', cacheControl: 'public, max-age=300' },
} as const
type AssetName = keyof typeof FILES

export interface WebOptions {
  /** Folder with the built files; default: build/public in the package. */
  dir?: string
  /** `kb dev`'s builds: serve /dev/events and mark the page so it follows them; absent: neither. */
  dev?: DevFeed
}

/** What `kb dev` tells its pages about the build it serves. */
export interface DevStatus {
  buildId: string
  articles: number
  /** Lint problems as `file:line field: message` lines. */
  problems: Array<{ line: string; severity: 'error' | 'warning' }>
}

/** `kb dev`'s builds, as the web routes follow them. */
export interface DevFeed {
  current(): DevStatus
  /** Call `listener` after each build; returns the call that stops it. */
  subscribe(listener: (status: DevStatus) => void): () => void
}

/** The page's meta tags that turn on its dev mode (no inline script under the CSP): the events' URL and the build the page was served with. */
const devMeta = (buildId: string) => `<meta name="kb-dev" content="/dev/events"><meta name="kb-dev-build" content="${buildId.replace(/[^\w-]/g, '')}">`

/** The package's build/public folder, found from this file in src/ (tsx) or build/src/ (compiled). */
export function defaultWebDir(): string {
  let dir = import.meta.dirname
  while (!existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir)
    if (up === dir) break
    dir = up
  }
  return path.join(dir, 'build', 'public')
}

async function load(dir: string): Promise<Map<AssetName, Asset> | undefined> {
  const assets = new Map<AssetName, Asset>()
  try {
    for (const [name, f] of Object.entries(FILES) as Array<[AssetName, (typeof FILES)[AssetName]]>) {
      const body = await readFile(path.join(dir, f.file))
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`
      assets.set(name, { body, type: f.type, etag, cacheControl: f.cacheControl })
    }
  } catch {
    return undefined
  }
  return assets
}

export const webRoutes: FastifyPluginAsync<WebOptions> = async (app, opts) => {
  const dir = opts.dir ?? defaultWebDir()
  const assets = await load(dir)
  if (!assets) app.log.warn({ dir }, 'web assets not built (run npm run build:web); / and /widget.js answer 503')

  const send = (name: AssetName, req: FastifyRequest, reply: FastifyReply, status = 200) => {
    const a = assets?.get(name)
    if (!a) throw Errors.webNotBuilt()
    reply.header('content-type', a.type).header('cache-control', a.cacheControl).header('etag', a.etag).header('x-content-type-options', 'nosniff')
    if (name === 'page') {
      reply.header('content-security-policy', PAGE_CSP).header('referrer-policy', 'strict-origin-when-cross-origin')
    }
    // The dashboard's URL and figures are nobody else's business: no referrer, no framing, no robots.
    if (name === 'insights') {
      reply
        .header('content-security-policy', PAGE_CSP.replace("frame-ancestors 'self'", "frame-ancestors 'none'"))
        .header('referrer-policy', 'no-referrer')
        .header('x-robots-tag', 'noindex')
    }
    if (name === 'widget') reply.header('cross-origin-resource-policy', 'cross-origin')
    if (name === 'page' && opts.dev) {
      // Made per request: the page must know which build it was served with, to reload on the next one.
      reply.removeHeader('etag').header('cache-control', 'no-store')
      return reply.code(status).send(a.body.toString('utf8').replace('</head>', `${devMeta(opts.dev.current().buildId)}</head>`))
    }
    if (status === 200 && req.headers['if-none-match'] === a.etag) return reply.code(304).send()
    return reply.code(status).send(a.body)
  }

  const hidden = { schema: { hide: true } }
  app.get('/', hidden, (req, reply) => send('page', req, reply))
  app.get<{ Params: { id: string } }>('/articles/:id', hidden, (req, reply) => {
    // The page shows the article or says it does not exist; the status tells crawlers and curl.
    const state = app.kbState()
    const known = !state.current || state.current.artifact.byId.has(req.params.id)
    return send('page', req, reply, known ? 200 : 404)
  })
  app.get('/widget.js', hidden, (req, reply) => send('widget', req, reply))
  app.get('/assets/app.js', hidden, (req, reply) => send('appJs', req, reply))
  app.get('/assets/app.css', hidden, (req, reply) => send('appCss', req, reply))
  if (opts.dev) devEvents(app, opts.dev)
  app.get('/insights', hidden, (req, reply) => send('insights', req, reply))
  app.get('/assets/insights.js', hidden, (req, reply) => send('insightsJs', req, reply))
  app.get('/assets/insights.css', hidden, (req, reply) => send('insightsCss', req, reply))
}

/** `GET /dev/events`: the current build at once, then each new one, as server-sent events; the streams end when the app closes. */
function devEvents(app: FastifyInstance, feed: DevFeed): void {
  const open = new Set<() => void>()
  app.addHook('preClose', async () => {
    for (const end of open) end()
  })
  app.get('/dev/events', { schema: { hide: true } }, (req, reply) => {
    reply.hijack()
    const res = reply.raw
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' })
    const send = (status: DevStatus) => res.write(`data: ${JSON.stringify(status)}\n\n`)
    send(feed.current())
    const unsubscribe = feed.subscribe(send)
    const end = () => {
      unsubscribe()
      open.delete(end)
      res.end()
    }
    open.add(end)
    req.raw.on('close', end)
  })
}
