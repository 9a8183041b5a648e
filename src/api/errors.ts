/**
 * The one catalogue of the errors the API answers with: each code with its HTTP status and when it
 * is sent (the README's table of codes is generated from it: `npm run docs`), and the factories of
 * the errors raised on purpose, with their exact messages. Every layer may use it; the Fastify
 * handler that maps everything else onto the same shape is http/error-handler.ts.
 */

/** Every error code: its status, and when it is sent. */
export const ERROR_CODES = {
  KB_INVALID_REQUEST: { status: 400, when: 'a parameter or body field fails its schema; the message names it' },
  KB_INVALID_JSON: { status: 400, when: 'the body is not valid JSON' },
  KB_BAD_REQUEST: { status: 400, when: 'a malformed HTTP request' },
  KB_BAD_URL: { status: 400, when: 'a percent-encoded sequence in the URL does not decode' },
  KB_QUERY_TOO_COMPLEX: { status: 400, when: 'a search over a [query limit](#limits), named with its value' },
  KB_UNAUTHORIZED: { status: 401, when: 'an insights route without `Authorization: Bearer <KB_ADMIN_TOKEN>`, or with another token' },
  KB_ARTICLE_NOT_FOUND: { status: 404, when: 'no article with that id' },
  KB_INSIGHTS_OFF: { status: 404, when: 'an insights route while no `KB_ADMIN_TOKEN` is set; the message says how to turn insights on' },
  KB_EVENTS_OFF: { status: 404, when: 'an insights route while events are off (`KB_EVENTS=0`): there is nothing to read' },
  KB_GAP_NOT_FOUND: { status: 404, when: 'no gap with that id in the window (`since`); gap ids come from `GET /api/insights/gaps`' },
  KB_ROUTE_NOT_FOUND: { status: 404, when: 'no such route' },
  KB_REQUEST_TIMEOUT: { status: 408, when: 'the request was not received in time' },
  KB_BODY_TOO_LARGE: { status: 413, when: 'the body is over `KB_MAX_BODY_BYTES` (the body is read first, so every client gets this answer)' },
  KB_URL_TOO_LONG: { status: 414, when: 'a segment of the URL path (an id) is over `articleIdChars` characters' },
  KB_UNSUPPORTED_MEDIA_TYPE: { status: 415, when: 'not `application/json`' },
  KB_RATE_LIMITED: { status: 429, when: 'over `KB_RATE_LIMIT_PER_MINUTE`; says when to retry' },
  KB_HEADERS_TOO_LARGE: { status: 431, when: 'headers or URL too large' },
  KB_INTERNAL: { status: 500, when: 'a bug; details only in the log' },
  KB_NOT_READY: { status: 503, when: 'no index loaded yet' },
  KB_QUERY_FAILED: { status: 503, when: 'the query stopped the worker answering it (out of memory); it is not retried anywhere' },
  KB_EVENTS_UNAVAILABLE: { status: 503, when: 'the events database is not open yet, or cannot be read now' },
  KB_INSIGHTS_BUSY: {
    status: 503,
    when: 'an insights route while this process already runs one insights read and others wait for it (one at a time keeps the events database free for writes); `Retry-After` says when to retry',
  },
  KB_WEB_NOT_BUILT: { status: 503, when: 'the widget or page was not built (`npm run build`)' },
} as const satisfies Record<string, { status: number; when: string }>

/** A code of the catalogue. */
export type ErrorCode = keyof typeof ERROR_CODES

/** An error a route raises on purpose; `headers` go out with its answer (Retry-After). */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/** The error of a catalogue code, with the catalogue's status. */
export function apiError(code: ErrorCode, message: string, headers?: Readonly<Record<string, string>>): ApiError {
  return new ApiError(ERROR_CODES[code].status, code, message, headers)
}

