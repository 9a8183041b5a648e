/**
 * One schema per API shape: used for request validation, response serialization, the
 * OpenAPI document and the handlers' static types.
 */
import Type, { type Static } from 'typebox'
import { LIMITS } from '../limits.js'

export const ErrorResponse = Type.Object(
  {
    statusCode: Type.Integer(),
    code: Type.String({ description: 'Stable error code, e.g. KB_INVALID_REQUEST' }),
    error: Type.String({ description: 'HTTP reason phrase' }),
    message: Type.String({ description: 'What is wrong, in words' }),
  },
  { $id: 'ErrorResponse', description: 'Every error has this shape' },
)

/**
 * A string with something besides white space (which also means not empty). Only the pattern, no
 * minLength: Ajv checks a length by counting code points, which walks every character of a 40 KB
 * paste on the main thread, where finding one that is not white space stops at the first.
 */
export const NOT_BLANK = '\\S'

const Limit = (max: number, dflt: number) => Type.Integer({ minimum: 1, maximum: max, default: dflt, description: `Results per page (1-${max})` })
const Offset = Type.Integer({ minimum: 0, maximum: LIMITS.resultOffset, default: 0, description: 'Results to skip' })
const Filters = {
  product: Type.Optional(Type.String({ minLength: 1, maxLength: LIMITS.filterChars, description: 'Only articles for this product (exact, case-insensitive)' })),
  tag: Type.Optional(Type.String({ minLength: 1, maxLength: LIMITS.filterChars, description: 'Only articles with this tag (exact, case-insensitive)' })),
}

export const SearchQuery = Type.Object({
  q: Type.String({ maxLength: LIMITS.searchQueryChars, pattern: NOT_BLANK, description: 'Query; Lunr syntax (field:, +, -, *, ~, ^) works' }),
  limit: Limit(LIMITS.searchResults, 10),
  offset: Offset,
  ...Filters,
})
export type SearchQuery = Static<typeof SearchQuery>

const StringList = Type.Array(Type.String())

/** The id of one answered question, returned with every search and match: feedback and opens name it. */
const UUID = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
const QueryIdField = Type.Optional(
  Type.String({ pattern: UUID, description: 'Id of this question: send it with opens and feedback (POST /api/events/open, /api/feedback)' }),
)

export const SearchResponse = Type.Object({
  queryId: QueryIdField,
  total: Type.Integer({ description: 'Hits after filters, before paging' }),
  syntax: Type.Union([Type.Literal('lunr'), Type.Literal('plain')], { description: 'How the query was read' }),
  partial: Type.Boolean({
    description: 'True when wildcard or fuzzy terms stood for more index terms than one search expands: the results are those of the terms expanded',
  }),
  notice: Type.Optional(Type.String({ description: 'Set when the query was not valid syntax and was searched as plain words' })),
  results: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      score: Type.Number(),
      snippet: Type.String(),
      products: StringList,
      tags: StringList,
      matchedTerms: StringList,
    }),
  ),
})

export const MatchBody = Type.Object(
  {
    text: Type.String({ pattern: NOT_BLANK, description: 'The pasted error text, log excerpt or stack trace' }),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.matchResults, default: 5, description: `Results to return (1-${LIMITS.matchResults})` })),
    ...Filters,
  },
  { additionalProperties: false },
)
export type MatchBody = Static<typeof MatchBody>

export const MatchedSymptom = Type.Object({
  symptom: Type.String({ description: "The article's symptom text" }),
  line: Type.String({ description: 'The pasted line that matched it' }),
  score: Type.Number({ description: 'How closely, 0 to 1' }),
})

export const MatchResponse = Type.Object({
  queryId: QueryIdField,
  noConfidentMatch: Type.Boolean({ description: 'True when no article fits the paste well enough to be called the answer' }),
  partial: Type.Boolean({
    description:
      'True when the time budget ran out before the paste was all read, its typos all looked up, or every candidate scored: the results are the best of what was done',
  }),
  signals: Type.Object(
    {
      errorCodes: StringList,
      terms: StringList,
      errorLines: StringList,
      skippedLines: Type.Integer({
        minimum: 0,
        description: 'Lines of a long paste (over 150 lines) not read because nothing in them or next to them looks like an error',
      }),
    },
    { description: 'What was read from the paste' },
  ),
  results: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      score: Type.Number(),
      confidence: Type.Number({ minimum: 0, maximum: 1 }),
      snippet: Type.String(),
      products: StringList,
      tags: StringList,
      matchedErrorCodes: StringList,
      matchedSymptoms: Type.Array(MatchedSymptom),
    }),
  ),
})

