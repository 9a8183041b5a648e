/** The events of the KCS loop: questions asked, articles opened, verdicts given, articles used on tickets. */

/** What is stored of a question and its answer (the columns a question row shares with every question it counts). */
export interface Question {
  kind: 'search' | 'match'
  /** The question as stored: redacted, normalized, bounded (events/record.ts). */
  text: string
  /** The question as sent, only with KB_STORE_RAW_PASTES=1. */
  raw?: string
  resultIds: string[]
  /** Match only: each result's confidence. */
  confidences?: number[]
  noConfidentMatch: boolean
  partial: boolean
  codes: string[]
  buildId: string
}

/**
 * A search or match answered: what was asked (redacted), what was shown, how sure the answer was.
 * One row stands for `count` identical questions (same stored text, same answer, same build)
 * asked from `at` to `lastAt` within one flush of the writer; `id` is the row's (record.ts).
 * The times are epoch milliseconds: a Date made for every question asked was garbage on the
 * request path, where recording must cost next to nothing.
 */
export interface QueryEvent {
  type: 'query'
  id: string
  /** First asked, epoch ms. */
  at: number
  /** Times this question was asked with this answer, from `at` to `lastAt`. */
  count: number
  /** Last asked, epoch ms. */
  lastAt: number
  /** The first of the identical questions, as recorded (the writer serializes it once: writer.ts). */
  question: Question
}

/** A result opened from a list (widget, hosted page or API). */
export interface OpenEvent {
  type: 'open'
  id: string
  at: Date
  queryId?: string
  articleId: string
  position?: number
  source: 'widget' | 'page' | 'api'
}

/** The user's verdict on an article for a question. */
export interface FeedbackEvent {
  type: 'feedback'
  id: string
  at: Date
  queryId: string
  articleId: string
  verdict: 'solved' | 'not-related' | 'related-but-not-solved'
  comment?: string
}

/** An article attached to a ticket (the KCS reuse count). */
export interface UseEvent {
  type: 'use'
  id: string
  at: Date
  articleId: string
  ticket: string
}

export type KbEvent = QueryEvent | OpenEvent | FeedbackEvent | UseEvent
