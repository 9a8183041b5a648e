/**
 * The KCS loop's events over HTTP: every search and match answer gets a `queryId` and is recorded
 * as a question (redacted: runtime/events/record.ts); opens, feedback and ticket uses are recorded
 * through the routes below. Recording never delays or fails an answer: it only queues
 * (runtime/events/writer.ts). With events off (no store), the routes still answer, `recorded: false`.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import fp from 'fastify-plugin'
import { Errors } from '../api/errors.js'
import { redact } from '../core/privacy/redact.js'
import { ArticleParams, ErrorResponse, FeedbackBody, OpenBody, Recorded, UseBody } from '../api/schemas.js'
import { newId, newQueryId, type QuestionAsked, questionAsked, type RedactedQuestion } from '../runtime/events/record.js'
import type { EventStore } from '../runtime/events/store.js'
import type { KbEvent } from '../runtime/events/types.js'
import type { KnowledgeBase } from '../runtime/kb.js'

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Record a question answered; returns its id (always, with events on or off). `answer`: the
     * (cached) answer object it was given, so that the stored form of a question asked again is made once.
     */
    recordQuestion(kb: KnowledgeBase, q: QuestionAnswered, answer?: object): string
    /** The events store, when events are on. */
    events: EventStore | undefined
  }
}

/** What a route knows of a question it answered. */
export interface QuestionAnswered {
  kind: 'search' | 'match'
  lines: readonly string[]
  raw: string
  resultIds: string[]
  confidences?: number[]
  noConfidentMatch: boolean
  partial: boolean
  codes: string[]
  /** The paste lines the codes were read from, other than `lines` (a match's). */
  codeLines?: readonly string[]
  /** The question already redacted, when the route needed it first (it logged it). */
  redacted?: RedactedQuestion
}

/** Options of the events plugin. */
export interface EventsOptions {
  store?: EventStore
  /** Keep the question as sent next to its redacted form (KB_STORE_RAW_PASTES=1). */
  storeRaw?: boolean
}

/** `{"queryId":"…",` spliced in front of an answer serialized without it (answers are made in the query worker, ids here). */
export function withQueryId(json: string, queryId: string): string {
  return `{"queryId":"${queryId}",${json.slice(1)}`
}

const events: FastifyPluginAsyncTypebox<EventsOptions> = async (app, opts) => {
  const store = opts.store
  app.decorate('events', store)
  const record = (e: KbEvent): boolean => {
    if (!store) return false
    return store.record(e)
  }
  // A cached answer is one object however often it is sent: its question, as stored, is kept with
  // it (the last query text it answered), so a search asked again costs a lookup, not a redaction.
  const askedOf = new WeakMap<object, { raw: string; asked: QuestionAsked }>()
  app.decorate('recordQuestion', (kb: KnowledgeBase, q: QuestionAnswered, answer?: object) => {
    if (!store) return newQueryId()
    const buildId = kb.artifact.header.buildId
    const kept = answer && askedOf.get(answer)
    if (kept && kept.raw === q.raw && kept.asked.buildId === buildId) return store.recordQuestion(kept.asked)
    const asked = questionAsked({
      kind: q.kind,
      lines: q.lines,
      ...(opts.storeRaw ? { raw: q.raw } : {}),
      paste: q.raw,
      ...(q.codeLines ? { codeLines: q.codeLines } : {}),
      ...(q.redacted ? { redacted: q.redacted } : {}),
      resultIds: q.resultIds,
      ...(q.confidences ? { confidences: q.confidences } : {}),
      noConfidentMatch: q.noConfidentMatch,
      partial: q.partial,
      codes: q.codes,
      buildId,
    })
    if (answer) askedOf.set(answer, { raw: q.raw, asked })
    return store.recordQuestion(asked)
  })

  const known = (kb: KnowledgeBase, id: string) => {
    if (!kb.artifact.byId.has(id)) throw Errors.articleNotFound(id)
  }
  const response = { 202: Recorded, 400: ErrorResponse, 404: ErrorResponse, 413: ErrorResponse, 415: ErrorResponse }

  app.post('/api/events/open', { schema: { summary: 'Record that a result was opened', body: OpenBody, response } }, async (req, reply) => {
    known(req.kb, req.body.articleId)
    const { queryId, articleId, position, source } = req.body
    const recorded = record({
      type: 'open',
      id: newId(),
      at: new Date(),
      ...(queryId ? { queryId } : {}),
      articleId,
      ...(position ? { position } : {}),
      source: source ?? 'api',
    })
    return reply.code(202).send({ recorded })
  })

  app.post(
    '/api/feedback',
    {
      schema: {
        summary: 'Record whether an article solved the problem',
        description: '`verdict` is `solved`, `not-related` or `related-but-not-solved`; `queryId` is the one the search or match answer carried.',
        body: FeedbackBody,
        response,
      },
    },
    async (req, reply) => {
      known(req.kb, req.body.articleId)
      const { queryId, articleId, verdict, comment } = req.body
      const recorded = record({
        type: 'feedback',
        id: newId(),
        at: new Date(),
        queryId,
        articleId,
        verdict,
        // What users type is redacted like their questions: a comment may quote a password or an address.
        ...(comment?.trim() ? { comment: redact(comment.trim()) } : {}),
      })
      return reply.code(202).send({ recorded })
    },
  )

  app.post(
    '/api/articles/:id/uses',
    { schema: { summary: 'Record that an article was attached to a ticket', params: ArticleParams, body: UseBody, response } },
    async (req, reply) => {
      known(req.kb, req.params.id)
      const recorded = record({ type: 'use', id: newId(), at: new Date(), articleId: req.params.id, ticket: redact(req.body.ticket.trim()) })
      return reply.code(202).send({ recorded })
    },
  )
}

export const eventsPlugin = fp(events, { name: 'kb-events' })
