/**
 * What a question event stores: the question redacted (core/privacy) and normalized the way the
 * matcher reads it (timestamps and counters gone, placeholders kept), bounded in size. For a
 * match, the lines the matcher read as the error; for a search, the query.
 *
 * Identical questions asked within one flush of the writer are stored as one row with a count
 * (runtime/events/questions.ts), and each answer still gets a queryId of its own: the row's id
 * with its last 12 hex digits replaced by random ones, so an open or a verdict finds its row
 * (`questionRowOf`) without a lookup, and two answers of one row stay told apart.
 */
import { randomUUID } from 'node:crypto'
import { normalizeLine } from '../../core/match/normalize.js'
import { redact } from '../../core/privacy/redact.js'
import type { Question } from './types.js'

/** Characters of a question stored at most. */
export const STORED_QUESTION_CHARS = 2000

/** The stored form of a question: redacted, normalized line by line, blank lines dropped, bounded. */
export function storedQuestion(lines: readonly string[]): string {
  const out: string[] = []
  let size = 0
  for (const line of lines) {
    const s = normalizeLine(redact(line.slice(0, STORED_QUESTION_CHARS)))
    if (!s) continue
    out.push(s)
    size += s.length + 1
    if (size >= STORED_QUESTION_CHARS) break
  }
  return out.join('\n').slice(0, STORED_QUESTION_CHARS)
}

/** Questions whose stored form is remembered, at most (then forgotten all at once: cheap, and popular questions come back at once). */
const REMEMBERED_QUESTIONS = 4096
/** Longer questions are not remembered: a 40 KB paste is rarely sent twice, and would hold memory. */
const REMEMBERED_CHARS = 1024
const remembered = new Map<string, string>()

/**
 * storedQuestion, remembered for short questions: the same search is asked again and again (a
 * cached answer costs microseconds, and redaction's patterns cost more than that), and the
 * stored form depends on the lines alone.
 */
export function storedQuestionOf(lines: readonly string[]): string {
  const key = lines.length === 1 ? lines[0]! : lines.join('\n')
  if (key.length > REMEMBERED_CHARS) return storedQuestion(lines)
  let stored = remembered.get(key)
  if (stored === undefined) {
    stored = storedQuestion(lines)
    if (remembered.size >= REMEMBERED_QUESTIONS) remembered.clear()
    remembered.set(key, stored)
  }
  return stored
}

/** What is known of a question when its answer is sent (the writer adds the ids, time and count). */
export type QuestionAsked = Question

/** A question answered, from what the route knows, in the form the writer groups and stores. */
export function questionAsked(input: {
  kind: 'search' | 'match'
  /** What the matcher read as the error (match) or the query (search); the whole paste when nothing was read as an error. */
  lines: readonly string[]
  raw?: string
  resultIds: string[]
  confidences?: number[]
  noConfidentMatch: boolean
  partial: boolean
  codes: string[]
  buildId: string
}): QuestionAsked {
  return {
    kind: input.kind,
    text: storedQuestionOf(input.lines),
    ...(input.raw !== undefined ? { raw: input.raw } : {}),
    resultIds: input.resultIds,
    ...(input.confidences ? { confidences: input.confidences } : {}),
    noConfidentMatch: input.noConfidentMatch,
    partial: input.partial,
    codes: input.codes,
    buildId: input.buildId,
  }
}

/** A new event id. */
export const newId = (): string => randomUUID()

/** Hex digits of a queryId that tell apart the answers of one question row (the UUID's last group). */
const ANSWER_DIGITS = 12
const ROW_SUFFIX = '0'.repeat(ANSWER_DIGITS)

/** A new question row id: a random UUID whose last group is zeros. */
export const newQuestionRowId = (): string => randomUUID().slice(0, 36 - ANSWER_DIGITS) + ROW_SUFFIX

/** A queryId for one answer of a question row: the row's id, its last group random. */
export const queryIdOf = (rowId: string): string => rowId.slice(0, 36 - ANSWER_DIGITS) + randomUUID().slice(36 - ANSWER_DIGITS)

/** A queryId of its own, for an answer whose question is not stored (events off, or dropped). */
export const newQueryId = (): string => queryIdOf(newQuestionRowId())

/** The question row a queryId belongs to. */
export const questionRowOf = (queryId: string): string => queryId.slice(0, 36 - ANSWER_DIGITS) + ROW_SUFFIX
