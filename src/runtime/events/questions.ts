/**
 * Identical questions, grouped until the writer's next flush: one stored row per question and
 * answer, with a count. A support KB's traffic has a head (the same error pasted by many users,
 * the same search typed again), and a row costs the database far more than a count: measured at
 * 10,000 articles, PGlite spent about 64 µs of CPU per question row, while a cached search is
 * answered in about 100 µs. The key is everything stored: two questions whose rows would differ
 * in any column are never merged.
 */
import { newQuestionRowId, type QuestionAsked, queryIdOf } from './record.js'
import type { QueryEvent } from './types.js'

/** Row keys of questions already keyed: the route hands over one object for a question asked again (http/events.ts). */
const keys = new WeakMap<QuestionAsked, string>()

/** The row key of a question: its stored columns, joined with a separator no column holds unescaped. */
function keyOf(q: QuestionAsked): string {
  let key = keys.get(q)
  if (key === undefined) keys.set(q, (key = columnsKey(q)))
  return key
}

function columnsKey(q: QuestionAsked): string {
  return [
    q.kind,
    q.buildId,
    q.noConfidentMatch ? 1 : 0,
    q.partial ? 1 : 0,
    q.resultIds.join('\u0001'),
    q.confidences?.join('\u0001') ?? '',
    q.codes.join('\u0001'),
    q.text,
    q.raw ?? '\u0002',
  ].join('\u0000')
}

/** The questions asked since the last flush, one row per distinct question and answer. */
export class QuestionGroups {
  private rows = new Map<string, QueryEvent>()
  /** Questions held (the sum of the rows' counts). */
  private questions = 0

  /** Rows held. */
  get size(): number {
    return this.rows.size
  }

  /** Questions held. */
  get count(): number {
    return this.questions
  }

  /** Add a question to its row if it has one; returns its queryId, or undefined when it needs a new row and `mayGrow` is false. */
  add(q: QuestionAsked, now: Date, mayGrow: boolean): string | undefined {
    const key = keyOf(q)
    const row = this.rows.get(key)
    if (row) {
      row.count++
      row.lastAt = now
      this.questions++
      return queryIdOf(row.id)
    }
    if (!mayGrow) return undefined
    const id = newQuestionRowId()
    this.rows.set(key, { type: 'query', id, at: now, lastAt: now, count: 1, ...q })
    this.questions++
    return queryIdOf(id)
  }

  /** Every row held, in the order first asked; the groups are empty after. */
  take(): QueryEvent[] {
    const out = [...this.rows.values()]
    this.rows = new Map()
    this.questions = 0
    return out
  }
}
