/**
 * The one Fastify error handler: errors of the catalogue (api/errors.ts) as they are, everything
 * else (validation, body parsing, Node's HTTP parser, routing) mapped onto the same shape; 5xx
 * details only in the log.
 */
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify'
import type { Socket } from 'node:net'
import { STATUS_CODES } from 'node:http'
import { ApiError, apiError, ERROR_CODES, type ErrorCode, Errors, errorBody as body } from '../api/errors.js'
import { LIMITS } from '../limits.js'
import { drainBody } from './drain.js'

/** Codes for Fastify's own client errors, so clients see one vocabulary. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'KB_BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'KB_UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'KB_INVALID_JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'KB_INVALID_JSON',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'KB_INVALID_REQUEST',
}

/** Install the one error handler and the JSON 404 handler. */
export function installErrorHandling(app: FastifyInstance, opts: { bodyLimit: number }): void {
  const tooLarge = Errors.bodyTooLarge(opts.bodyLimit).message
  app.setNotFoundHandler((req, reply) => {
    const e = Errors.routeNotFound(req.method, req.url.split('?')[0] ?? req.url)
    return reply.code(e.statusCode).send(body(e.statusCode, e.code, e.message))
  })

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof ApiError) {
      return reply
        .code(err.statusCode)
        .headers(err.headers)
        .send(body(err.statusCode, err.code, err.message))
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
      const code: ErrorCode = FASTIFY_CODES[err.code] ?? (err instanceof SyntaxError ? 'KB_INVALID_JSON' : 'KB_BAD_REQUEST')
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
    const e = Errors.internal()
    return reply.code(e.statusCode).send(body(e.statusCode, e.code, e.message))
  })
}

/**
 * Errors Node's HTTP parser raises before a request reaches Fastify (headers too large, a
 * malformed request line, a request timeout), answered in the same shape as every other error.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return
  const [code, message]: [ErrorCode, string] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? ['KB_HEADERS_TOO_LARGE', 'Request headers (or the URL) are too large; send long text in the body of POST /api/match']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? ['KB_REQUEST_TIMEOUT', 'The request was not received in time']
        : ['KB_BAD_REQUEST', 'Malformed HTTP request']
  const status = ERROR_CODES[code].status
  const payload = JSON.stringify(body(status, code, message))
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(payload)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${payload}`,
    )
  }
  socket.destroy(err)
}

/**
 * Errors Fastify raises while routing, before any handler: a URL that cannot be decoded, a path
 * segment over the router's maxParamLength (LIMITS.articleIdChars, app.ts). Their messages quote
 * the URL, so they are replaced, not passed on.
 */
export function frameworkErrors(err: FastifyError, _req: unknown, reply: FastifyReply): void {
  const e =
    err.code === 'FST_ERR_BAD_URL'
      ? apiError('KB_BAD_URL', 'The URL is not valid: a percent-encoded sequence does not decode')
      : err.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? Errors.urlTooLong(LIMITS.articleIdChars)
        : new ApiError(err.statusCode && err.statusCode < 500 ? err.statusCode : 400, 'KB_BAD_REQUEST', err.message)
  void reply.code(e.statusCode).send(body(e.statusCode, e.code, e.message))
}
