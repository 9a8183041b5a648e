/**
 * What a question event stores: the question redacted (core/privacy) and normalized the way the
 * matcher reads it (timestamps and counters gone, placeholders kept), bounded in size. For a
 * match, the lines the matcher read as the error; for a search, the query.
 */
import { randomUUID } from 'node:crypto'
import { normalizeLine } from '../../core/match/normalize.js'
import { redact } from '../../core/privacy/redact.js'
import type { QueryEvent } from './types.js'

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

/** A question event for an answer already sent. */
export function questionEvent(input: {
  id: string
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
}): QueryEvent {
  return {
    type: 'query',
    id: input.id,
    at: new Date(),
    kind: input.kind,
    text: storedQuestion(input.lines),
    ...(input.raw !== undefined ? { raw: input.raw } : {}),
    resultIds: input.resultIds,
    ...(input.confidences ? { confidences: input.confidences } : {}),
    noConfidentMatch: input.noConfidentMatch,
    partial: input.partial,
    codes: input.codes,
    buildId: input.buildId,
  }
}

/** A new event or question id. */
export const newId = (): string => randomUUID()