/** The errors raised on purpose, with their exact messages. */
export const Errors = {
  articleNotFound: (id: string) => apiError('KB_ARTICLE_NOT_FOUND', `No article with id "${id}"`),
  routeNotFound: (method: string, url: string) => apiError('KB_ROUTE_NOT_FOUND', `No route for ${method} ${url}`),
  notReady: () => apiError('KB_NOT_READY', 'The index is not loaded yet'),
  /** A search over one of the query limits (LIMITS): the message names the limit and its value. */
  queryTooComplex: (message: string) => apiError('KB_QUERY_TOO_COMPLEX', message),
  /** The query worker died while answering (out of memory, a crash): the query is not run again anywhere. */
  queryFailed: () =>
    apiError('KB_QUERY_FAILED', 'The query stopped the worker answering it and was not retried; the worker is restarting. Send a simpler query.'),
  rateLimited: (max: number, retryMs: number) =>
    apiError('KB_RATE_LIMITED', `Rate limit of ${max} requests per minute exceeded; retry in ${Math.ceil(retryMs / 1000)} s`),
  webNotBuilt: () => apiError('KB_WEB_NOT_BUILT', 'The web assets are not built; run npm run build:web'),
  bodyTooLarge: (limit: number) =>
    apiError('KB_BODY_TOO_LARGE', `Request body is larger than the limit of ${limit} bytes; send a shorter excerpt around the error`),
  internal: () => apiError('KB_INTERNAL', 'Internal error; it has been logged'),
  /** Insights (issue 17): behind the admin token, reading the events database. */
  insightsOff: () =>
    apiError('KB_INSIGHTS_OFF', 'Insights are off: set KB_ADMIN_TOKEN to a secret on the server, then send it as Authorization: Bearer <token>'),
  unauthorized: () => apiError('KB_UNAUTHORIZED', 'Insights need Authorization: Bearer <token>, with the token the server was given as KB_ADMIN_TOKEN'),
  eventsOff: () => apiError('KB_EVENTS_OFF', 'Events are off (KB_EVENTS=0), so there is nothing to read: start the server with KB_EVENTS=1'),
  eventsUnavailable: (reason: string) => apiError('KB_EVENTS_UNAVAILABLE', `The events database cannot be read now (${reason}); try again shortly`),
  /** Insights reads run one at a time per process (http/routes/insights.ts); the route sets Retry-After to the same seconds. */
  insightsBusy: (retrySeconds: number) =>
    apiError('KB_INSIGHTS_BUSY', `Insights are busy: this server reads them one at a time and others are already waiting; retry in ${retrySeconds} s`, {
      'retry-after': String(retrySeconds),
    }),
  /** A `since` or `before` that is neither a date nor a span (core/insights/since.ts says what is). */
  invalidWindow: (name: string, value: string, forms: string) => apiError('KB_INVALID_REQUEST', `querystring/${name} must be ${forms}, got "${value}"`),
  /** A `since` or `before` of a valid form that names a moment outside what it may name (core/insights/since.ts). */
  windowOutOfRange: (name: string, value: string, range: string) => apiError('KB_INVALID_REQUEST', `querystring/${name} must be ${range}, got "${value}"`),
  /** A path parameter over the router's limit (LIMITS.articleIdChars); the URL is not echoed. */
  urlTooLong: (maxChars: number) =>
    apiError('KB_URL_TOO_LONG', `A segment of the URL path is over ${maxChars} characters, the longest id; the URL is not repeated here`),
  gapNotFound: (id: string, since: string) =>
    apiError(
      'KB_GAP_NOT_FOUND',
      `No gap with id "${id}" since ${since}; a gap's id is made from its oldest question in the window, so ask with the since it was listed with (GET /api/insights/gaps answers its window.since)`,
    ),
}

/** Characters of an error message sent at most: a message quoting the request (a URL, a value) must not send it back whole. */
export const ERROR_MESSAGE_CHARS = 500

/** The JSON body of every error answer; the message cut at ERROR_MESSAGE_CHARS. */
export function errorBody(statusCode: number, code: string, message: string) {
  return { statusCode, code, error: STATUS_TEXT[statusCode] ?? 'Error', message: bounded(message) }
}

/** A message cut to ERROR_MESSAGE_CHARS with an ellipsis, never inside a surrogate pair. */
function bounded(message: string): string {
  if (message.length <= ERROR_MESSAGE_CHARS) return message
  let end = ERROR_MESSAGE_CHARS - 1
  if (/[\uDC00-\uDFFF]/.test(message[end] ?? '')) end--
  return `${message.slice(0, end)}…`
}

/** Reason phrases of the statuses the catalogue uses (no node:http here: every layer may import this file). */
const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  408: 'Request Timeout',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
}
