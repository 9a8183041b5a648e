/**
 * Writing events off the request path: a bounded buffer, drained in batches by one loop. A request
 * only pushes to the buffer (or counts a drop when it is full), so a slow or absent database never
 * slows or fails an answer. When a write fails the batch is counted as dropped, the reason logged
 * at most once a minute, and the next attempt waits a little longer, up to a cap; when the
 * database is back, writing resumes on its own.
 */
import { setImmediate as nextTurn } from 'node:timers/promises'
import type { EventDb } from './db.js'
import { QuestionGroups } from './questions.js'
import { newQueryId, type QuestionAsked, questionRowOf } from './record.js'
import type { KbEvent, QueryEvent, Question } from './types.js'

/** Why events were not written (the `reason` label of kb_events_dropped_total). */
export type DropReason = 'buffer_full' | 'db_unavailable' | 'shutdown'

/** Options of the writer. */
export interface EventWriterOptions {
  /** Events held at most while waiting to be written (a question row counts once, however many times it was asked); beyond it, new events are dropped. */
  capacity: number
  /** Events written per transaction at most. */
  batchSize: number
  /** How long an event may wait for a batch to fill, in milliseconds. */
  flushMs: number
  /** Name of this replica, stored with each question. */
  replica: string
  /** Called with the count of events dropped and why. */
  onDrop?: (reason: DropReason, count: number) => void
  /** Called with the count written. */
  onWritten?: (count: number) => void
  /** Logs a warning; the writer calls it at most once a minute per reason. */
  warn?: (message: string) => void
}

/** Longest wait between attempts while the database is failing. */
const MAX_BACKOFF_MS = 30_000
const LOG_EVERY_MS = 60_000

/** The buffer and the loop that drains it into the database. */
export class EventWriter {
  private buffer: KbEvent[] = []
  /** Questions asked since the last write, one row per distinct question (questions.ts). */
  private readonly questions = new QuestionGroups()
  private timer: NodeJS.Timeout | undefined
  private writing: Promise<void> | undefined
  private backoffMs = 0
  private closed = false
  private readonly lastLogged = new Map<string, number>()

  constructor(
    private readonly db: () => EventDb | undefined,
    private readonly options: EventWriterOptions,
  ) {}

  /** Queue one event; false (and counted as dropped) when the buffer is full or the writer is closed. */
  record(event: KbEvent): boolean {
    if (this.closed) {
      this.drop('shutdown', 1, 'the server is shutting down')
      return false
    }
    if (this.held >= this.options.capacity) {
      this.dropFull()
      return false
    }
    this.buffer.push(event)
    this.scheduleFor()
    return true
  }

  /**
   * Queue a question answered, with the identical ones asked since the last write; returns the
   * answer's queryId (also when the question is dropped: the answer carries one all the same).
   */
  recordQuestion(q: QuestionAsked): string {
    if (this.closed) {
      this.drop('shutdown', 1, 'the server is shutting down')
      return newQueryId()
    }
    const id = this.questions.add(q, Date.now(), this.held < this.options.capacity)
    if (id === undefined) {
      this.dropFull()
      return newQueryId()
    }
    this.scheduleFor()
    return id
  }

  /** Events waiting to be written (each question counted). */
  get pending(): number {
    return this.buffer.length + this.questions.count
  }

  /** Rows held: the buffer's events and the question rows. */
  private get held(): number {
    return this.buffer.length + this.questions.size
  }

  private dropFull(): void {
    this.drop('buffer_full', 1, `the event buffer is full (${this.options.capacity} events): the database is not keeping up`)
  }

  /** A write now when a batch is full, else within flushMs. */
  private scheduleFor(): void {
    this.schedule(this.held >= this.options.batchSize ? 0 : this.options.flushMs)
  }

  /** Write what is buffered now (tests, shutdown); resolves when the attempt is over. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
    while (this.writing) await this.writing
    while (this.held > 0) {
      const before = this.held
      await this.writeBatch()
      if (this.held >= before) break
    }
  }

  /** Stop taking events; write what is left within `timeoutMs`, and count the rest as dropped. */
  async close(timeoutMs: number): Promise<void> {
    this.closed = true
    this.backoffMs = 0
    let timeout: NodeJS.Timeout | undefined
    await Promise.race([this.flush(), new Promise<void>((r) => (timeout = setTimeout(r, timeoutMs)))])
    clearTimeout(timeout)
    const left = eventCount(this.buffer.splice(0)) + eventCount(this.questions.take())
    if (left) this.drop('shutdown', left, 'the server stopped before every event was written')
  }

