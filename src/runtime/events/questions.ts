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

/**
 * A row's bucket: the question as sent when it is kept (KB_STORE_RAW_PASTES), else its stored text
 * (one remembered string for a question asked again). Keyed by the raw paste when there is one, so
 * that pastes redacted to one text do not pile up in one bucket that every answer scans.
 */
const bucketOf = (q: QuestionAsked): string => q.raw ?? q.text

/**
 * Whether a question belongs to a row: every stored column equal, compared on a bucket's hit. Building one key of every column instead (the ten result ids
 * included) and hashing it cost the request path about 7 µs per answer (bench/README.md).
 */
function sameColumns(q: QuestionAsked, row: QueryEvent): boolean {
  const r = row.question
  // A cached answer records the one object it was given each time it is sent (http/events.ts).
  if (q === r) return true
  return (
    q.text === r.text &&
    q.kind === r.kind &&
    q.buildId === r.buildId &&
    q.noConfidentMatch === r.noConfidentMatch &&
    q.partial === r.partial &&
    q.raw === r.raw &&
    sameList(q.resultIds, r.resultIds) &&
    sameList(q.confidences, r.confidences) &&
    sameList(q.codes, r.codes)
  )
}

/** The row of a bucket with the question's columns (a loop: no closure made per question asked). */
function findRow(rows: readonly QueryEvent[], q: QuestionAsked): QueryEvent | undefined {
  for (const row of rows) if (sameColumns(q, row)) return row
  return undefined
}

/** Two lists with the same items in the same order (or both absent). */
function sameList<T>(a: readonly T[] | undefined, b: readonly T[] | undefined): boolean {
  if (a === b) return true
  if (a === undefined || b === undefined || a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** The questions asked since the last flush, one row per distinct question and answer. */
export class QuestionGroups {
  /** Rows by bucket (bucketOf; rows of one bucket differ in another column); `order` holds them as first asked. */
  private byBucket = new Map<string, QueryEvent[]>()
  private order: QueryEvent[] = []
  /** Questions held (the sum of the rows' counts). */
  private questions = 0

  /** Rows held. */
  get size(): number {
    return this.order.length
  }

  /** Questions held. */
  get count(): number {
    return this.questions
  }

  /** Add a question asked at `now` (epoch ms) to its row if it has one; returns its queryId, or undefined when it needs a new row and `mayGrow` is false. */
  add(q: QuestionAsked, now: number, mayGrow: boolean): string | undefined {
    const rows = this.byBucket.get(bucketOf(q))
    const row = rows && findRow(rows, q)
    if (row) {
      row.count++
      row.lastAt = now
      this.questions++
      return queryIdOf(row.id)
    }
    if (!mayGrow) return undefined
    const id = newQuestionRowId()
    const added: QueryEvent = { type: 'query', id, at: now, lastAt: now, count: 1, question: q }
    if (rows) rows.push(added)
    else this.byBucket.set(bucketOf(q), [added])
    this.order.push(added)
    this.questions++
    return queryIdOf(id)
  }

  /** Every row held, in the order first asked; the groups are empty after. */
  take(): QueryEvent[] {
    const out = this.order
    this.byBucket = new Map()
    this.order = []
    this.questions = 0
    return out
  }
}
