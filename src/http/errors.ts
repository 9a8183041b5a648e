/**
 * Errors the API returns: each with a stable code, a status and an exact message. One handler
 * maps everything else (validation, body parsing) onto the same shape and hides 5xx details.
 */
import type { FastifyError, FastifyInstance } from 'fastify'
import { STATUS_CODES } from 'node:http'
import { LIMITS } from '../limits.js'
import { drainBody } from './drain.js'

/** An error a route raises on purpose. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export const Errors = {
  articleNotFound: (id: string) => new ApiError(404, 'KB_ARTICLE_NOT_FOUND', `No article with id "${id}"`),
  routeNotFound: (method: string, url: string) => new ApiError(404, 'KB_ROUTE_NOT_FOUND', `No route for ${method} ${url}`),
  notReady: () => new ApiError(503, 'KB_NOT_READY', 'The index is not loaded yet'),
  /** A search over one of the query limits (LIMITS): the message names the limit and its value. */
  queryTooComplex: (message: string) => new ApiError(400, 'KB_QUERY_TOO_COMPLEX', message),
  /** The query worker died while answering (out of memory, a crash): the query is not run again anywhere. */
  queryFailed: () =>
    new ApiError(503, 'KB_QUERY_FAILED', 'The query stopped the worker answering it and was not retried; the worker is restarting. Send a simpler query.'),
}

/** Codes for Fastify's own client errors, so clients see one vocabulary. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'KB_BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'KB_UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'KB_INVALID_JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'KB_INVALID_JSON',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'KB_INVALID_REQUEST',
}

/** Install the one error handler and the JSON 404 handler. */
export function installErrorHandling(app: FastifyInstance, opts: { bodyLimit: number }): void {
  const tooLarge = `Request body is larger than the limit of ${opts.bodyLimit} bytes; send a shorter excerpt around the error`
  app.setNotFoundHandler((req, reply) => {
    const e = Errors.routeNotFound(req.method, req.url.split('?')[0] ?? req.url)
    return reply.code(e.statusCode).send(body(e.statusCode, e.code, e.message))
  })

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof ApiError) {
      return reply.code(err.statusCode).send(body(err.statusCode, err.code, err.message))
    }
    if (err.validation) {
      return reply.code(400).send(body(400, 'KB_INVALID_REQUEST', err.message))
    }
    const status = err.statusCode ?? 500
    if (FASTIFY_CODES[err.code] === 'KB_BODY_TOO_LARGE' && !req.raw.readableEnded) {
      // Read the rest of the body before answering (bounded), or the client may never see the 413 (drain.ts).
      return drainBody(req.raw, { maxBytes: LIMITS.oversizeBodyDrainBytes, maxMs: LIMITS.oversizeBodyDrainMs }).then(() =>
        reply.code(413).send(body(413, 'KB_BODY_TOO_LARGE', tooLarge)),
      )
    }
    if (status >= 400 && status < 500) {
      const code = FASTIFY_CODES[err.code] ?? (err instanceof SyntaxError ? 'KB_INVALID_JSON' : 'KB_BAD_REQUEST')
      const message =
        code === 'KB_BODY_TOO_LARGE'
          ? tooLarge
          : code === 'KB_UNSUPPORTED_MEDIA_TYPE'
            ? `Unsupported content type "${req.headers['content-type'] ?? ''}"; send JSON with content-type: application/json`
            : code === 'KB_INVALID_JSON' && !/json/i.test(err.message)
              ? `Body is not valid JSON: ${err.message}`
              : err.message
      return reply.code(status).send(body(status, code, message))
    }
    req.log.error({ err }, 'request failed')
    return reply.code(500).send(body(500, 'KB_INTERNAL', 'Internal error; it has been logged'))
  })
}

function body(statusCode: number, code: string, message: string) {
  return { statusCode, code, error: STATUS_CODES[statusCode] ?? 'Error', message }
}

/**
 * Errors Node's HTTP parser raises before a request reaches Fastify (headers too large, a
 * malformed request line, a request timeout), answered in the same shape as every other error.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: import('node:net').Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return
  const [status, code, message] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'KB_HEADERS_TOO_LARGE', 'Request headers (or the URL) are too large; send long text in the body of POST /api/match']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'KB_REQUEST_TIMEOUT', 'The request was not received in time']
        : [400, 'KB_BAD_REQUEST', 'Malformed HTTP request']
  const payload = JSON.stringify(body(status, code, message))
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(payload)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${payload}`)
  }
  socket.destroy(err)
}

/** Errors Fastify raises while routing, before any handler (a URL that cannot be decoded). */
export function frameworkErrors(err: FastifyError, _req: unknown, reply: import('fastify').FastifyReply): void {
  const status = err.statusCode && err.statusCode < 500 ? err.statusCode : 400
  const code = err.code === 'FST_ERR_BAD_URL' ? 'KB_BAD_URL' : 'KB_BAD_REQUEST'
  const message = err.code === 'FST_ERR_BAD_URL' ? 'The URL is not valid: a percent-encoded sequence does not decode' : err.message
  void reply.code(status).send(body(status, code, message))
}