  private schedule(delayMs: number): void {
    if (this.writing) return
    const wait = Math.max(delayMs, this.backoffMs)
    if (this.timer && wait > 0) return
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = undefined
      this.writing = this.writeBatch().finally(() => {
        this.writing = undefined
        if (this.held > 0 && !this.closed) this.scheduleFor()
      })
    }, wait)
    this.timer.unref()
  }

  private async writeBatch(): Promise<void> {
    const db = this.db()
    if (!db) return // not open yet: the events wait in the buffer (bounded)
    // The question rows leave the groups now: a question asked from here on starts a new row.
    if (this.questions.size > 0) this.buffer.push(...this.questions.take())
    const batch = this.buffer.splice(0, this.options.batchSize)
    if (batch.length === 0) return
    const events = eventCount(batch)
    try {
      // Serialized before the transaction opens, in slices (recordsJson), so that no connection waits on it.
      const statements = await insertStatements(batch, this.options.replica)
      await db.transaction(async (tx) => {
        for (const { sql, params } of statements) await tx.query(sql, params)
      })
      this.backoffMs = 0
      this.options.onWritten?.(events)
    } catch (err) {
      this.backoffMs = Math.min(MAX_BACKOFF_MS, Math.max(250, this.backoffMs * 2))
      this.drop('db_unavailable', events, `writing events failed (${(err as Error).message}); retrying in ${this.backoffMs} ms`)
    }
  }

  private drop(reason: DropReason, count: number, why: string): void {
    this.options.onDrop?.(reason, count)
    const now = Date.now()
    const last = this.lastLogged.get(reason)
    if (last === undefined || now - last >= LOG_EVERY_MS) {
      this.lastLogged.set(reason, now)
      this.options.warn?.(`events dropped (${reason}): ${why}`)
    }
  }
}

/** Events in a batch: a question row counts each time it was asked. */
function eventCount(batch: readonly KbEvent[]): number {
  let n = 0
  for (const e of batch) n += e.type === 'query' ? e.count : 1
  return n
}

/** Rows serialized per turn of the event loop (see rowsJson). */
const ROWS_PER_TURN = 50

/**
 * Rows as a JSON array, each made by `rowJson`, a slice at a time with a turn of the event loop
 * between slices: the writer shares the event loop that answers requests, and a batch of 400
 * questions took 1.6-4 ms to serialize in one go: a stall in the path of every answer in flight,
 * at every write under load.
 */
async function rowsJson<T>(rows: readonly T[], rowJson: (row: T) => string): Promise<string> {
  const parts: string[] = []
  for (let i = 0; i < rows.length; i++) {
    if (i > 0 && i % ROWS_PER_TURN === 0) await nextTurn()
    parts.push(rowJson(rows[i]!))
  }
  // One join makes a flat string; appending row by row made a rope of thousands of pieces, which
  // posting it to PGlite's thread flattened: 1.1-1.7 ms against 0.5 ms, on the event loop.
  return `[${parts.join(',')}]`
}

/** What PostgreSQL cannot store in text or jsonb: U+0000, and a UTF-16 surrogate without its pair. */
const UNSTORABLE = /[\0\p{Cs}]/gu

/**
 * JSON for the database: a string PostgreSQL would refuse gets U+FFFD in place of what it cannot
 * hold. A paste, comment or ticket reference may carry them (a JSON body's "\u0000" or a lone
 * "\ud800"), and one such row made jsonb refuse its whole batch: every event in it dropped.
 */
const dbJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' && v.search(UNSTORABLE) >= 0 ? v.replace(UNSTORABLE, '\uFFFD') : v))

/** A table's columns with their SQL types; each row's JSON object has these keys. */
type Columns = ReadonlyArray<readonly [name: string, type: string]>

const QUERY_COLUMNS: Columns = [
  ['id', 'uuid'],
  ['at', 'timestamptz'],
  ['last_at', 'timestamptz'],
  ['n', 'integer'],
  ['kind', 'text'],
  ['text', 'text'],
  ['raw', 'text'],
  ['result_ids', 'text[]'],
  ['confidences', 'real[]'],
  ['no_confident_match', 'boolean'],
  ['partial', 'boolean'],
  ['codes', 'text[]'],
  ['build_id', 'text'],
  ['replica', 'text'],
]

