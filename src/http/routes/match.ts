/** POST /api/match: symptom matching for a pasted error, log excerpt or stack trace. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { codesShown, questionLines, type RedactedQuestion, redactedQuestionOf } from '../../runtime/events/record.js'
import { withQueryId } from '../events.js'
import { sendSerialized } from '../send.js'
import { ErrorResponse, MatchBody, MatchResponse } from '../../api/schemas.js'

export const matchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/match',
    {
      schema: {
        summary: 'Match a pasted error to articles',
        description: 'Ranks articles by how well the paste matches their symptoms and error codes; `noConfidentMatch` is true when nothing fits.',
        body: MatchBody,
        // 503: KB_NOT_READY, or KB_QUERY_FAILED when the match stopped the worker running it (never retried).
        response: { 200: MatchResponse, 400: ErrorResponse, 413: ErrorResponse, 415: ErrorResponse, 503: ErrorResponse },
      },
    },
    async (req, reply) => {
      const answer = await app.queries.match(req.kb, { ...req.body, limit: req.body.limit ?? 5 }, app.matchBudgetMs)
      app.metrics.matches.inc({ outcome: answer.partial ? 'partial' : answer.noConfidentMatch ? 'no_confident_match' : 'confident' })
      const lines = questionLines(answer.errorLines, req.body.text)
      let redacted: RedactedQuestion | undefined
      if (answer.noConfidentMatch) {
        // The pastes the KB has no answer for are the articles it is missing: log what was read,
        // redacted like a stored question (a log is kept and shipped like the events are), and
        // record that redaction rather than make it again.
        redacted = redactedQuestionOf(lines, req.body.text, answer.codeLines)
        req.log.info({ codes: codesShown(answer.errorCodes, redacted), errorLines: redacted.redacted.split('\n', 2) }, 'no confident match')
      }
      const queryId = app.recordQuestion(req.kb, {
        kind: 'match',
        lines,
        raw: req.body.text,
        resultIds: answer.resultIds,
        confidences: answer.confidences,
        noConfidentMatch: answer.noConfidentMatch,
        partial: answer.partial,
        codes: answer.errorCodes,
        codeLines: answer.codeLines,
        ...(redacted ? { redacted } : {}),
      })
      // The answer comes serialized with this route's response schema (query/answers.ts).
      return sendSerialized(reply as FastifyReply, withQueryId(answer.json, queryId))
    },
  )
}