export const ArticlesQuery = Type.Object({
  limit: Limit(LIMITS.articlePage, 20),
  offset: Offset,
  ...Filters,
})
export type ArticlesQuery = Static<typeof ArticlesQuery>

export const ArticleSummary = Type.Object({
  id: Type.String(),
  title: Type.String(),
  products: StringList,
  tags: StringList,
  errorCodes: StringList,
  updated: Type.Union([Type.String(), Type.Null()]),
})

export const ArticlesResponse = Type.Object({
  total: Type.Integer(),
  results: Type.Array(ArticleSummary),
})

const Rendered = Type.Object({
  markdown: Type.String(),
  html: Type.String({ description: 'Sanitized HTML' }),
})

export const ArticleParams = Type.Object({
  // The same limit as lint and the router's parameter limit (src/app.ts): every valid id can be fetched.
  id: Type.String({ minLength: 1, maxLength: LIMITS.articleIdChars }),
})
export type ArticleParams = Static<typeof ArticleParams>

export const ArticleResponse = Type.Object({
  id: Type.String(),
  title: Type.String(),
  symptoms: StringList,
  environment: StringList,
  cause: Type.Union([Rendered, Type.Null()], { description: 'Null when the article states no cause.' }),
  resolution: Rendered,
  body: Rendered,
  products: StringList,
  tags: StringList,
  errorCodes: StringList,
  references: Type.Array(Type.Object({ title: Type.Optional(Type.String()), url: Type.String() })),
  updated: Type.Union([Type.String(), Type.Null()]),
})

export const HealthResponse = Type.Object({
  status: Type.String(),
  ready: Type.Boolean(),
  buildId: Type.Union([Type.String(), Type.Null()]),
  articles: Type.Integer(),
  version: Type.String({ description: "The kb-search package's version (package.json)" }),
})

const ArticleId = Type.String({ minLength: 1, maxLength: 100, pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' })
const QueryId = Type.String({ pattern: UUID, description: 'The queryId of the search or match answer' })

export const OpenBody = Type.Object(
  {
    queryId: Type.Optional(QueryId),
    articleId: ArticleId,
    position: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: '1 for the first result' })),
    source: Type.Optional(Type.Union([Type.Literal('widget'), Type.Literal('page'), Type.Literal('api')], { default: 'api' })),
  },
  { additionalProperties: false },
)
export type OpenBody = Static<typeof OpenBody>

export const FeedbackBody = Type.Object(
  {
    queryId: QueryId,
    articleId: ArticleId,
    verdict: Type.Union([Type.Literal('solved'), Type.Literal('not-related'), Type.Literal('related-but-not-solved')]),
    comment: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
)
export type FeedbackBody = Static<typeof FeedbackBody>

export const UseBody = Type.Object(
  {
    ticket: Type.String({
      minLength: 1,
      maxLength: 200,
      pattern: NOT_BLANK,
      description: 'The ticket the article was attached to, as your help desk names it',
    }),
  },
  { additionalProperties: false },
)
export type UseBody = Static<typeof UseBody>

export const Recorded = Type.Object({
  recorded: Type.Boolean({
    description:
      'True when the event was queued for writing; false when events are off (KB_EVENTS=off), the events database is unavailable or the buffer is full (counted in kb_events_dropped_total). A queued event can still be dropped if the database fails before it is written. The request itself succeeded either way',
  }),
})

// Insights (issue 17): behind Authorization: Bearer <KB_ADMIN_TOKEN>.

const Since = Type.String({
  maxLength: 40,
  default: '30d',
  description: 'Start of the window: a date (2026-11-01), an ISO time, or a span before now (24h, 7d, 2w); default 30d',
})
const Count = Type.Integer({ minimum: 0 })
const Rate = Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()])

export const InsightsQuery = Type.Object({ since: Since })
export type InsightsQuery = Static<typeof InsightsQuery>

export const GapsQuery = Type.Object({
  since: Since,
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100, description: 'Gaps listed, largest first (1-1000)' }),
})
export type GapsQuery = Static<typeof GapsQuery>