/**
 * A question's answer columns as JSON object members, made once per question object: a cached
 * answer records the same object each time it is sent, so the same question rows, written at every
 * flush, are not serialized again (that cost about 10 µs per row of the main thread's time, with
 * JSON.stringify over objects made for it).
 */
const answerColumns = new WeakMap<Question, string>()
function answerColumnsJson(q: Question): string {
  let json = answerColumns.get(q)
  if (json === undefined) {
    json =
      `"kind":${dbJson(q.kind)},"text":${dbJson(q.text)},"raw":${dbJson(q.raw ?? null)},` +
      `"result_ids":${dbJson(q.resultIds)},"confidences":${dbJson(q.confidences ?? null)},` +
      `"no_confident_match":${q.noConfidentMatch},"partial":${q.partial},"codes":${dbJson(q.codes)},"build_id":${dbJson(q.buildId)}`
    answerColumns.set(q, json)
  }
  return json
}

/** One kb_queries row as JSON (QUERY_COLUMNS' keys); `replica` already JSON. */
const queryRowJson = (e: QueryEvent, replica: string): string =>
  `{"id":${JSON.stringify(e.id)},"at":"${new Date(e.at).toISOString()}","last_at":"${new Date(e.lastAt).toISOString()}","n":${e.count},${answerColumnsJson(e.question)},"replica":${replica}}`

/**
 * One INSERT per table for a batch, the rows passed as one JSON parameter and read back with
 * jsonb_to_recordset: measured on 20,000 question events, PGlite spent 64 ms of CPU per 1,000 against
 * 83-89 ms with a multi-row VALUES list of 6,000 parameters, and Node's side of PostgreSQL 14-21 ms
 * against 21-30 ms. An id already stored is skipped, so a retried batch is never counted twice.
 * Opens and verdicts carry the question row of their queryId (record.ts), which the insights join on.
 */
export async function insertStatements(batch: readonly KbEvent[], replica: string): Promise<Array<{ sql: string; params: unknown[] }>> {
  const out: Array<{ sql: string; params: unknown[] }> = []
  const add = async <T>(table: string, columns: Columns, rows: readonly T[], rowJson: (row: T) => string) => {
    if (rows.length === 0) return
    const names = columns.map(([n]) => n).join(', ')
    const record = columns.map(([n, t]) => `${n} ${t}`).join(', ')
    out.push({
      sql: `INSERT INTO ${table} (${names}) SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS r(${record}) ON CONFLICT (id) DO NOTHING`,
      params: [await rowsJson(rows, rowJson)],
    })
  }
  const of = <T extends KbEvent['type']>(type: T) => batch.filter((e): e is Extract<KbEvent, { type: T }> => e.type === type)
  const replicaJson = dbJson(replica)
  await add('kb_queries', QUERY_COLUMNS, of('query'), (e) => queryRowJson(e, replicaJson))
  await add(
    'kb_opens',
    [
      ['id', 'uuid'],
      ['at', 'timestamptz'],
      ['query_id', 'uuid'],
      ['question_id', 'uuid'],
      ['article_id', 'text'],
      ['position', 'integer'],
      ['source', 'text'],
    ],
    of('open'),
    (e) =>
      dbJson({
        id: e.id,
        at: e.at,
        query_id: e.queryId ?? null,
        question_id: e.queryId ? questionRowOf(e.queryId) : null,
        article_id: e.articleId,
        position: e.position ?? null,
        source: e.source,
      }),
  )
  await add(
    'kb_feedback',
    [
      ['id', 'uuid'],
      ['at', 'timestamptz'],
      ['query_id', 'uuid'],
      ['question_id', 'uuid'],
      ['article_id', 'text'],
      ['verdict', 'text'],
      ['comment', 'text'],
    ],
    of('feedback'),
    (e) =>
      dbJson({
        id: e.id,
        at: e.at,
        query_id: e.queryId,
        question_id: questionRowOf(e.queryId),
        article_id: e.articleId,
        verdict: e.verdict,
        comment: e.comment ?? null,
      }),
  )
  await add(
    'kb_uses',
    [
      ['id', 'uuid'],
      ['at', 'timestamptz'],
      ['article_id', 'text'],
      ['ticket', 'text'],
    ],
    of('use'),
    (e) => dbJson({ id: e.id, at: e.at, article_id: e.articleId, ticket: e.ticket }),
  )
  return out
}