export const InsightsWindow = Type.Object({
  since: Type.String({ description: 'Start of the window, ISO time' }),
  until: Type.String({ description: 'When the answer was made, ISO time' }),
})

export const Gap = Type.Object({
  id: Type.String({
    description:
      "A hash of the error line's codes and the group's oldest question: stable as newer questions join; it changes only when that question leaves the window (an ISO `since` keeps it)",
  }),
  template: Type.String({ description: 'The line that says the error (not a stack frame or a header), <*> where the questions differ' }),
  count: Count,
  firstSeen: Type.String(),
  lastSeen: Type.String(),
  example: Type.String({ description: 'The latest question of the group, as stored (redacted)' }),
  codes: StringList,
  products: Type.Array(Type.String(), {
    description:
      "Products of the KB's articles that list one of the codes, leaving out codes that end many unrelated problems and a parent code read with its child",
  }),
  rejected: Type.Integer({ minimum: 0, description: 'Questions of the group whose answer a user rejected' }),
})

export const GapsResponse = Type.Object({
  window: InsightsWindow,
  questions: Type.Integer({
    minimum: 0,
    description: `Gap questions read, each stored row counted as the questions it stands for (the latest ${LIMITS.insightsGapQuestions} rows at most)`,
  }),
  overflow: Type.Integer({
    minimum: 0,
    description: "Questions in no gap: the template miner reached a bound, or nothing was left of them to group; questions = the gaps' counts + overflow",
  }),
  total: Type.Integer({ minimum: 0, description: 'Gaps found; the `limit` largest are listed' }),
  gaps: Type.Array(Gap),
})

export const GapParams = Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{16}$', description: 'A gap id from GET /api/insights/gaps' }) })
export type GapParams = Static<typeof GapParams>

export const DraftResponse = Type.Object({
  gap: Gap,
  path: Type.String({ description: 'Where the draft goes in the KB repository: articles/<slug>.md' }),
  markdown: Type.String({ description: 'The draft article, status: draft' }),
})

export const ArticleFigures = Type.Object({
  id: Type.String(),
  title: Type.Union([Type.String(), Type.Null()], { description: 'Null for an article no longer in the KB served' }),
  inKb: Type.Boolean(),
  impressions: Type.Integer({ minimum: 0, description: 'Times among the results shown' }),
  opens: Count,
  ctr: Type.Union([Type.Number({ minimum: 0 }), Type.Null()], {
    description: 'Answers that opened it per impression, 0 to 1 (each answer once; opens with no queryId left out)',
  }),
  meanPosition: Type.Union([Type.Number({ minimum: 1 }), Type.Null()], {
    description: 'Mean position of the opens (1 = first): where the answer opening it showed it; for an open with no queryId, the position it gave',
  }),
  solved: Count,
  notRelated: Count,
  relatedNotSolved: Count,
  helpfulRatio: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], { description: 'Solved per verdict' }),
  uses: Type.Integer({ minimum: 0, description: 'Tickets it was attached to, each once (a reference redaction turned into a placeholder counts each time)' }),
  oftenRejected: Type.Boolean({ description: 'At least 3 rejections, and at least half of its verdicts' }),
  neverFound: Type.Boolean({ description: 'In the KB, and never among the results shown in the window' }),
})

export const ArticlesInsightsResponse = Type.Object({ window: InsightsWindow, articles: Type.Array(ArticleFigures) })

const QueryCount = Type.Object({
  text: Type.String({ description: 'The question as stored (redacted), its first 300 characters' }),
  kind: Type.Union([Type.Literal('search'), Type.Literal('match')]),
  count: Count,
  noResult: Count,
})

export const SearchesInsightsResponse = Type.Object({
  window: InsightsWindow,
  total: Count,
  top: Type.Array(QueryCount),
  noResult: Type.Array(QueryCount),
  daily: Type.Array(
    Type.Object({
      day: Type.String({ description: 'YYYY-MM-DD (UTC)' }),
      questions: Count,
      searches: Count,
      matches: Count,
      noResult: Count,
      matchRate: Rate,
      confidentRate: Rate,
    }),
  ),
})

export const DeleteEventsQuery = Type.Object({
  before: Type.String({ maxLength: 40, description: 'Delete the events before this: a date, an ISO time, or a span before now (90d)' }),
})
export type DeleteEventsQuery = Static<typeof DeleteEventsQuery>

export const DeleteEventsResponse = Type.Object({ before: Type.String(), deleted: Count })
